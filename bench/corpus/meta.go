package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// docKind is the kind of rule a document is; it decides its title,
// issuer, 文号, adoption history and front matter values.
type docKind int

const (
	kindLaw       docKind = iota // 法律, by the National People's Congress
	kindAdmin                    // 行政法规, by the State Council
	kindDept                     // 部门规章, by a ministry
	kindLocal                    // 地方性法规, by a provincial congress
	kindJudicial                 // 司法解释, by the Supreme People's Court
	kindParty                    // 党内法规, by the Party centre
	kindPartyNorm                // 党内规范性文件, by a provincial body
	kindUnit                     // 本单位制度, by the organ itself
)

// category is one folder of the library and the kind of rule it holds.
type category struct {
	dir    string // below content/regulations, slash-separated
	kind   docKind
	weight int
	sector string // 板块 of Party regulations
	org    int    // index into departments or provinces
	city   bool   // a city below the province
}

// categories lists the folders of the synthetic library, one to three
// levels deep.
func categories() []category {
	cats := []category{
		{dir: "宪法相关法", kind: kindLaw, weight: 3},
		{dir: "民法商法", kind: kindLaw, weight: 5},
		{dir: "行政法", kind: kindLaw, weight: 8},
		{dir: "经济法", kind: kindLaw, weight: 8},
		{dir: "社会法", kind: kindLaw, weight: 5},
		{dir: "刑法", kind: kindLaw, weight: 2},
		{dir: "诉讼与非诉讼程序法", kind: kindLaw, weight: 2},
		{dir: "行政法规/国务院", kind: kindAdmin, weight: 14},
		{dir: "司法解释/最高人民法院", kind: kindJudicial, weight: 4},
		{dir: "党内法规/党的领导", kind: kindParty, weight: 4, sector: "党的领导法规"},
		{dir: "党内法规/组织建设", kind: kindParty, weight: 6, sector: "党的组织法规"},
		{dir: "党内法规/思想建设", kind: kindParty, weight: 3, sector: "党的自身建设法规"},
		{dir: "党内法规/作风建设", kind: kindParty, weight: 3, sector: "党的自身建设法规"},
		{dir: "党内法规/纪律建设", kind: kindParty, weight: 4, sector: "党的自身建设法规"},
		{dir: "党内法规/监督保障", kind: kindParty, weight: 4, sector: "党的监督保障法规"},
		{dir: "党内规范性文件/省委办公厅", kind: kindPartyNorm, weight: 4},
		{dir: "党内规范性文件/省直机关工委", kind: kindPartyNorm, weight: 5},
		{dir: "党内规范性文件/省直机关工委/通知公告", kind: kindPartyNorm, weight: 3},
		{dir: "本单位制度/机关党委", kind: kindUnit, weight: 4},
		{dir: "本单位制度/党支部/第一党支部", kind: kindUnit, weight: 2},
	}
	for i, d := range departments {
		cats = append(cats, category{dir: "行政法规/国务院部门/" + d[0], kind: kindDept, weight: 3, org: i})
	}
	for i, p := range provinces {
		cats = append(cats, category{dir: "地方性法规/" + p[0], kind: kindLocal, weight: 3, org: i})
		if p[2] != "" {
			cats = append(cats, category{dir: "地方性法规/" + p[0] + "/" + p[2], kind: kindLocal, weight: 2, org: i, city: true})
		}
	}
	return cats
}

// docMeta is what a document says about itself: title, issuer, 文号.
type docMeta struct {
	title     string
	system    string // 体系
	form      string // 名称类别
	issuers   []string
	docNumber string
	prose     bool // written as 一、二、 headings, not articles
}

// newMeta invents the title and the paperwork of a document of cat
// issued on date, its title made of subj.
func newMeta(r *rand.Rand, cat category, date civilDate, subj titleSubjects) docMeta {
	t, pt := pick(r, subj.state), pick(r, subj.party)
	num := func(format string) string { return fmt.Sprintf(format, date.y, 1+r.IntN(60)) }
	switch cat.kind {
	case kindLaw:
		m := docMeta{system: "国家法律法规", form: "法律", issuers: []string{"全国人民代表大会常务委员会"}}
		switch r.IntN(6) {
		case 0:
			m.title = "全国人民代表大会常务委员会关于加强" + t + "工作的决定"
		default:
			m.title = "中华人民共和国" + t + "法"
		}
		m.docNumber = fmt.Sprintf("中华人民共和国主席令第%d号", 1+r.IntN(130))
		return m
	case kindAdmin:
		m := docMeta{system: "国家法律法规", form: "行政法规", issuers: []string{"国务院"}}
		m.title = pick(r, []string{t + "条例", t + "管理条例", "中华人民共和国" + t + "法实施条例", t + "暂行条例", "国务院关于" + t + "工作的若干规定"})
		m.docNumber = fmt.Sprintf("国务院令第%d号", 100+r.IntN(700))
		return m
	case kindDept:
		d := departments[cat.org]
		m := docMeta{system: "国家法律法规", form: "部门规章", issuers: []string{d[0]}}
		m.title = pick(r, []string{t + "管理办法", t + "实施细则", t + "暂行规定", t + "管理办法（试行）", d[0] + "关于" + t + "的规定"})
		m.docNumber = num(d[1] + "〔%d〕%d号")
		return m
	case kindLocal:
		p := provinces[cat.org]
		m := docMeta{system: "国家法律法规", form: "地方性法规", issuers: []string{p[0] + "人民代表大会常务委员会"}}
		place := p[0]
		if cat.city {
			place = p[2]
			m.issuers = []string{p[2] + "人民代表大会常务委员会"}
		}
		m.title = pick(r, []string{place + t + "条例", place + t + "管理规定", place + "实施《中华人民共和国" + t + "法》办法"})
		m.docNumber = num(p[1] + "人大常〔%d〕%d号")
		return m
	case kindJudicial:
		m := docMeta{system: "国家法律法规", form: "司法解释", issuers: []string{"最高人民法院"}}
		m.title = pick(r, []string{"最高人民法院关于审理" + t + "纠纷案件适用法律若干问题的解释", "最高人民法院关于适用《中华人民共和国" + t + "法》的解释"})
		m.docNumber = num("法释〔%d〕%d号")
		return m
	case kindParty:
		m := docMeta{system: "党内法规", issuers: []string{pick(r, []string{"中共中央", "中共中央", "中共中央办公厅", "中央纪委"})}}
		m.title = pick(r, []string{"中国共产党" + pt + "条例", "关于" + pt + "的规定", pt + "办法（试行）", pt + "实施细则", "中国共产党" + pt + "规则"})
		m.docNumber = num(map[string]string{"中共中央": "中发〔%d〕%d号", "中共中央办公厅": "中办发〔%d〕%d号", "中央纪委": "中纪发〔%d〕%d号"}[m.issuers[0]])
		m.form = formOf(m.title)
		return m
	case kindPartyNorm:
		issuer := strings.Split(cat.dir, "/")[1]
		m := docMeta{system: "党内规范性文件", issuers: []string{issuer}}
		m.title = pick(r, []string{"关于加强" + pt + "的意见", "关于进一步做好" + pt + "的通知", pt + "实施办法（试行）", "省直机关" + pt + "工作规则"})
		m.docNumber = num(map[string]string{"省委办公厅": "省委办发〔%d〕%d号", "省直机关工委": "省直工委〔%d〕%d号"}[issuer])
		m.form = formOf(m.title)
		m.prose = m.form == "意见" || m.form == "通知"
		return m
	default: // kindUnit
		m := docMeta{system: "本单位制度", issuers: []string{"机关党委"}}
		m.title = pick(r, []string{"机关党委" + pt + "制度", "关于落实" + pt + "的实施办法", "关于开展" + pt + "的通知"})
		m.docNumber = num("机关党委〔%d〕%d号")
		m.form = formOf(m.title)
		m.prose = m.form == "通知"
		return m
	}
}

// formSuffixes map the end of a title to its 名称类别, longest first.
var formSuffixes = [][2]string{{"实施细则", "细则"}, {"细则", "细则"}, {"条例", "条例"}, {"准则", "准则"},
	{"规则", "规则"}, {"规定", "规定"}, {"办法", "办法"}, {"意见", "意见"}, {"通知", "通知"}, {"制度", "制度"}}

// formOf returns the 名称类别 a title ends with, ignoring （试行）.
func formOf(title string) string {
	t := trimTrial(title)
	for _, s := range formSuffixes {
		if strings.HasSuffix(t, s[0]) {
			return s[1]
		}
	}
	return "规定"
}

// selfName is how a document calls itself: 本法, 本条例, 本办法….
func selfName(title string) string {
	t := trimTrial(title)
	for _, s := range []string{"解释", "决定", "法"} {
		if strings.HasSuffix(t, s) {
			return s
		}
	}
	return formOf(title)
}

// trimTrial removes a trailing （试行） or （暂行）.
func trimTrial(title string) string {
	return strings.TrimSuffix(strings.TrimSuffix(title, "（试行）"), "（暂行）")
}

// trialOf returns the 试行 value of a title: 试行, 暂行 or 无.
func trialOf(title string) string {
	switch {
	case strings.HasSuffix(title, "（试行）"):
		return "试行"
	case strings.HasSuffix(title, "（暂行）") || strings.Contains(title, "暂行"):
		return "暂行"
	}
	return "无"
}
