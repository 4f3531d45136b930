package search_test

import (
	"fmt"
	"strings"

	"djkb/internal/numerals"
	"djkb/internal/search"
)

// handCorpus is a small corpus with known answers, shared by the Go tests,
// the JavaScript engine tests (through testdata/fixture, written by
// TestFixture) and the browser tests.
func handCorpus() []search.Doc {
	reg := func(path, title, date, status string, parts ...search.Part) search.Doc {
		return search.Doc{
			Path: path, URL: strings.TrimSuffix(path, ".md") + "/", Title: title, Section: "法规制度",
			Date: date, Status: status, Parts: parts,
			Facets: map[string][]string{"section": {"法规制度"}, "status": {status}, "year": {date[:4]}},
		}
	}
	art := func(n, text string) search.Part { return search.Part{Anchor: n, Heading: n, Text: n + "　" + text} }
	docs := []search.Doc{
		reg("regulations/党内法规/中国共产党支部工作条例（试行）.md", "中国共产党支部工作条例（试行）", "2018-10-28", "现行有效",
			search.Part{Text: "2018年10月28日中共中央印发"},
			search.Part{Anchor: "第一章　总则", Heading: "第一章　总则"},
			art("第一条", "为了深入贯彻习近平新时代中国特色社会主义思想，全面加强党支部建设，根据《中国共产党章程》，制定本条例。"),
			art("第二条", "党支部是党的基础组织，是党在社会基层组织中的战斗堡垒。"),
			art("第十九条", "党支部应当严格执行三会一课制度，按期召开支部党员大会、党支部委员会会议和党小组会，按时上好党课。"),
		),
		reg("regulations/党内法规/中国共产党党和国家机关基层组织工作条例.md", "中国共产党党和国家机关基层组织工作条例", "2019-04-15", "现行有效",
			art("第一条", "为了坚持和加强党对党和国家机关的全面领导，推进机关党的建设高质量发展，制定本条例。"),
			art("第十六条", "机关基层党组织应当落实三会一课制度，开展主题党日活动，不当得利和无因管理的案例应当用于警示教育。"),
		),
		reg("regulations/党内法规/旧版支部工作规定.md", "中国共产党支部工作条例（试行）", "2004-05-01", "已废止",
			art("第一条", "为了加强党支部建设，制定本规定。"),
			art("第二条", "党支部应当执行三会一课制度。"),
		),
		reg("regulations/本单位制度/机关党委会议制度.md", "机关党委会议制度", "2021-03-01", "现行有效",
			search.Part{Text: "本制度规定机关党委会议的议事规则。"},
			search.Part{Anchor: "一、会议组织", Heading: "一、会议组织", Text: "机关党委会议一般每月召开一次，由书记召集。会议议题应当提前报送。"},
			search.Part{Anchor: "二、议事规则-1", Heading: "二、议事规则", Text: "会议实行民主集中制。反间谍法宣传教育纳入年度学习计划。"},
		),
		{
			Path: "cases/机关党建/数据堡垒.md", URL: "cases/机关党建/数据堡垒/", Title: "打造数据堡垒：某局党支部工作案例", Section: "典型案例",
			Date: "2023-06-01", Facets: map[string][]string{"section": {"典型案例"}, "year": {"2023"}, "tags": {"三会一课", "数据安全"}},
			Parts: []search.Part{
				{Text: "某局党支部把数据安全治理体系建设和党建工作结合起来。"},
				{Anchor: "主要做法", Heading: "主要做法", Text: "严格落实三会一课，支部书记讲党课，围绕数据安全开展学习。"},
			},
		},
		{
			Path: "brands/红色引擎.md", URL: "brands/红色引擎/", Title: "红色引擎 <script>alert(1)</script>", Section: "党建品牌",
			Date: "2022-01-01", Facets: map[string][]string{"section": {"党建品牌"}, "year": {"2022"}, "tags": {"党建品牌"}},
			Parts: []search.Part{{Text: "品牌口号：<b>红色引擎</b>驱动发展 & 创新。ＡＢＣ full-width 字母与 GB/T 7714 标准。"}},
		},
		{Path: "about.md", URL: "about/", Title: "关于本站", Parts: []search.Part{{Text: "本站收录机关党建法规制度、典型案例和党建品牌。𠀀𠀁字用于测试扩展汉字。"}}},
	}
	// When each regulation was in force (the 当时有效 filter): the old
	// 支部工作规定 until the 条例 replaced it; the 会议制度 from a 施行日期
	// after its date.
	docs[0].InForce = &search.Validity{From: "2018-10-28"}
	docs[1].InForce = &search.Validity{From: "2019-04-15"}
	docs[2].InForce = &search.Validity{From: "2004-05-01", Until: "2018-10-28"}
	docs[3].InForce = &search.Validity{From: "2021-03-15"}
	// Two versions with the same text: the newer ranks first.
	for _, y := range []string{"2020", "2022"} {
		d := reg("regulations/本单位制度/请示报告制度（"+y+"）.md", "请示报告制度", y+"-05-01", "现行有效",
			search.Part{Text: "重大事项应当及时向机关党委请示报告。"})
		d.InForce = &search.Validity{From: y + "-05-01"}
		if y == "2020" {
			d.InForce.Until = "2022-05-01"
		}
		docs = append(docs, d)
	}
	// A long regulation whose articles span several blocks.
	var parts []search.Part
	for i := 1; i <= 60; i++ {
		n := fmt.Sprintf("第%s条", numerals.Chinese(i))
		text := strings.Repeat("各级党组织应当加强对党员的教育管理监督，", 3)
		if i == 47 {
			text += "建立健全党内法规执行责任制。"
		}
		parts = append(parts, art(n, text))
	}
	// 已修改 with no later version: out of force since a date not recorded.
	long := reg("regulations/党内法规/长篇条例.md", "长篇条例", "2020-01-01", "已修改", parts...)
	long.InForce = &search.Validity{From: "2020-01-01", Ended: true}
	docs = append(docs, long)
	return docs
}

// sortedDocs returns docs sorted by path, as the generator passes them.
func sortedDocs(docs []search.Doc) []search.Doc {
	out := append([]search.Doc(nil), docs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].Path < out[i].Path {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
