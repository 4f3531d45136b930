// Package review runs the regulation clean-up checks (法规制度清理) over a
// site's model. Each finding names the file, the rule, what is wrong and
// what to do. The same Check feeds djkb cleanup, the editors' clean-up page
// of the site and the digest, so that all three agree.
package review

import (
	"time"

	"djkb/internal/config"
	"djkb/internal/register"
	"djkb/internal/site"
)

// Severity says how urgent a finding is.
type Severity string

// The severities, most urgent first. Only errors fail djkb cleanup --strict.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Notice  Severity = "notice"
)

// Label is the Chinese word for the severity.
func (s Severity) Label() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	}
	return "提示"
}

func (s Severity) rank() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Finding is one problem the clean-up office should act on.
type Finding struct {
	Path     string   `json:"path"`             // relative to content/
	Line     int      `json:"line,omitempty"`   // 1-based file line; 0 when not known
	Anchor   string   `json:"anchor,omitempty"` // id of the article it is in, for links
	Title    string   `json:"title"`            // title of the regulation
	Rule     string   `json:"rule"`             // stable id, such as "trial-expired"
	RuleName string   `json:"rule_name"`        // Chinese name of the rule
	Severity Severity `json:"severity"`
	Message  string   `json:"message"` // what is wrong
	Action   string   `json:"action"`  // what to do
}

// Options are the date and limits the checks work with.
type Options struct {
	AsOf        time.Time // "today"; dates after it are in the future
	TrialYears  int       // longest trial period (试行期), default 5
	ReviewYears int       // longest time between two reviews, default 5
}

// OptionsFor returns the limits of site.toml [cleanup] as of a date.
func OptionsFor(cfg config.Config, asOf time.Time) Options {
	return Options{AsOf: asOf, TrialYears: cfg.Cleanup.TrialYears, ReviewYears: cfg.Cleanup.ReviewYears}
}

// withDefaults fills in the limits left unset: 5 years each, as of today.
func (o Options) withDefaults() Options {
	if o.TrialYears <= 0 {
		o.TrialYears = 5
	}
	if o.ReviewYears <= 0 {
		o.ReviewYears = 5
	}
	if o.AsOf.IsZero() {
		o.AsOf = register.Today()
	}
	return o
}

// checks run in this order on every regulation; each adds its findings.
var checks = []func(c *checker, p *site.Page){
	checkTrialExpired,
	checkTrialTitle,
	checkReplaced,
	checkReferences,
	checkDates,
	checkIssuer,
	checkPaperwork,
	checkReview,
	checkFiling,
}

// Check runs every rule over the regulations of s and returns the findings
// ordered by rule, then path, then as each rule found them (front matter
// first, then the text in reading order).
func Check(s *site.Site, opts Options) []Finding {
	opts = opts.withDefaults()
	return check(s, register.New(s), opts)
}

// check runs the rules with a register of s already made.
func check(s *site.Site, reg *register.Register, opts Options) []Finding {
	c := &checker{site: s, opts: opts, reg: reg}
	var live []*site.Page
	for _, p := range c.reg.Pages() {
		if register.Live(c.reg.Status(p)) {
			live = append(live, p)
		}
	}
	findCitations(live)
	for _, p := range c.reg.Pages() {
		for _, rule := range checks {
			rule(c, p)
		}
	}
	return byRule(c.out)
}

// byRule orders findings by rule, keeping the order within each rule: a
// stable sort by rule, made by rule in one pass, since the rules are few
// and the findings many.
func byRule(findings []Finding) []Finding {
	if len(findings) < 2 {
		return findings
	}
	at := make([]int, len(findings))
	counts := make([]int, len(Rules)+2)
	for i, f := range findings {
		at[i] = ruleIndex(f.Rule)
		counts[at[i]+1]++
	}
	for r := 1; r < len(counts); r++ {
		counts[r] += counts[r-1]
	}
	out := make([]Finding, len(findings))
	for i, f := range findings {
		out[counts[at[i]]] = f
		counts[at[i]]++
	}
	return out
}

// checker is the state of one run of Check.
type checker struct {
	site *site.Site
	opts Options
	reg  *register.Register
	out  []Finding
}

// add records a finding on page p.
func (c *checker) add(p *site.Page, line int, rule string, sev Severity, msg, action string) {
	c.addAt(p, line, "", rule, sev, msg, action)
}

// addAt records a finding inside the article or heading with that anchor.
func (c *checker) addAt(p *site.Page, line int, anchor, rule string, sev Severity, msg, action string) {
	c.out = append(c.out, Finding{
		Path: p.Src.Path, Line: line, Anchor: anchor, Title: p.Title,
		Rule: rule, RuleName: RuleByID(rule).Name, Severity: sev, Message: msg, Action: action,
	})
}

// line returns the file line of a front-matter key of p.
func line(p *site.Page, key string) int { return p.Src.Front.Line(key) }

// yearsAfter returns t moved on by n years.
func yearsAfter(t time.Time, n int) time.Time { return t.AddDate(n, 0, 0) }

// date formats a date as 2019年7月25日.
func date(t time.Time) string { return t.Format("2006年1月2日") }
