package content

import "time"

// Kind is the kind of material a page holds, decided by its top-level folder.
type Kind string

// The page kinds.
const (
	KindRegulation Kind = "regulation" // content/regulations/
	KindCase       Kind = "case"       // content/cases/
	KindBrand      Kind = "brand"      // content/brands/
	KindPage       Kind = "page"       // anything else
)

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

// Allowed values of the enumerated front-matter keys.
var (
	Systems   = []string{"党内法规", "党内规范性文件", "国家法律法规", "本单位制度"}
	Forms     = []string{"党章", "准则", "条例", "规则", "规定", "办法", "细则", "法律", "行政法规", "部门规章", "地方性法规", "司法解释", "规范性文件", "制度", "通知", "意见"}
	Sectors   = []string{"党的组织法规", "党的领导法规", "党的自身建设法规", "党的监督保障法规"}
	Statuses  = []string{"现行有效", "已修改", "已废止", "宣布失效", "尚未施行"}
	Trials    = []string{"无", "试行", "暂行"}
	Results   = []string{"继续有效", "修改", "废止", "宣布失效"}
	CaseTypes = []string{"工作案例", "警示案例"}
	UnitTypes = []string{"党群系统", "政府部门", "中央驻地方单位", "直属单位"}
	Areas     = []string{"政治", "思想", "组织", "作风", "纪律", "制度"}
	Tiers     = []string{"示范", "典型", "优秀"}
)

// CaseHeadings are the body headings each kind of case is written with.
var CaseHeadings = map[string][]string{
	"工作案例": {"基本情况", "主要做法", "取得成效", "经验启示"},
	"警示案例": {"基本案情", "处理结果", "违反条款", "警示意义"},
}

// Meta is a page's typed front matter. Kind-specific fields live in the
// pointer of the page's kind; the others are nil.
type Meta struct {
	Title       string
	Slug        string
	Summary     string
	Description string
	Draft       bool
	Date        time.Time // explicit date, else from the file name
	Weight      int
	Tags        []string
	Regulation  *Regulation
	Case        *Case
	Brand       *Brand
	// Params holds every key as written, unknown ones included.
	Params map[string]any
}

// Event is one line of a regulation's 修订沿革.
type Event struct {
	Date  time.Time
	Event string
}

// Repeal records the decision that repealed a regulation.
type Repeal struct {
	Decision  string
	DocNumber string
	Date      time.Time
}

// Decision is one clean-up batch's conclusion on a regulation.
type Decision struct {
	Batch  string
	Result string
	Date   time.Time
	Note   string
}

// Regulation is the front matter of a regulation page.
type Regulation struct {
	DocNumber    string
	System       string
	Form         string
	Sector       string
	Issuer       []string
	Issued       time.Time
	Effective    time.Time
	ValidUntil   time.Time
	Status       string
	Trial        string
	History      []Event
	Supersedes   []string // page paths relative to content/, or 文号
	SupersededBy []string
	Repeal       *Repeal
	Cleanup      []Decision
	References   []string
}

// Award is an honour a brand received.
type Award struct {
	Name  string
	Level string
	Year  int
}

// Case is the front matter of a typical case.
type Case struct {
	CaseType    string
	Unit        string
	UnitType    string
	PartyOrg    string
	Year        int
	Area        []string
	Regulations []string // regulation page paths relative to content/
	Award       string
	Source      string
}

// Brand is the front matter of a party-building brand.
type Brand struct {
	BrandName   string
	Slogan      string
	Meaning     string
	Logo        string // image path relative to the Markdown file
	LogoMeaning string
	Unit        string
	UnitType    string
	PartyBranch string
	Established int
	Tier        string
	Awards      []Award
	Methods     []string
}
