package register

import (
	"cmp"
	"slices"
	"time"

	"djkb/internal/content"
	"djkb/internal/site"
)

// Outcome is one regulation's conclusion in a clean-up batch.
type Outcome struct {
	Path      string    `json:"path"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	DocNumber string    `json:"doc_number,omitempty"`
	Status    string    `json:"status"`
	Result    string    `json:"result"`
	Date      time.Time `json:"date"`
	Note      string    `json:"note,omitempty"`
}

// resultOrder lists the clean-up results in report order.
var resultOrder = []string{"废止", "宣布失效", "修改", "继续有效"}

// Batch returns the clean-up batch to report and its outcomes: the batch
// named in site.toml when any regulation records a decision of it, else the
// batch of the newest decision. The outcomes are ordered by result
// (废止, 宣布失效, 修改, 继续有效), then title. named tells whether the
// batch is the one site.toml names.
func Batch(s *site.Site, reg *Register) (name string, outcomes []Outcome, named bool) {
	want := s.Config.Cleanup.Batch
	var newest time.Time
	for _, p := range reg.Pages() {
		for _, d := range p.Reg().Cleanup {
			if d.Batch == want && want != "" {
				named = true
			}
			if !named && (name == "" || d.Date.After(newest)) {
				name, newest = d.Batch, d.Date
			}
		}
	}
	if named {
		name = want
	}
	for _, p := range reg.Pages() {
		for _, d := range p.Reg().Cleanup {
			if d.Batch == name {
				outcomes = append(outcomes, Outcome{Path: p.Src.Path, URL: p.URL, Title: p.Title, DocNumber: p.Reg().DocNumber,
					Status: reg.Status(p), Result: d.Result, Date: d.Date, Note: d.Note})
			}
		}
	}
	slices.SortStableFunc(outcomes, func(a, b Outcome) int {
		return cmp.Or(cmp.Compare(slices.Index(resultOrder, a.Result), slices.Index(resultOrder, b.Result)), cmp.Compare(a.Title, b.Title))
	})
	return name, outcomes, named
}

// LastDecision returns the clean-up decision with the latest date, or nil.
func LastDecision(r *content.Regulation) *content.Decision {
	var last *content.Decision
	for i := range r.Cleanup {
		d := &r.Cleanup[i]
		if last == nil || !d.Date.Before(last.Date) {
			last = d
		}
	}
	return last
}
