package compilation_test

import (
	"slices"
	"strings"
	"testing"

	"djkb/internal/compilation"
)

func TestSampleDigestHTML(t *testing.T) {
	s := load(t, "../..")
	d, html := compile(t, s, "../..", compilation.Options{})

	cover := html[strings.Index(html, `<section class="cover"`):strings.Index(html, `<section class="notes"`)]
	for _, want := range []string{"东江省统计局机关党建法规制度汇编", "中共东江省统计局机关委员会 编", "截至2026年11月20日", "内部资料"} {
		if !strings.Contains(cover, want) {
			t.Errorf("封面上没有“%s”", want)
		}
	}
	if !strings.Contains(html, "<h1>编辑说明</h1>") || !strings.Contains(html, "共 33 件") {
		t.Errorf("编辑说明不全")
	}

	// Every regulation in force is an item; nothing else is.
	var want []string
	for _, p := range s.Pages {
		r := p.Reg()
		if r == nil || p.IsIndex {
			continue
		}
		inForce := (r.Status == "现行有效" && !r.Effective.After(sampleAsOf) && len(p.SupersededBy) == 0) || r.Status == ""
		if inForce {
			want = append(want, p.Src.Path)
		}
	}
	var got []string
	for _, it := range d.Items {
		got = append(got, it.Page.Src.Path)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("收录的文件为\n%q\n应为\n%q", got, want)
	}

	body := html[strings.Index(html, `<main class="body">`):strings.Index(html, `</main>`)]
	for _, it := range d.Items {
		if !strings.Contains(body, `<h3 class="item-title">`+it.Title+`</h3>`) {
			t.Errorf("正文中没有《%s》", it.Title)
		}
	}
	for _, p := range s.Pages {
		if st := p.Status(); (st == "已废止" || st == "宣布失效") && strings.Contains(body, `<h3 class="item-title">`+p.Title) {
			t.Errorf("正文收入了%s的《%s》", st, p.Title)
		}
	}
	checkInternalLinks(t, html)
}

// TestSampleOrder checks the 目录: systems in the schema's order, 党章
// first, sectors in order, issue dates rising within a sector.
func TestSampleOrder(t *testing.T) {
	s := load(t, "../..")
	d, html := compile(t, s, "../..", compilation.Options{})
	var systems []string
	for _, g := range d.Groups {
		systems = append(systems, g.Title)
	}
	if !slices.Equal(systems, []string{"党内法规", "党内规范性文件", "本单位制度"}) {
		t.Errorf("体系顺序为 %v", systems)
	}
	var subs []string
	for _, sg := range d.Groups[0].Subgroups {
		subs = append(subs, sg.Title)
	}
	if !slices.Equal(subs, []string{"党章", "党的组织法规", "党的自身建设法规", "党的监督保障法规"}) {
		t.Errorf("党内法规的分类顺序为 %v", subs)
	}
	if last := d.Groups[1].Subgroups[len(d.Groups[1].Subgroups)-1]; last.Title != "其他" || len(last.Items) != 2 {
		t.Errorf("没有板块和名称类别的文件应归入“其他”：%+v", last)
	}
	for _, g := range d.Groups {
		for _, sg := range g.Subgroups {
			for i := 1; i < len(sg.Items); i++ {
				a, b := sg.Items[i-1].Page, sg.Items[i].Page
				ra, rb := rankOf(a.Reg().Form), rankOf(b.Reg().Form)
				if ra > rb {
					t.Errorf("%s/%s 中《%s》（%s）排在《%s》（%s）之前，但位阶更低", g.Title, sg.Title, a.Title, a.Reg().Form, b.Title, b.Reg().Form)
				}
				if ra == rb && !b.Date.IsZero() && (a.Date.IsZero() || a.Date.After(b.Date)) {
					t.Errorf("%s/%s 中《%s》排在《%s》之前，但印发日期更晚", g.Title, sg.Title, a.Title, b.Title)
				}
			}
		}
	}
	toc := html[strings.Index(html, `<nav class="toc"`):strings.Index(html, `</nav>`)]
	pos := 0
	for _, it := range d.Items {
		i := strings.Index(toc[pos:], `href="#`+it.ID+`"`)
		if i < 0 {
			t.Fatalf("目录中《%s》的位置不对", it.Title)
		}
		pos += i
	}
}

// rankOf is a form's 位阶: 党章, 准则, 条例, 规定, 办法, 规则, 细则, then the rest.
func rankOf(form string) int {
	if i := slices.Index([]string{"党章", "准则", "条例", "规定", "办法", "规则", "细则"}, form); i >= 0 {
		return i
	}
	return 7
}

func TestItemHeader(t *testing.T) {
	s := load(t, "../..")
	d, html := compile(t, s, "../..", compilation.Options{})
	var it *compilation.Item
	for _, x := range d.Items {
		if strings.HasSuffix(x.Page.Src.Path, "东江省统计局主题党日活动规定.md") {
			it = x
		}
	}
	if it == nil {
		t.Fatal("没有收录主题党日活动规定")
	}
	facts := strings.Join(it.Facts(), "　")
	if facts != "东统机党〔2023〕6号　中共东江省统计局机关委员会 2023年4月25日印发　自2023年5月1日起施行" {
		t.Errorf("文件信息行为 %q", facts)
	}
	article := html[strings.Index(html, `<article class="item" id="`+it.ID+`"`):]
	article = article[:strings.Index(article, "</article>")]
	for _, want := range []string{"修订沿革", "2018年3月5日", "机关党委修订印发", `id="` + it.ID + `-第一条"`} {
		if !strings.Contains(article, want) {
			t.Errorf("《%s》中没有 %s", it.Title, want)
		}
	}
	if strings.Contains(article, "<h1") || strings.Contains(article, "<h2") {
		t.Errorf("正文的标题应降到 h4 以下")
	}
}
