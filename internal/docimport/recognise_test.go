package docimport

import (
	"slices"
	"strings"
	"testing"
	"time"

	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/markdown"
)

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestFindDocNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"中办发〔2019〕12号", "中办发〔2019〕12号"},
		{"中办发[2019]12号", "中办发〔2019〕12号"},
		{`东委发\[2023\]7号`, ""}, // plain() takes the escapes away first
		{"中办发（2019）12号", "中办发〔2019〕12号"},
		{"中办发(2019)12号", "中办发〔2019〕12号"},
		{"厅字【2020】 5 号", "厅字〔2020〕5号"},
		{"国发〔２０１９〕第３号", "国发〔2019〕3号"},
		{"东委办发〔2024〕3号　　签发人：张三", "东委办发〔2024〕3号"},
		{"中共东江省委办公厅文件", ""},
		{"（2019年7月25日中共中央政治局会议审议批准）", ""},
		{"〔2019〕12号", ""},
	} {
		got, ok := FindDocNumber(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("FindDocNumber(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
	if got, _ := FindDocNumber(plain(`东委发\[2023\]7号`)); got != "东委发〔2023〕7号" {
		t.Errorf("escaped brackets: %q", got)
	}
}

func TestParseCaption(t *testing.T) {
	for _, tc := range []struct {
		in                string
		events            []Event
		bad               int
		issued, effective time.Time
		issuers           []string
	}{
		{
			in:      "（2019年7月25日中共中央政治局会议审议批准　2019年8月19日中共中央发布）",
			events:  []Event{{date(2019, 7, 25), "中共中央政治局会议审议批准"}, {date(2019, 8, 19), "中共中央发布"}},
			issued:  date(2019, 8, 19),
			issuers: []string{"中共中央"},
		},
		{
			in:        "（2023年5月10日委员会议审议通过　2023年6月1日中共东江省直属机关工作委员会发布　自2023年7月1日起施行）",
			events:    []Event{{date(2023, 5, 10), "委员会议审议通过"}, {date(2023, 6, 1), "中共东江省直属机关工作委员会发布"}, {date(2023, 7, 1), "施行"}},
			issued:    date(2023, 6, 1),
			effective: date(2023, 7, 1),
			issuers:   []string{"中共东江省直属机关工作委员会"},
		},
		{
			in:      "(2020年1月2日中共中央办公厅、国务院办公厅印发)",
			events:  []Event{{date(2020, 1, 2), "中共中央办公厅、国务院办公厅印发"}},
			issued:  date(2020, 1, 2),
			issuers: []string{"中共中央办公厅", "国务院办公厅"},
		},
		{
			in:     "（二〇一九年七月二十五日通过　根据2023年12月29日第十四届全国人大常委会第七次会议《关于修改的决定》修正）",
			events: []Event{{date(2019, 7, 25), "通过"}, {date(2023, 12, 29), "第十四届全国人大常委会第七次会议《关于修改的决定》修正"}},
			issued: date(2023, 12, 29),
		},
		{
			in:     "（２０２１年４月１２日印发）",
			events: []Event{{date(2021, 4, 12), "印发"}},
			issued: date(2021, 4, 12),
		},
		{
			in:        "（2020年5月28日第十三届全国人民代表大会第三次会议通过　自2021年1月1日起施行）",
			events:    []Event{{date(2020, 5, 28), "第十三届全国人民代表大会第三次会议通过"}, {date(2021, 1, 1), "施行"}},
			issued:    date(2020, 5, 28),
			effective: date(2021, 1, 1),
		},
		{
			in:  "（2019年2月30日中共中央发布）",
			bad: 1,
		},
		{in: "（中共中央发布）"},
	} {
		events, bad := ParseCaption(tc.in)
		if !slices.Equal(events, tc.events) || bad != tc.bad {
			t.Errorf("ParseCaption(%q) = %v, %d; want %v, %d", tc.in, events, bad, tc.events, tc.bad)
			continue
		}
		issued, adopted, effective, issuers := captionFacts(events)
		if issued.IsZero() {
			issued = adopted
		}
		if !issued.Equal(tc.issued) || !effective.Equal(tc.effective) || !slices.Equal(issuers, tc.issuers) {
			t.Errorf("captionFacts(%q) = %v, %v, %q; want %v, %v, %q", tc.in, issued, effective, issuers, tc.issued, tc.effective, tc.issuers)
		}
	}
}

func TestBanner(t *testing.T) {
	for in, want := range map[string][]string{
		"中共东江省委办公厅文件":                {"中共东江省委办公厅"},
		"中共东江省委办公厅　东江省人民政府办公厅文件":     {"中共东江省委办公厅", "东江省人民政府办公厅"},
		"关于印发《学习文件》的通知":              nil,
		"请各单位认真学习领会文件":               {"请各单位认真学习领会"}, // short lines are taken; the caller asks before the title only
		"根据中央有关规定，结合实际，现将有关事项通知如下文件": nil,
	} {
		got, _ := Banner(in)
		if !slices.Equal(got, want) {
			t.Errorf("Banner(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStructure(t *testing.T) {
	for _, tc := range []struct{ in, kind, label, name string }{
		{"第一章　总则", "章", "第一章", "总则"},
		{"第一章 总则", "章", "第一章", "总则"},
		{"第十二章总则", "章", "第十二章", "总则"},
		{"第二节", "节", "第二节", ""},
		{"第一编　总则", "编", "第一编", "总则"},
		{"第一分编　通则", "分编", "第一分编", "通则"},
		{"第二章规定的事项，由各党支部负责落实。", "", "", ""},
		{"第一条　为了规范工作，制定本办法。", "", "", ""},
	} {
		kind, label, name, ok := Structure(tc.in)
		if kind != tc.kind || label != tc.label || name != tc.name || ok != (tc.kind != "") {
			t.Errorf("Structure(%q) = %q %q %q %v", tc.in, kind, label, name, ok)
		}
	}
}

func TestArticle(t *testing.T) {
	for _, tc := range []struct{ in, label, rest string }{
		{"第一条　为了规范工作，制定本办法。", "第一条", "为了规范工作，制定本办法。"},
		{"**第一条**　为了规范工作。", "第一条", "为了规范工作。"},
		{"**第一条** 为了规范工作。", "第一条", "为了规范工作。"},
		{"**第一条　为了规范工作。**", "第一条", "为了规范工作。"},
		{"**第一条　为了** 规范工作。", "第一条", "**为了** 规范工作。"},
		{"　　第三条为了规范工作。", "第三条", "为了规范工作。"},
		{"第一百零一条  本法自公布之日起施行。", "第一百零一条", "本法自公布之日起施行。"},
		{"第十二条之一　新增条文。", "第十二条之一", "新增条文。"},
		{"第12条 数字条号。", "第12条", "数字条号。"},
		{"第一章　总则", "", ""},
		{"依照第一条规定。", "", ""},
	} {
		label, rest, ok := Article(tc.in)
		if label != tc.label || rest != tc.rest || ok != (tc.label != "") {
			t.Errorf("Article(%q) = %q, %q, %v; want %q, %q", tc.in, label, rest, ok, tc.label, tc.rest)
		}
	}
}

func TestRecognise(t *testing.T) {
	for _, tc := range []struct {
		name      string
		blocks    []string
		title     string
		number    string
		issuers   []string
		issued    time.Time
		effective time.Time
		body      string
		problems  []string // substrings, one per problem, in order
	}{
		{
			name: "红头",
			blocks: []string{"**中共东江省委办公厅文件**", "东委办发〔2024〕3号", "# 某某工作规则（试行）",
				"（2024年2月20日省委常委会会议审议批准　2024年3月1日中共东江省委办公厅印发）",
				"**第一章　总则**", "**第一条**　为了规范工作。", "第二条　本规则适用于各党支部。"},
			title: "某某工作规则（试行）", number: "东委办发〔2024〕3号", issuers: []string{"中共东江省委办公厅"},
			issued: date(2024, 3, 1),
			body:   "## 第一章　总则\n\n第一条　为了规范工作。\n\n第二条　本规则适用于各党支部。",
		},
		{
			name:   "标题分两行，题注在后",
			blocks: []string{"　　东江省直机关党建工作", "　　责任制实施细则", "（2023年6月1日中共东江省直属机关工作委员会发布）", "第一条　为了落实责任，制定本细则。"},
			title:  "东江省直机关党建工作责任制实施细则", issuers: []string{"中共东江省直属机关工作委员会"}, issued: date(2023, 6, 1),
			body:     "第一条　为了落实责任，制定本细则。",
			problems: []string{"文号"},
		},
		{
			name:     "（试行）单独一行",
			blocks:   []string{"党员积分管理办法", "（试行）", "第一条　为了管理党员，制定本办法。"},
			title:    "党员积分管理办法（试行）",
			body:     "第一条　为了管理党员，制定本办法。",
			problems: []string{"文号", "印发日期", "制定机关"},
		},
		{
			name:   "通知，落款和施行日期",
			blocks: []string{"# 关于做好培训工作的通知", "东委组发\\[2024\\]15号", "各党支部：", "一、总体要求", "本通知自2025年1月1日起施行。", "中共东江省委组织部", "二〇二四年十二月十六日"},
			title:  "关于做好培训工作的通知", number: "东委组发〔2024〕15号", issuers: []string{"中共东江省委组织部"},
			issued: date(2024, 12, 16), effective: date(2025, 1, 1),
			body: "各党支部：\n\n## 一、总体要求\n\n本通知自2025年1月1日起施行。\n\n中共东江省委组织部\n\n二〇二四年十二月十六日",
		},
		{
			name:     "没有标题",
			blocks:   []string{"第一条　为了规范工作，根据有关规定，制定本办法。", "第三条　本办法自发布之日起施行。"},
			body:     "第一条　为了规范工作，根据有关规定，制定本办法。\n\n第三条　本办法自发布之日起施行。",
			problems: []string{"第一条之后是第三条", "标题", "文号", "印发日期", "制定机关"},
		},
		{
			name:     "编章节的层级",
			blocks:   []string{"某法", "第一编　总则", "第一章　一般规定", "第一节　通则", "第一条　x。", "# 附件"},
			title:    "某法",
			body:     "## 第一编　总则\n\n### 第一章　一般规定\n\n#### 第一节　通则\n\n第一条　x。\n\n## 附件",
			problems: []string{"文号", "印发日期", "制定机关"},
		},
		{
			name:     "题注日期不对",
			blocks:   []string{"某规定", "（2019年2月30日中共中央发布）", "第一条　x。"},
			title:    "某规定",
			body:     "第一条　x。",
			problems: []string{"题注", "文号", "印发日期", "制定机关"},
		},
		{
			name:   "表格中的红头，网页菜单不是标题",
			blocks: []string{"| **中共某某委员会文件** |\n|---|\n| 某委发〔2020〕1号 |", "- 首页\n- 政策法规", "某某办法", "第一条　x。"},
			number: "某委发〔2020〕1号", issuers: []string{"中共某某委员会"}, title: "某某办法",
			body:     "- 首页\n- 政策法规\n\n第一条　x。",
			problems: []string{"印发日期"},
		},
		{
			name: "印发通知",
			blocks: []string{"中共东江省直属机关工作委员会文件", "东直工发〔2024〕9号", "关于印发《东江省直机关党员积分管理办法》的通知",
				"各党组织：", "现将《东江省直机关党员积分管理办法》印发给你们，请认真贯彻执行。", "中共东江省直属机关工作委员会", "2024年5月6日",
				"**东江省直机关党员积分管理办法**", "（2024年4月28日工委委员会议审议通过）", "第一条　为了管理党员，制定本办法。"},
			title: "东江省直机关党员积分管理办法", number: "东直工发〔2024〕9号", issuers: []string{"中共东江省直属机关工作委员会"},
			issued:   date(2024, 5, 6),
			body:     "各党组织：\n\n现将《东江省直机关党员积分管理办法》印发给你们，请认真贯彻执行。\n\n中共东江省直属机关工作委员会\n\n2024年5月6日\n\n第一条　为了管理党员，制定本办法。",
			problems: []string{"印发通知"},
		},
		{
			name:     "通知标题分两行，后面是主送",
			blocks:   []string{"关于印发《东江省直机关党员", "志愿服务管理办法》的", "通知", "各党组织：", "现印发给你们。"},
			title:    "关于印发《东江省直机关党员志愿服务管理办法》的通知",
			body:     "各党组织：\n\n现印发给你们。",
			problems: []string{"文号", "印发日期", "制定机关"},
		},
		{
			name:     "条例没有条",
			blocks:   []string{"某某工作条例", "党组织应当加强领导。"},
			title:    "某某工作条例",
			body:     "党组织应当加强领导。",
			problems: []string{"文号", "印发日期", "制定机关", "没有认出“第X条”"},
		},
	} {
		d := Recognise(tc.blocks)
		if d.Title != tc.title || d.DocNumber != tc.number || !slices.Equal(d.Issuers, tc.issuers) ||
			!d.Issued.Equal(tc.issued) || !d.Effective.Equal(tc.effective) || d.Body != tc.body {
			t.Errorf("%s: got title %q, 文号 %q, issuers %q, issued %v, effective %v, body\n%s", tc.name, d.Title, d.DocNumber, d.Issuers, d.Issued, d.Effective, d.Body)
		}
		if len(d.Problems) != len(tc.problems) {
			t.Errorf("%s: problems %q, want %q", tc.name, d.Problems, tc.problems)
			continue
		}
		for i, p := range tc.problems {
			if !strings.Contains(d.Problems[i], p) {
				t.Errorf("%s: problem %d is %q, want it to say %q", tc.name, i, d.Problems[i], p)
			}
		}
	}
}

func TestReadText(t *testing.T) {
	gbk := []byte{0xb5, 0xda, 0xd2, 0xbb, 0xcc, 0xf5, '\r', '\n'} // 第一条 in GBK
	for _, tc := range []struct {
		name string
		in   []byte
		want string
		warn bool
	}{
		{"GBK", gbk, "第一条", true},
		{"每行一段", []byte("标题\n第一条　x。\n第二条　y。\n"), "标题\n\n第一条　x。\n\n第二条　y。", false},
		{"段落折行", []byte("第一条　为了\n规范工作。\n\n第二条　本办法\n自印发之日起施行。\n\n第三条　z。\n（一）甲；\n（二）乙。\n"),
			"第一条　为了规范工作。\n\n第二条　本办法自印发之日起施行。\n\n第三条　z。\n\n（一）甲；\n\n（二）乙。", false},
		{"标记被转义", []byte("# 不是标题\n1. 不是列表\n*不是强调* <b>不是HTML</b>\n"), "\\# 不是标题\n\n1\\. 不是列表\n\n\\*不是强调\\* \\<b\\>不是HTML\\</b\\>", false},
	} {
		c, warning, err := readText(tc.in)
		if err != nil || c.markdown != tc.want || (warning != "") != tc.warn {
			t.Errorf("%s: got %q, %q, %v; want %q", tc.name, c.markdown, warning, err, tc.want)
		}
	}
	if _, _, err := readText([]byte("PK\x03\x04\x00\x80\x81")); err == nil {
		t.Error("a file that is no text must be refused")
	}
}

// FuzzRecognise reads any text as a text file is imported and checks that
// the page it makes always reads back without error, that each article
// the body starts gets its anchor, and that the body has no first-level
// heading besides the page's title.
func FuzzRecognise(f *testing.F) {
	for _, s := range []string{
		"中共某某委员会文件\n某发〔2019〕1号\n某某条例\n（2019年7月25日中共中央发布）\n第一章　总则\n第一条　x。\n（一）y；",
		"**第一条** \"引号\" \\ 反斜杠\n# 标题\n第二编\n第三节 x\n1. a\n\n二〇一九年七月二十五日",
		"（2019年13月40日）\n（\n第\n第条\n第一条",
		"a\n\nb\nc\n\nd",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, _, err := readText(data)
		if err != nil {
			return
		}
		d := Recognise(blocks(c.markdown))
		if d.Title == "" {
			d.Title = "文件名"
		}
		text := page(Request{Kind: "regulation"}, d, "文件.txt")
		var diags diag.List
		src := content.Parse("regulations/x.md", []byte(text), &diags)
		if diags.HasErrors() || src == nil {
			t.Fatalf("imported page does not parse: %v\n%s", diags.Items(), text)
		}
		if src.Meta.Title != d.Title {
			t.Fatalf("title %q read back as %q", d.Title, src.Meta.Title)
		}
		articles := 0
		for _, b := range blocks(d.Body) {
			if strings.HasPrefix(b, "# ") {
				t.Fatalf("first-level heading in the body: %q", b)
			}
			if label := markdown.ArticleLabel([]byte(b)); label != "" {
				articles++
			}
		}
		if articles < d.Articles {
			t.Fatalf("%d articles recognised, %d anchored:\n%s", d.Articles, articles, d.Body)
		}
	})
}
