package review

import (
	"slices"
	"strings"

	"djkb/internal/site"
)

// The 效力状态 values.
const (
	InForce  = "现行有效"
	Amended  = "已修改"
	Repealed = "已废止"
	Void     = "宣布失效"
	Pending  = "尚未施行"
)

// Register is the clean-up office's ledger: every regulation page, its
// status as recorded or presumed, and an index by title for citations and
// versions.
type Register struct {
	pages    []*site.Page
	byKey    map[string][]*site.Page // TitleKey → pages, newest first
	presumed map[*site.Page]string   // status of the pages that record none
}

// NewRegister indexes the regulations of s.
//
// A regulation without a status (a file copied in without front matter) is
// presumed 已废止 when it has a repeal decision, 已修改 when another page
// replaces it or a newer page has the same title, and 现行有效 otherwise:
// an office that copies laws into the knowledge base expects to find them.
func NewRegister(s *site.Site) *Register {
	r := &Register{byKey: map[string][]*site.Page{}, presumed: map[*site.Page]string{}}
	for _, p := range s.Pages {
		if isRegulation(p) {
			r.pages = append(r.pages, p)
			k := TitleKey(p.Title)
			r.byKey[k] = append(r.byKey[k], p)
		}
	}
	for _, list := range r.byKey {
		slices.SortStableFunc(list, func(a, b *site.Page) int {
			if c := b.Date.Compare(a.Date); c != 0 {
				return c
			}
			return strings.Compare(a.Src.Path, b.Src.Path)
		})
	}
	for _, p := range r.pages {
		if p.Status() != "" {
			continue
		}
		switch {
		case p.Reg().Repeal != nil:
			r.presumed[p] = Repealed
		case len(p.SupersededBy) > 0 || r.Newer(p) != nil:
			r.presumed[p] = Amended
		default:
			r.presumed[p] = InForce
		}
	}
	return r
}

// Pages returns the regulation pages, sorted by path.
func (r *Register) Pages() []*site.Page { return r.pages }

// Status returns the recorded status of p, else the presumed one.
func (r *Register) Status(p *site.Page) string {
	if s := p.Status(); s != "" {
		return s
	}
	return r.presumed[p]
}

// Presumed reports whether p records no status of its own.
func (r *Register) Presumed(p *site.Page) bool { return p.Status() == "" }

// Versions returns the regulations whose title matches title (see TitleKey),
// newest first.
func (r *Register) Versions(title string) []*site.Page { return r.byKey[TitleKey(title)] }

// Newer returns the newest page with the same title as p whose issue date
// is later than p's, or nil.
func (r *Register) Newer(p *site.Page) *site.Page {
	if p.Date.IsZero() {
		return nil
	}
	for _, q := range r.byKey[TitleKey(p.Title)] {
		if q != p && q.Date.After(p.Date) {
			return q
		}
	}
	return nil
}

// Live reports whether a status means the document is or will be in force.
func Live(status string) bool { return status == InForce || status == Pending }

// Dead reports whether a status means the document no longer applies at all.
func Dead(status string) bool { return status == Repealed || status == Void }
