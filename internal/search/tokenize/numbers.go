package tokenize

import (
	"regexp"
	"strings"

	"djkb/internal/numerals"
)

// Numbers in a query are written the way the documents write them, so that
// 第12条, 第 12 条 and 第十二条 find the same article, and 二〇一九年 finds
// 2019年. static/js/tokenizer.js (normalizeNumbers) does the same, with the
// same patterns.
var (
	// articleNumber is 第N条 (章, 节, 款, 项, 编) with N in digits: laws and
	// the pages' anchors write N in Chinese.
	articleNumber = regexp.MustCompile(`第[ 　]*([0-9０-９]{1,4})[ 　]*([条章节款项编])`)
	// hanYear is a year written out in Chinese digits, which documents
	// mostly write in Arabic ones.
	hanYear = regexp.MustCompile(`([〇零○一二三四五六七八九]{4})年`)
)

// NormalizeNumbers rewrites the numbers of a query: 第12条 becomes 第十二条,
// 二〇一九年 becomes 2019年. Brackets around the year of a 文号 need nothing:
// 〔2019〕, [2019], （2019） and 【2019】 all tokenize alike.
func NormalizeNumbers(q string) string {
	if strings.Contains(q, "第") {
		q = articleNumber.ReplaceAllStringFunc(q, func(m string) string {
			sub := articleNumber.FindStringSubmatch(m)
			n := 0
			for _, r := range sub[1] {
				if r >= '０' {
					r -= '０' - '0'
				}
				n = n*10 + int(r-'0')
			}
			if n == 0 {
				return m
			}
			return "第" + numerals.Chinese(n) + sub[2]
		})
	}
	if strings.Contains(q, "年") {
		q = hanYear.ReplaceAllStringFunc(q, func(m string) string {
			var b strings.Builder
			for _, r := range strings.TrimSuffix(m, "年") {
				b.WriteByte(byte('0' + numerals.Parse(string(r))))
			}
			return b.String() + "年"
		})
	}
	return q
}
