package review

import (
	"slices"
	"time"

	"djkb/internal/content"
	"djkb/internal/register"
	"djkb/internal/site"
)

// Suggestion is the outcome the findings point to for a document, with the
// ground in the practice's words and the finding it rests on.
type Suggestion struct {
	Result string `json:"result"`
	Ground string `json:"ground,omitempty"`
	Why    string `json:"why,omitempty"`
}

// Pending is a document the current batch has still to decide.
type Pending struct {
	Path     string     `json:"path"`
	Line     int        `json:"line,omitempty"` // of the cleanup key, else 1
	Title    string     `json:"title"`
	System   string     `json:"system,omitempty"`
	Status   string     `json:"status"`
	Findings []Finding  `json:"findings,omitempty"`
	Suggest  Suggestion `json:"suggest"`
}

// Progress is how far the current batch has come.
type Progress struct {
	Batch   string `json:"batch"`
	Decided int    `json:"decided"`
	Total   int    `json:"total"`
}

// InBatchScope reports whether the current batch has to decide p: a
// regulation in force (or about to be) that the organ keeps, i.e. not a
// state law, or one it has already decided.
func InBatchScope(p *site.Page, status, batch string) bool {
	if DecisionIn(p, batch) != nil {
		return true
	}
	return register.Live(status) && p.Reg().System != "国家法律法规"
}

// DecisionIn returns p's decision in the batch, or nil.
func DecisionIn(p *site.Page, batch string) *content.Decision {
	if batch == "" {
		return nil
	}
	r := p.Reg()
	for i := range r.Cleanup {
		if r.Cleanup[i].Batch == batch {
			return &r.Cleanup[i]
		}
	}
	return nil
}

// BatchWork lists what the batch named in site.toml still has to decide,
// with the findings on each document and a suggested outcome, and counts
// the decided ones.
func BatchWork(s *site.Site, reg *register.Register, findings []Finding, asOf time.Time) ([]Pending, Progress) {
	batch := s.Config.Cleanup.Batch
	prog := Progress{Batch: batch}
	if batch == "" {
		return nil, prog
	}
	byPath := map[string][]Finding{}
	for _, f := range findings {
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	var out []Pending
	for _, p := range reg.Pages() {
		status := reg.Status(p)
		if !InBatchScope(p, status, batch) {
			continue
		}
		prog.Total++
		if DecisionIn(p, batch) != nil {
			prog.Decided++
			continue
		}
		at := line(p, "cleanup")
		if at == 0 {
			at = 1
		}
		fs := byPath[p.Src.Path]
		out = append(out, Pending{Path: p.Src.Path, Line: at, Title: p.Title, System: p.Reg().System,
			Status: status, Findings: fs, Suggest: Suggest(p, fs, asOf)})
	}
	return out, prog
}

// suggestions maps a rule to the outcome its finding points to, most
// serious first: the first rule that found something decides. Findings
// about the record rather than the text (dates, paperwork, filing) point
// to none.
var suggestions = []struct {
	rule string
	Suggestion
}{
	{"replaced-in-force", Suggestion{Result: "废止", Ground: "已被新规定替代"}},
	{"issuer-form", Suggestion{Result: "修改", Ground: "不一致"}},
	{"dead-reference", Suggestion{Result: "修改", Ground: "不衔接"}},
	{"trial-expired", Suggestion{Result: "修改", Ground: "不适应"}},
	{"trial-title", Suggestion{Result: content.KeepRevise, Ground: "不一致"}},
}

// Suggest proposes an outcome for p from its findings as of a day: a
// document whose validity has run out is 宣布失效 (适用期已过); else the most
// serious finding decides; with nothing that bears on it, it is kept in
// force.
func Suggest(p *site.Page, findings []Finding, asOf time.Time) Suggestion {
	if r := p.Reg(); !r.ValidUntil.IsZero() && r.ValidUntil.Before(asOf) {
		return Suggestion{Result: "宣布失效", Ground: "适用期已过", Why: "有效期至" + date(r.ValidUntil) + "，已届满"}
	}
	for _, s := range suggestions {
		if i := slices.IndexFunc(findings, func(f Finding) bool { return f.Rule == s.rule }); i >= 0 {
			out := s.Suggestion
			out.Why = findings[i].Message
			return out
		}
	}
	return Suggestion{Result: content.KeepInForce, Why: "未发现影响效力的问题"}
}
