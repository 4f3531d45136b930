package site

import (
	"slices"
	"time"

	"djkb/internal/content"
)

// Validity is when a regulation was in force, for reading as of a date
// (the search page's 当时有效 filter): from From up to, not including,
// Until. A zero From means the page records no date it took effect; a
// zero Until, that nothing it records ended it, unless Ended says it has
// ended at a date it does not record.
type Validity struct {
	From, Until time.Time
	Ended       bool
}

// Validity returns the page's Validity; ok is false for pages that are not
// regulations. A version of a chain is in force from its Start until the
// Start of the first later version that took effect; a regulation whose
// status is 已废止 or 宣布失效, until its repeal's date, else the date of the
// clean-up decision that repealed it, else the day after its 有效期至. A
// regulation 已修改, or replaced or repealed at a date not recorded, has
// Ended. The chain page's as-of reading (versions.js) picks versions by
// the same Start dates.
func (p *Page) Validity() (v Validity, ok bool) {
	if p.Document != nil && p.Document != p {
		return p.Document.Validity()
	}
	r := p.Reg()
	if p.Kind != content.KindRegulation || r == nil || p.IsIndex {
		return v, false
	}
	v.From = Start(p)
	if p.Chain != nil {
		for _, q := range p.Chain.Versions[p.Chain.Index(p)+1:] {
			if s := Start(q); s.IsZero() {
				v.Ended = true
			} else if v.Until.IsZero() || s.Before(v.Until) {
				v.Until = s
			}
		}
	}
	switch p.PresumedStatus() {
	case content.Repealed, content.Void:
		if end := repealDate(r); !end.IsZero() && (v.Until.IsZero() || end.Before(v.Until)) {
			v.Until = end
		}
		v.Ended = true
	case content.Amended:
		v.Ended = true
	}
	if len(p.SupersededBy) > 0 {
		v.Ended = true
	}
	if !v.Until.IsZero() {
		v.Ended = false
	}
	return v, true
}

// repealDate is the first day a repealed regulation was no longer in
// force, as far as its front matter says, or zero.
func repealDate(r *content.Regulation) time.Time {
	if r.Repeal != nil && !r.Repeal.Date.IsZero() {
		return r.Repeal.Date
	}
	for _, d := range slices.Backward(r.Cleanup) {
		if (d.Result == "废止" || d.Result == content.Void) && !d.Date.IsZero() {
			return d.Date
		}
	}
	if !r.ValidUntil.IsZero() {
		return r.ValidUntil.AddDate(0, 0, 1)
	}
	return time.Time{}
}
