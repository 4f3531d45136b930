package compilation

import (
	"slices"
	"time"

	"djkb/internal/content"
	"djkb/internal/register"
	"djkb/internal/site"
)

// entry is a regulation within the digest's scope, with its status as of
// the cut-off date.
type entry struct {
	page     *site.Page
	status   string
	presumed bool // the page records no status; status is presumed
}

// inScope returns the regulations that pass the system and tag filters and
// were issued by the cut-off date, whatever their status: the body shows
// those selected by status, the appendices list the rest.
func inScope(reg *register.Register, opts Options) []entry {
	var out []entry
	for _, p := range reg.Pages() {
		if len(opts.Paths) > 0 {
			if slices.Contains(opts.Paths, p.Src.Path) {
				out = append(out, entry{page: p, status: statusAt(reg, p, opts.AsOf), presumed: reg.Presumed(p)})
			}
			continue
		}
		if len(opts.Systems) > 0 && !slices.Contains(opts.Systems, systemOf(p)) {
			continue
		}
		if len(opts.Tags) > 0 && !slices.ContainsFunc(p.Src.Meta.Tags, func(t string) bool { return slices.Contains(opts.Tags, t) }) {
			continue
		}
		if issued := p.Reg().Issued; issued.After(opts.AsOf) {
			continue
		}
		out = append(out, entry{page: p, status: statusAt(reg, p, opts.AsOf), presumed: reg.Presumed(p)})
	}
	return out
}

// selectItems returns the entries whose status the options select; a
// 选编 (Paths) takes every entry it names.
func selectItems(reg *register.Register, scope []entry, opts Options) []*Item {
	var out []*Item
	for _, e := range scope {
		if len(opts.Paths) > 0 {
			out = append(out, newItem(e))
			continue
		}
		ok := slices.Contains(opts.Statuses, e.status)
		if e.presumed {
			ok = e.status == content.InForce && slices.Contains(opts.Statuses, Unrecorded)
		}
		if ok {
			out = append(out, newItem(e))
		}
	}
	return out
}

// statusAt is the status a regulation had on a day, as far as its dates
// tell: not yet in force before its effective date, still in force before
// its repeal or before the version replacing it took effect. A regulation
// marked 现行有效 that has been repealed or replaced by a version in force
// (a contradiction djkb cleanup reports) counts as repealed or amended: a
// compilation must not print two versions of one rule.
func statusAt(reg *register.Register, p *site.Page, day time.Time) string {
	r := p.Reg()
	status := reg.Status(p)
	switch status {
	case content.InForce:
		if r.Effective.After(day) {
			return content.Pending
		}
		if r.Repeal != nil && !r.Repeal.Date.After(day) {
			return content.Repealed
		}
		if slices.ContainsFunc(p.SupersededBy, func(ref site.Ref) bool {
			return ref.Page != nil && reg.Status(ref.Page) == content.InForce && !startOf(ref.Page).After(day)
		}) {
			return content.Amended
		}
	case content.Pending:
		if !r.Effective.IsZero() && !r.Effective.After(day) {
			return content.InForce
		}
	case content.Repealed, content.Void:
		if r.Repeal != nil && r.Repeal.Date.After(day) {
			return content.InForce
		}
	case content.Amended:
		if len(p.SupersededBy) > 0 && !slices.ContainsFunc(p.SupersededBy, func(ref site.Ref) bool {
			return ref.Page == nil || !startOf(ref.Page).After(day)
		}) {
			return content.InForce
		}
	}
	return status
}

// startOf is when a regulation took effect: its effective date, else its
// issue date.
func startOf(p *site.Page) time.Time {
	if r := p.Reg(); !r.Effective.IsZero() {
		return r.Effective
	}
	return p.Reg().Issued
}
