package review

import (
	"time"

	"djkb/internal/register"
	"djkb/internal/site"
)

// ContentDate is the newest date the regulations record as having happened:
// issue dates, clean-up decisions, repeal decisions and dates in file names.
// Effective and expiry dates are left out, since they may lie ahead. The
// site's clean-up page is checked as of this date, so that building the same
// content always gives the same page; djkb cleanup checks as of today. It
// returns today when the content records no date at all.
func ContentDate(s *site.Site) time.Time {
	var newest time.Time
	see := func(t time.Time) {
		if t.After(newest) {
			newest = t
		}
	}
	for _, p := range s.Pages {
		r := p.Reg()
		if !register.IsRegulation(p) || r == nil {
			continue
		}
		see(r.Issued)
		see(p.Src.Meta.Date)
		for _, d := range r.Cleanup {
			see(d.Date)
		}
		if r.Repeal != nil {
			see(r.Repeal.Date)
		}
	}
	if newest.IsZero() {
		return register.Today()
	}
	return newest
}
