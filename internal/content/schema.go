package content

import (
	"slices"
	"time"
)

// Kind is the kind of material a page holds, decided by its top-level folder.
type Kind string

// The page kinds.
const (
	KindRegulation Kind = "regulation" // content/regulations/
	KindCase       Kind = "case"       // content/cases/
	KindBrand      Kind = "brand"      // content/brands/
	KindPage       Kind = "page"       // anything else
)

// Kinds lists the page kinds in the order the schema documents them.
var Kinds = []Kind{KindRegulation, KindCase, KindBrand, KindPage}

// KindOfPath returns the kind of a page from its path relative to content/.
func KindOfPath(path string) Kind {
	switch firstSegment(path) {
	case "regulations":
		return KindRegulation
	case "cases":
		return KindCase
	case "brands":
		return KindBrand
	}
	return KindPage
}

// The 效力状态 values. The register presumes one for a regulation that
// records none; the clean-up and the digest read them.
const (
	InForce  = "现行有效"
	Amended  = "已修改"
	Repealed = "已废止"
	Void     = "宣布失效"
	Pending  = "尚未施行"
)

// The two clean-up results that keep a document in force.
const (
	KeepInForce = "继续有效"
	KeepRevise  = "继续有效但需适时修改"
)

// Allowed values of the enumerated front-matter keys.
var (
	Systems  = []string{"党内法规", "党内规范性文件", "国家法律法规", "本单位制度"}
	Forms    = []string{"党章", "准则", "条例", "规则", "规定", "办法", "细则", "法律", "行政法规", "部门规章", "地方性法规", "司法解释", "规范性文件", "制度", "通知", "意见"}
	Sectors  = []string{"党的组织法规", "党的领导法规", "党的自身建设法规", "党的监督保障法规"}
	Statuses = []string{InForce, Amended, Repealed, Void, Pending}
	Trials   = []string{"无", "试行", "暂行"}
	Results  = []string{KeepInForce, KeepRevise, "修改", "废止", "宣布失效"}
	// Grounds are the reasons the practice gives for each clean-up result.
	Grounds = map[string][]string{
		"废止":       {"与上位法规抵触", "已被新规定替代", "不适应新形势"},
		"宣布失效":     {"调整对象已消失", "适用期已过"},
		"修改":       {"不适应", "不协调", "不衔接", "不一致"},
		KeepRevise: {"不适应", "不协调", "不衔接", "不一致"},
	}
	// FilingConclusions are the conclusions of a 备案审查.
	FilingConclusions = []string{"通过", "纠正", "撤销"}
	// FilingExempt are the kinds of document that are not filed (不需报备).
	FilingExempt = []string{"讲话", "工作要点", "人事任免", "请示报告", "会议纪要"}
	CaseTypes    = []string{"工作案例", "警示案例"}
	UnitTypes    = []string{"党群系统", "政府部门", "中央驻地方单位", "直属单位"}
	Areas        = []string{"政治", "思想", "组织", "作风", "纪律", "制度"}
	Tiers        = []string{"示范", "典型", "优秀"}
)

// Kinds of page that share a field.
var (
	regulation = []Kind{KindRegulation}
	caseKind   = []Kind{KindCase}
	brand      = []Kind{KindBrand}
	unitKinds  = []Kind{KindCase, KindBrand}
)

//go:generate go test -run TestSchemaDocs -update

// Fields is the content schema: every front-matter key once. Decoding and
// validation, the search page's filters, the default taxonomies, the
// reference in docs/schema.md and the editors' guide page all read it.
//
// A field that Go code reads has a struct field tagged with its key in Meta
// (fields of every kind) or in the kind's struct; one that only templates
// show needs no Go field: its value is kept in Meta.Extra, and templates
// read either kind with .Meta.Value "key".
var Fields = []Field{
	{Key: "title", Label: "标题", Type: Text, Review: []string{"trial-title", "replaced-in-force", "dead-reference"}, Note: "不填时取正文第一个 # 标题，再不然取文件名"},
	{Key: "slug", Label: "网址名", Type: Text, Note: "只替换网址的最后一段，不能含 / 或 \\"},
	{Key: "summary", Label: "摘要", Type: Text, Note: "列表和网页说明中显示；不填时取正文开头"},
	{Key: "description", Label: "描述", Type: Text, Note: "栏目（_index.md）的简介，显示在栏目页标题下"},
	{Key: "draft", Label: "草稿", Type: Bool, Note: "true 时不发布"},
	{Key: "date", Label: "日期", Type: Date, Note: "不填时取文件名中的日期，如 (2019-07-25)"},
	{Key: "weight", Label: "排序", Type: Integer, Note: "数字小的排在前面"},
	{Key: "tags", Label: "专题", Type: List, Facet: 8, Taxonomy: 1, Path: "tags", Note: "如 三会一课、民主评议、组织生活"},
	{Key: "section", Label: "栏目", Type: Derived, Facet: 1, Note: "由页面所在的顶层文件夹决定，不用填写"},

	{Key: "caption", Label: "题注", Type: Text, Kinds: regulation, Note: "标题下一行的说明，如（2019年3月28日中共中央政治局会议审议批准　2019年4月15日中共中央发布）"},
	{Key: "doc_number", Label: "文号", Type: Text, Kinds: regulation, Review: []string{"paperwork-missing"}, Note: "如 中办发〔2019〕12号"},
	{Key: "system", Label: "体系", Type: Text, Values: Systems, Kinds: regulation, Facet: 3, Taxonomy: 6, Path: "systems", Review: []string{"issuer-form"}},
	{Key: "form", Label: "名称类别", Type: Text, Values: Forms, Kinds: regulation, Facet: 4, Review: []string{"issuer-form", "paperwork-missing"}},
	{Key: "sector", Label: "板块", Type: Text, Values: Sectors, Kinds: regulation},
	{Key: "issuer", Label: "制定机关", Type: List, Kinds: regulation, Facet: 5, Taxonomy: 4, Path: "issuers", Review: []string{"issuer-form", "paperwork-missing"}},
	{Key: "issued", Label: "印发日期", Type: Date, Kinds: regulation, Review: []string{"trial-expired", "impossible-dates", "paperwork-missing", "review-overdue"}},
	{Key: "effective", Label: "施行日期", Type: Date, Kinds: regulation, Review: []string{"trial-expired", "impossible-dates"}},
	{Key: "valid_until", Label: "有效期至", Type: Date, Kinds: regulation, Review: []string{"trial-expired", "impossible-dates"}},
	{Key: "status", Label: "效力状态", Type: Text, Values: Statuses, Kinds: regulation, Facet: 2, Taxonomy: 5, Path: "statuses", Review: []string{"trial-expired", "replaced-in-force", "dead-reference", "impossible-dates", "paperwork-missing", "review-overdue"}, Note: "不填时推定：有 repeal 为已废止，已被替代或有更新的同名文件为已修改，否则为现行有效"},
	{Key: "trial", Label: "试行", Type: Text, Values: Trials, Kinds: regulation, Review: []string{"trial-expired", "trial-title"}},
	{Key: "history", Label: "修订沿革", Type: Tables, Kinds: regulation, Parts: []Field{
		{Key: "date", Label: "日期", Type: Date},
		{Key: "event", Label: "事件", Type: Text},
	}},
	{Key: "supersedes", Label: "替代文件", Type: List, Kinds: regulation, Review: []string{"replaced-in-force"}, Note: "页面路径（相对于 content，如 regulations/a.md）或文号；新版本写旧版本，各版本连成版本链（同名、同一制定机关而印发日期不同的也连成一条）"},
	{Key: "superseded_by", Label: "已被替代", Type: List, Kinds: regulation, Review: []string{"replaced-in-force", "paperwork-missing"}, Note: "页面路径或文号；与 supersedes 写一边即可，另一边自动补上"},
	{Key: "repeal", Label: "废止依据", Type: Table, Kinds: regulation, Review: []string{"replaced-in-force", "paperwork-missing"}, Parts: []Field{
		{Key: "decision", Label: "决定", Type: Text},
		{Key: "doc_number", Label: "文号", Type: Text},
		{Key: "date", Label: "日期", Type: Date},
	}},
	{Key: "cleanup", Label: "清理结论", Type: Tables, Kinds: regulation, Review: []string{"trial-expired", "review-overdue"}, Parts: []Field{
		{Key: "batch", Label: "清理批次", Type: Text},
		{Key: "result", Label: "结论", Type: Text, Values: Results},
		{Key: "date", Label: "日期", Type: Date},
		{Key: "ground", Label: "理由", Type: Text, Values: allGrounds(), Note: "废止：与上位法规抵触、已被新规定替代、不适应新形势；宣布失效：调整对象已消失、适用期已过；修改：不适应、不协调、不衔接、不一致"},
		{Key: "note", Label: "说明", Type: Text},
	}},
	{Key: "filing", Label: "备案审查", Type: Table, Kinds: regulation, Review: []string{"filing-due"}, Note: "本单位印发的党内规范性文件、制度报上级备案的记录；讲话、工作要点、人事任免、请示报告、会议纪要不需报备，写 filing = {exempt = \"会议纪要\"}", Parts: []Field{
		{Key: "date", Label: "报备日期", Type: Date},
		{Key: "to", Label: "报备对象", Type: Text},
		{Key: "conclusion", Label: "审查结论", Type: Text, Values: FilingConclusions},
		{Key: "corrected", Label: "纠正完成日期", Type: Date, Note: "审查结论为纠正时，纠正完成的日期"},
		{Key: "exempt", Label: "不需报备", Type: Text, Values: FilingExempt},
		{Key: "note", Label: "说明", Type: Text},
	}},
	{Key: "references", Label: "引用文件", Type: List, Kinds: regulation, Review: []string{"dead-reference"}, Note: "页面路径或文号"},

	{Key: "case_type", Label: "案例类型", Type: Text, Values: CaseTypes, Kinds: caseKind},
	{Key: "unit", Label: "单位", Type: Text, Kinds: unitKinds},
	{Key: "unit_type", Label: "单位类型", Type: Text, Values: UnitTypes, Kinds: unitKinds, Facet: 6, Taxonomy: 2, Path: "unit-types"},
	{Key: "party_org", Label: "党组织", Type: Text, Kinds: caseKind},
	{Key: "year", Label: "年度", Type: YearNumber, Kinds: caseKind, Facet: 7, Taxonomy: 3, Path: "years", Note: "筛选和分类时，品牌取 established，其他页面取日期的年份"},
	{Key: "area", Label: "建设方面", Type: List, Values: Areas, Kinds: caseKind},
	{Key: "regulations", Label: "适用法规", Type: List, Kinds: caseKind, Note: "法规页面的路径，如 regulations/a.md；必须存在"},
	{Key: "award", Label: "获奖情况", Type: Text, Kinds: caseKind},
	{Key: "source", Label: "来源", Type: Text, Kinds: caseKind},

	{Key: "brand_name", Label: "品牌名称", Type: Text, Kinds: brand},
	{Key: "slogan", Label: "口号", Type: Text, Kinds: brand},
	{Key: "meaning", Label: "内涵释义", Type: Text, Kinds: brand},
	{Key: "logo", Label: "标识", Type: Text, Kinds: brand, Note: "图片路径，相对于本文件"},
	{Key: "logo_meaning", Label: "标识释义", Type: Text, Kinds: brand},
	{Key: "party_branch", Label: "党支部", Type: Text, Kinds: brand},
	{Key: "established", Label: "创建年份", Type: YearNumber, Kinds: brand},
	{Key: "tier", Label: "品牌层级", Type: Text, Values: Tiers, Kinds: brand},
	{Key: "awards", Label: "所获荣誉", Type: Tables, Kinds: brand, Parts: []Field{
		{Key: "name", Label: "荣誉名称", Type: Text},
		{Key: "level", Label: "级别", Type: Text},
		{Key: "year", Label: "年份", Type: YearNumber},
	}},
	{Key: "methods", Label: "工作法", Type: List, Kinds: brand},
}

// CaseHeadings are the body headings each kind of case is written with.
var CaseHeadings = map[string][]string{
	"工作案例": {"基本情况", "主要做法", "取得成效", "经验启示"},
	"警示案例": {"基本案情", "处理结果", "违反条款", "警示意义"},
}

// Meta is a page's typed front matter. Kind-specific fields live in the
// pointer of the page's kind; the others are nil.
type Meta struct {
	Title       string    `key:"title"`
	Slug        string    `key:"slug"`
	Summary     string    `key:"summary"`
	Description string    `key:"description"`
	Draft       bool      `key:"draft"`
	Date        time.Time `key:"date"` // explicit date, else from the file name
	Weight      int       `key:"weight"`
	Tags        []string  `key:"tags"`
	Regulation  *Regulation
	Case        *Case
	Brand       *Brand
	// Extra holds the decoded values of the schema fields that have no Go
	// field, by key; nil when there are none.
	Extra map[string]any
	// Params holds every key as written, unknown ones included.
	Params map[string]any
}

// Event is one line of a regulation's 修订沿革.
type Event struct {
	Date  time.Time `key:"date"`
	Event string    `key:"event"`
}

// Repeal records the decision that repealed a regulation.
type Repeal struct {
	Decision  string    `key:"decision"`
	DocNumber string    `key:"doc_number"`
	Date      time.Time `key:"date"`
}

// Decision is one clean-up batch's conclusion on a regulation.
type Decision struct {
	Batch  string    `key:"batch"`
	Result string    `key:"result"`
	Date   time.Time `key:"date"`
	Ground string    `key:"ground"`
	Note   string    `key:"note"`
}

// Filing is the 备案审查 record of a document the organ issued.
type Filing struct {
	Date       time.Time `key:"date"`
	To         string    `key:"to"`
	Conclusion string    `key:"conclusion"`
	Corrected  time.Time `key:"corrected"`
	Exempt     string    `key:"exempt"`
	Note       string    `key:"note"`
}

// allGrounds lists every ground once, in the order of Results.
func allGrounds() []string {
	var out []string
	for _, r := range Results {
		for _, g := range Grounds[r] {
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	return out
}

// Regulation is the front matter of a regulation page.
type Regulation struct {
	DocNumber    string     `key:"doc_number"`
	System       string     `key:"system"`
	Form         string     `key:"form"`
	Sector       string     `key:"sector"`
	Issuer       []string   `key:"issuer"`
	Issued       time.Time  `key:"issued"`
	Effective    time.Time  `key:"effective"`
	ValidUntil   time.Time  `key:"valid_until"`
	Status       string     `key:"status"`
	Trial        string     `key:"trial"`
	History      []Event    `key:"history"`
	Supersedes   []string   `key:"supersedes"` // page paths relative to content/, or 文号
	SupersededBy []string   `key:"superseded_by"`
	Repeal       *Repeal    `key:"repeal"`
	Cleanup      []Decision `key:"cleanup"`
	Filing       *Filing    `key:"filing"`
	References   []string   `key:"references"`
}

// Award is an honour a brand received.
type Award struct {
	Name  string `key:"name"`
	Level string `key:"level"`
	Year  int    `key:"year"`
}

// Case is the front matter of a typical case.
type Case struct {
	CaseType    string   `key:"case_type"`
	Unit        string   `key:"unit"`
	UnitType    string   `key:"unit_type"`
	PartyOrg    string   `key:"party_org"`
	Year        int      `key:"year"`
	Area        []string `key:"area"`
	Regulations []string `key:"regulations"` // regulation page paths relative to content/
	Award       string   `key:"award"`
	Source      string   `key:"source"`
}

// Brand is the front matter of a party-building brand.
type Brand struct {
	BrandName   string   `key:"brand_name"`
	Slogan      string   `key:"slogan"`
	Meaning     string   `key:"meaning"`
	Logo        string   `key:"logo"` // image path relative to the Markdown file
	LogoMeaning string   `key:"logo_meaning"`
	Unit        string   `key:"unit"`
	UnitType    string   `key:"unit_type"`
	PartyBranch string   `key:"party_branch"`
	Established int      `key:"established"`
	Tier        string   `key:"tier"`
	Awards      []Award  `key:"awards"`
	Methods     []string `key:"methods"`
}
