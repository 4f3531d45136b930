package tokenize

import (
	"flag"
	"math/rand/v2"
	"strconv"
	"testing"
	"unicode/utf16"

	"djkb/internal/search/vectors"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The shared vectors: testdata/tokenizer_vectors.json and
// testdata/query_vectors.json hold inputs and the Go tokenizer's and query
// parser's answers; static/js/test/tokenizer.test.js checks that the
// JavaScript gives the same answers. Inputs are UTF-16 code units so that
// lone surrogates survive JSON (Go reads them as U+FFFD, as a browser's
// UTF-8 encoder would).

// vecUnit is [text, han?, joined?, start, end] with UTF-16 offsets.
type vecUnit [5]any

type tokVector struct {
	In   []uint16  `json:"in"`
	Text string    `json:"text"` // readable copy of the input
	Unit []vecUnit `json:"units"`
	Keys []string  `json:"keys"`
}

type queryVector struct {
	In    []uint16  `json:"in"`
	Text  string    `json:"text"`
	Terms []vecTerm `json:"terms"`
}

type vecTerm struct {
	Neg    bool     `json:"neg"`
	Quoted bool     `json:"quoted"`
	Units  [][2]any `json:"units"` // [text, joined?]
}

var handInputs = []string{
	"第5!条 第5条", "第（5）条 “第 5 条”",
	"",
	"中华人民共和国数据安全法",
	"第十二条　党支部应当组织党员按期参加党员大会、党小组会和上党课。",
	"中办发〔2019〕12号",
	"ＡＢＣ　ｄｅｆ　１２３，GB/T 2312-80",
	"Straße İstanbul ΣΑΣ Ωμέγα",
	"e\u0301te\u0301 cafe\u0301",
	"Y\u030A Ÿ\u0301 ẙ", // lower casing makes y + U+030A, which composes
	"㈠㈡ ①② ⑴ ㊣",
	"𠀀𠀁𪚥 中𠀀文",
	"数\u200b据 安\u00ad全 葛\U000E0100藤",
	"三会一课、民主评议、组织生活会",
	"《中国共产党章程》（2022年10月22日）",
	"emoji 👍🏽 家👨‍👩‍👧人 🇨🇳",
	"tab\tnew\nline\r\nend",
	"ｶﾀｶﾅ ひらがな 한국어",
	"⼀⼆ 兀 﨑",
	"x\ufffdy \uffff",
	"<script>alert(1)</script>",
	".*+?^${}()|[]\\",
	"abc123def 3.14 v2",
	"第5条 第 5 条",
	"中華人民共和國數據安全法 黨支部應當嚴格執行三會一課制度",
	"臺灣 香港 澳門 裡 裏 著作權 乾坤 什麼 么 後來 於是",
	"第12条 第 12 条 第１２条 第0条 第十二条",
	"第105条第二款 第1010条 第9999条 第10000条 第3章 第2节",
	"二〇一九年 二○一九年工作要点 一九九九年十二月 二〇一九",
	"中办发〔2019〕12号 中办发[2019]12号 中办发（2019）12号 中办发【2019】12号",
	"-反腐 \"党的 建设\" “三会 一课” －作风",
	"- a -- b --c",
	"\"unterminated phrase",
	"数据 数据 -数据 \"数据\"",
	"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
}

// handInputs16 are inputs that only UTF-16 can carry: lone surrogates.
var handInputs16 = [][]uint16{
	{0x6570, 0xD800, 0x636E},
	{0xDC00, 0x0041, 0xD83D},
	{0xD83D, 0xDC4D, 0xD83D},
}

// randomInputs draws deterministic strings from an alphabet of awkward code
// units, surrogate halves included.
func randomInputs(n int) [][]uint16 {
	alphabet := []uint16{
		' ', ' ', '"', '-', 'a', 'Z', '1', '9', '.', '*', '<', 0x3000, 0x3001, 0x3002, 0xFF02, 0xFF0D,
		0x201C, 0x201D, 0x4E2D, 0x6587, 0x6570, 0x636E, 0x5B89, 0x5168, 0x515A, 0x5EFA, 0x3007, 0x3005,
		0xFF21, 0xFF41, 0xFF11, 0x0301, 0x0130, 0x00DF, 0x00AD, 0x200B, 0x200D, 0xFE0F, 0x2460, 0x3220,
		0xF900, 0x2F00, 0xD840, 0xDC00, 0xD83D, 0xDE00, 0xFFFD, 0x00A0, 0x1100, 0x1161, 0xAC00, 0x30AB,
	}
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([][]uint16, n)
	for i := range out {
		s := make([]uint16, rng.IntN(24))
		for j := range s {
			s[j] = alphabet[rng.IntN(len(alphabet))]
		}
		out[i] = s
	}
	return out
}

func allInputs() [][]uint16 {
	var in [][]uint16
	for _, s := range handInputs {
		in = append(in, utf16.Encode([]rune(s)))
	}
	in = append(in, handInputs16...)
	return append(in, randomInputs(400)...)
}

// off16 converts a byte offset in s to a UTF-16 offset.
func off16(s string, b int) int { return Len16(s[:b]) }

func tokenizerVectors() []tokVector {
	var vs []tokVector
	for _, in := range allInputs() {
		s := string(utf16.Decode(in))
		v := tokVector{In: in, Text: s, Unit: []vecUnit{}, Keys: Keys(s)}
		if v.Keys == nil {
			v.Keys = []string{}
		}
		for _, u := range Units(s) {
			v.Unit = append(v.Unit, vecUnit{u.Text, u.Han, u.Joined, off16(s, u.Start), off16(s, u.End)})
		}
		vs = append(vs, v)
	}
	return vs
}

func queryVectors() []queryVector {
	var vs []queryVector
	for _, in := range allInputs() {
		s := string(utf16.Decode(in))
		v := queryVector{In: in, Text: s, Terms: []vecTerm{}}
		for _, t := range ParseQuery(s).Terms {
			vt := vecTerm{Neg: t.Neg, Quoted: t.Quoted}
			for _, u := range t.Units {
				vt.Units = append(vt.Units, [2]any{u.Text, u.Joined})
			}
			v.Terms = append(v.Terms, vt)
		}
		vs = append(vs, v)
	}
	return vs
}

func TestTokenizerVectors(t *testing.T) {
	vectors.Check(t, "testdata/tokenizer_vectors.json", tokenizerVectors(), *update)
}

func TestQueryVectors(t *testing.T) {
	vectors.Check(t, "testdata/query_vectors.json", queryVectors(), *update)
}

// titleKeyInputs are titles and queries for the shared TitleKey vectors.
var titleKeyInputs = []string{
	"中华人民共和国保险法",
	"保险法",
	"《中华人民共和国保险法》",
	"最高人民法院关于适用《中华人民共和国保险法》若干问题的解释（二）",
	"最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（六）",
	"中国共产党纪律处分条例",
	"中国共产党支部工作条例（试行）",
	"中国共产党支部工作条例(试行)",
	"中华人民共和国河道管理条例（2018年修正）",
	"中华人民共和国河道管理条例（2018年3月19日修订）",
	"中华人民共和国某某管理条例（2019年修订）（试行）",
	"广东省河道管理条例",
	"国务院关于2019年工作的通知（二〇一九）",
	"中华人民共和国",
	"（试行）",
	"GB/T 2312-80 信息交换用汉字编码字符集",
	"中办发〔2019〕12号",
	"  保险法 ",
}

type titleKeyVector struct {
	In   string `json:"in"`
	Key  string `json:"key"`
	Term string `json:"term"`
}

func TestTitleKeyVectors(t *testing.T) {
	var vs []titleKeyVector
	for _, s := range append(titleKeyInputs, handInputs...) {
		vs = append(vs, titleKeyVector{s, TitleKey(s), TitleTerm(TitleKey(s))})
	}
	vectors.Check(t, "testdata/titlekey_vectors.json", vs, *update)
}

type numberVector struct {
	In  string `json:"in"`
	Out string `json:"out"`
}

// TestNumberVectors writes NormalizeNumbers's answers for article numbers
// from 1 to 9999 (every one up to 130, then a spread) and for years.
func TestNumberVectors(t *testing.T) {
	var vs []numberVector
	add := func(s string) { vs = append(vs, numberVector{s, NormalizeNumbers(s)}) }
	for n := 1; n <= 9999; n++ {
		if n <= 130 || n%97 == 0 || n%1000 < 12 {
			add("第" + strconv.Itoa(n) + "条")
		}
	}
	for _, s := range []string{"二〇一九年", "二○一九年", "一九九九年", "二〇二〇年十二月", "二〇一九", "第 12 条", "第１２条", "第0条", "第12万条"} {
		add(s)
	}
	vectors.Check(t, "testdata/number_vectors.json", vs, *update)
}
