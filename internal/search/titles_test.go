package search_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"djkb/internal/search"
	"djkb/internal/search/searchtest"
)

// titleCorpus has titles that a query names: laws whose text seldom repeats
// their own title, and documents about them that mention it throughout.
func titleCorpus() []search.Doc {
	doc := func(title, date string, mentions ...string) search.Doc {
		path := "regulations/" + title + ".md"
		var parts []search.Part
		for i, m := range mentions {
			parts = append(parts, search.Part{Anchor: "第" + string(rune('一'+i)) + "条", Heading: "条", Text: m})
		}
		return search.Doc{Path: path, URL: strings.TrimSuffix(path, ".md") + "/", Title: title, Section: "法规制度", Date: date, Status: "现行有效", Parts: parts}
	}
	often := strings.Repeat("依照保险法的规定处理。", 5)
	var many []search.Doc // more titles hold 教育法 than a round of verifying reads
	for _, p := range []string{"北京市", "天津市", "河北省", "山西省", "辽宁省", "吉林省", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省"} {
		many = append(many, doc(p+"实施《中华人民共和国教育法》办法", "2023-01-01", strings.Repeat("依照教育法，结合本地实际。", 4)))
	}
	return append(many, []search.Doc{
		doc("中华人民共和国教育法", "1995-03-18", "为了发展教育事业，制定本法。"),
		doc("最高人民法院关于适用《中华人民共和国保险法》若干问题的解释（一）", "2020-01-01", often, often, often),
		doc("最高人民法院关于适用《中华人民共和国保险法》若干问题的解释（二）", "2021-01-01", often, often),
		doc("最高人民法院关于适用《中华人民共和国保险法》若干问题的解释（三）", "2022-01-01", often, often),
		doc("中华人民共和国保险法", "2015-04-24", "为了规范保险活动，保护保险活动当事人的合法权益，制定本法。"),
		doc("广东省河道管理条例", "2019-01-01", "依照国务院河道管理条例，制定本条例。"),
		doc("中华人民共和国河道管理条例（2018年修正）", "2018-03-19", "为加强河道管理，保障防洪安全，制定本条例。"),
		doc("最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（八）", "2021-02-26", "罪名如下。"),
		doc("最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（二）", "2003-08-15", "罪名如下。"),
		doc("最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定", "2002-03-15", "罪名如下。"),
		doc("最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（六）", "2015-10-30", "罪名如下。"),
		doc("全国人民代表大会常务委员会关于惩治骗购外汇、逃汇和非法买卖外汇犯罪的决定", "1998-12-29", "为了惩治骗购外汇、逃汇和非法买卖外汇的犯罪行为，制定本决定。"),
		doc("香港特別行政區基本法研究", "1990-04-04", "香港特別行政區是中華人民共和國不可分離的部分。"),
		// Pinyin: a tag, titles, and 多音字.
		tagged(doc("机关党支部组织生活安排", "2024-03-01", "加强机关党建，每月按时召开支部党员大会。"), "三会一课", "党建"),
		doc("关于认真落实三会一课制度的通知", "2024-02-01", "各支部要按时上好党课。"),
		doc("中国共产党支部工作条例（试行）", "2018-10-28", "党支部是党的基础组织。"),
		doc("重大事项请示报告条例", "2019-01-31", "请示报告重大事项。"),
		doc("行政处罚法学习材料", "2021-01-22", "行政处罚的种类。"),
		doc("关于加强机关党的建设的意见", "2019-03-01", "中办发〔2019〕12号。各地区各部门要加强机关党的建设。"),
		doc("拼音检索说明", "2020-01-01", "输入 sanhuiyike 也能找到。"),
		{Path: search.GlossaryPath, URL: "glossary/", Title: "术语表", Parts: []search.Part{
			{Text: "常用简称。"},
			{Anchor: "党建", Heading: "党建", Text: "又称：党的建设"},
			{Anchor: "三会一课", Heading: "三会一课", Text: "又称：支部党员大会、党小组会\n党的组织生活制度。"},
		}},
	}...)
}

func tagged(d search.Doc, tags ...string) search.Doc {
	d.Facets = map[string][]string{"tags": tags}
	return d
}

// TestTitleRanking checks in node (static/js/test/titles.test.js) that a
// document whose title a query names comes first.
func TestTitleRanking(t *testing.T) {
	dir := t.TempDir()
	if err := search.Write(searchtest.Dir(dir), slices.Values(titleCorpus()), search.Options{Facets: []search.Facet{{Key: "tags", Label: "专题"}}}); err != nil {
		t.Fatal(err)
	}
	nodeTest(t, []string{"DJKB_TITLES_DIR=" + filepath.Clean(dir)}, "titles.test.js")
}
