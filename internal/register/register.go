// Package register is the regulation register (法规制度台账): every
// regulation page with its 效力状态 as recorded or presumed, its versions by
// title, and the clean-up decisions recorded on it. The clean-up (review),
// the printed compilation and the site's pages read it; it reads only the
// site model.
package register

import (
	"slices"
	"strings"
	"time"

	"djkb/internal/content"
	"djkb/internal/site"
)

// Register is the clean-up office's ledger: every regulation page, its
// status as recorded or presumed, and an index by title for citations.
// Versions are the model's chains (site.Chain): the register, the clean-up
// and the 汇编 read them rather than grouping titles again.
type Register struct {
	pages []*site.Page
	byKey map[string][]*site.Page // TitleKey → pages, newest first
}

// New indexes the regulations of s. A regulation without a status (a file
// copied in without front matter) is presumed as site.Page.PresumedStatus
// says: an office that copies laws into the knowledge base expects to find
// them in force unless something replaces them.
func New(s *site.Site) *Register {
	r := &Register{byKey: map[string][]*site.Page{}}
	for _, p := range s.Pages {
		if IsRegulation(p) {
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
	return r
}

// Pages returns the regulation pages, sorted by path.
func (r *Register) Pages() []*site.Page { return r.pages }

// Status returns the recorded status of p, else the presumed one.
func (r *Register) Status(p *site.Page) string { return p.PresumedStatus() }

// Presumed reports whether p records no status of its own.
func (r *Register) Presumed(p *site.Page) bool { return p.Status() == "" }

// Versions returns the regulations whose title matches title (see TitleKey),
// newest first.
func (r *Register) Versions(title string) []*site.Page { return r.byKey[TitleKey(title)] }

// VersionsOfKey is Versions for a title already made a TitleKey.
func (r *Register) VersionsOfKey(key string) []*site.Page { return r.byKey[key] }

// Newer returns the newest version of p's chain issued after p, or nil.
func (r *Register) Newer(p *site.Page) *site.Page { return p.Later() }

// Live reports whether a status means the document is or will be in force.
func Live(status string) bool { return status == content.InForce || status == content.Pending }

// Dead reports whether a status means the document no longer applies at all.
func Dead(status string) bool { return status == content.Repealed || status == content.Void }

// IsRegulation reports whether p is a regulation page (not a section index).
func IsRegulation(p *site.Page) bool { return p.Kind == content.KindRegulation && !p.IsIndex }

// Today is the current date in UTC, without the time of day: the date the
// register is read as of unless a command names another.
func Today() time.Time {
	y, m, d := time.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
