package review

import (
	"slices"

	"djkb/internal/content"
	"djkb/internal/register"
	"djkb/internal/site"
)

// Aspect is one part of the 备案审查 of a document: the questions the
// reviewer answers and what the automatic checks found that bears on it.
type Aspect struct {
	Name      string
	Questions []string
	Findings  []Finding
}

// Checklist is the 审查 checklist of one document.
type Checklist struct {
	Path, Title, DocNumber, Issuer, System string
	Issued                                 string
	Filing                                 *content.Filing
	Aspects                                []Aspect
}

// aspects are the four parts of the review, with the practice's questions
// and the rules whose findings bear on each.
var aspects = []struct {
	name      string
	questions []string
	rules     []string
}{
	{"政治性", []string{
		"是否同党的理论和路线方针政策相一致",
		"是否同党中央重大决策部署和上级党组织的要求相一致",
		"是否有违反党的政治纪律和政治规矩的内容",
	}, nil},
	{"合法合规性", []string{
		"是否同宪法和法律相一致，是否同党章、党内法规相抵触",
		"是否违反上级党组织的规定",
		"是否超越制定机关的职权（如中央以下使用“条例”“准则”名称）",
		"是否违规设定党员义务、限制党员权利",
	}, []string{"issuer-form", "replaced-in-force", "dead-reference"}},
	{"合理性", []string{
		"是否符合实际、切实可行",
		"是否同本单位其他制度相协调、相衔接",
		"试行、暂行期限是否适当，期满后是否及时评估",
		"有无明显不当的规定",
	}, []string{"trial-expired", "review-overdue"}},
	{"规范性", []string{
		"名称、体例、格式是否规范（名称类别、“试行”“暂行”标注）",
		"文号、制定机关、印发日期、施行日期是否齐全一致",
		"引用的文件是否现行有效、表述准确",
		"是否在规定期限内报备，审查意见是否落实",
	}, []string{"trial-title", "paperwork-missing", "impossible-dates", "filing-due"}},
}

// Checklists makes the checklist of each page named (paths relative to
// content/), or of every document that is filed (see Filed) when none
// is, with the findings of the checks as of opts.AsOf.
func Checklists(s *site.Site, paths []string, opts Options) []Checklist {
	opts = opts.withDefaults()
	reg := register.New(s)
	findings := check(s, reg, opts)
	var pages []*site.Page
	if len(paths) == 0 {
		for _, p := range reg.Pages() {
			if Filed(s, p) {
				pages = append(pages, p)
			}
		}
	}
	for _, path := range paths {
		if p := s.Page(path); p != nil && p.Reg() != nil {
			pages = append(pages, p)
		}
	}
	var out []Checklist
	for _, p := range pages {
		r := p.Reg()
		cl := Checklist{Path: p.Src.Path, Title: p.Title, DocNumber: r.DocNumber, System: r.System, Filing: r.Filing}
		if len(r.Issuer) > 0 {
			cl.Issuer = r.Issuer[0]
		}
		if !r.Issued.IsZero() {
			cl.Issued = date(r.Issued)
		}
		for _, a := range aspects {
			asp := Aspect{Name: a.name, Questions: a.questions}
			for _, f := range findings {
				if f.Path == p.Src.Path && slices.Contains(a.rules, f.Rule) {
					asp.Findings = append(asp.Findings, f)
				}
			}
			cl.Aspects = append(cl.Aspects, asp)
		}
		out = append(out, cl)
	}
	return out
}
