package tokenize

import (
	"regexp"
	"strings"
)

// editionPattern matches a bracketed note at the end of a title that names
// an edition rather than a different document: （试行）, （2019年修订）,
// (草案). Ordinals such as （六） are not editions: they tell documents
// apart. static/js/tokenizer.js holds the same pattern.
var editionPattern = regexp.MustCompile(`[（(〔\[【] *(?:试行|暂行|草案|修订草案|征求意见稿|送审稿|[0-9０-９]{4} *年?(?: *[0-9０-９]{1,2} *月(?: *[0-9０-９]{1,2} *日)?)? *(?:修订|修正|修改|版|本|发布)?|修订|修正|修订本) *[）)〕\]】]$`)

// titleSpace is what TitleKey trims around a title and its edition notes.
const titleSpace = " \t\n\u3000"

// titlePrefixes are the issuer prefixes staff leave out when they type a
// title: 中华人民共和国保险法 is called 保险法.
var titlePrefixes = []string{"中华人民共和国", "中国共产党"}

// TitleKey folds a title, or a query, to the key by which a query names a
// title: the units of the text without punctuation (so 《》 and spaces do not
// count), without a leading 中华人民共和国 or 中国共产党 and without
// trailing edition notes such as （试行）. Han units are written together,
// words apart: "保险法", "补充规定六", "gb t 2312 80". The search page
// ranks a document whose title key equals the query's first.
func TitleKey(s string) string {
	s = strings.Trim(s, titleSpace)
	for {
		loc := editionPattern.FindStringIndex(s)
		if loc == nil || loc[0] == 0 {
			break
		}
		s = strings.TrimRight(s[:loc[0]], titleSpace)
	}
	var b strings.Builder
	prevHan := false
	for i, u := range Units(s) {
		if i > 0 && !(u.Han && prevHan) {
			b.WriteByte(' ')
		}
		b.WriteString(u.Text)
		prevHan = u.Han
	}
	key := b.String()
	for _, p := range titlePrefixes {
		if rest, ok := strings.CutPrefix(key, p); ok && rest != "" && !strings.HasPrefix(rest, " ") {
			return rest
		}
	}
	return key
}

// TitleTerm returns the index term under which a title is found by its
// TitleKey: "=" and the key's first maxWord code points, spaces written as
// "_" (the manifest lists keys between spaces; "" for an empty key). The page looks it up to find the documents a query names before it
// reads any text; it compares whole keys to decide.
func TitleTerm(key string) string {
	if key == "" {
		return ""
	}
	n := 0
	for i := range key {
		if n == maxWord {
			key = key[:i]
			break
		}
		n++
	}
	return "=" + strings.ReplaceAll(key, " ", "_")
}
