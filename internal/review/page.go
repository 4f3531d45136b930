package review

import (
	"encoding/json"
	"time"

	"djkb/internal/register"
	"djkb/internal/site"
)

// Page is what the site's clean-up page (cleanup/index.html) shows: the
// latest batch's outcomes and the open findings, checked as of the newest
// date in the content (see ContentDate) so that a build is reproducible.
type Page struct {
	AsOf        time.Time
	TrialYears  int
	ReviewYears int
	Checked     int                // regulations checked
	Batch       string             // the batch shown
	WantedBatch string             // site.toml cleanup.batch, when no decision names it yet
	Outcomes    []register.Outcome // of Batch
	Groups      []Group            // open findings by rule
	Counts      Counts
	URLs        map[string]string // content path → site URL of the page, for links
	Progress    Progress          // of the batch site.toml names
	Pending     []Pending         // what that batch has still to decide
	Filing      []FilingTask      // 备案审查 still to do
}

// pageLimit is the most findings of one rule the page lists; djkb cleanup
// prints them all.
const pageLimit = 200

// NewPage checks s and gathers its clean-up page.
func NewPage(s *site.Site) *Page {
	opts := OptionsFor(s.Config, ContentDate(s)).withDefaults()
	reg := register.New(s)
	findings := check(s, reg, opts)
	pg := &Page{AsOf: opts.AsOf, TrialYears: opts.TrialYears, ReviewYears: opts.ReviewYears,
		Checked: len(reg.Pages()), Counts: Count(findings), URLs: map[string]string{}}
	var named bool
	pg.Batch, pg.Outcomes, named = register.Batch(s, reg)
	if !named {
		pg.WantedBatch = s.Config.Cleanup.Batch
	}
	for i, f := range findings {
		p := s.Page(f.Path)
		pg.URLs[f.Path] = p.URL
		if f.Line >= p.Src.BodyLine {
			// A line in the text is known only while the Markdown is held,
			// which a site build does not do; the link goes to the article.
			findings[i].Line = 0
		}
	}
	pg.Pending, pg.Progress = BatchWork(s, reg, findings, opts.AsOf)
	pg.Filing = FilingList(s, reg, opts.AsOf)
	for _, p := range pg.Pending {
		pg.URLs[p.Path] = s.Page(p.Path).URL
	}
	for _, t := range pg.Filing {
		pg.URLs[t.Path] = s.Page(t.Path).URL
	}
	pg.Groups = GroupByRule(findings)
	for i := range pg.Groups {
		if g := &pg.Groups[i]; len(g.Findings) > pageLimit {
			g.More, g.Findings = len(g.Findings)-pageLimit, g.Findings[:pageLimit]
		}
	}
	return pg
}

// Key is a text that changes whenever what the page shows changes; djkb
// serve compares it to decide whether to render the page again.
func (pg *Page) Key() string {
	data, _ := json.Marshal(pg)
	return string(data)
}
