package review

import (
	"fmt"
	"slices"
	"time"

	"djkb/internal/register"
	"djkb/internal/site"
)

// Filed reports whether p is a document the organ issued and files with the
// organization above it (备案): a 党内规范性文件 or 本单位制度 in force from
// one of site.toml's filing_issuers, issued on or after filing_since.
// Documents marked exempt (不需报备) are not.
func Filed(s *site.Site, p *site.Page) bool {
	r := p.Reg()
	if r == nil || (r.System != "党内规范性文件" && r.System != "本单位制度") || r.Issued.IsZero() {
		return false
	}
	if r.Filing != nil && r.Filing.Exempt != "" {
		return false
	}
	cfg := s.Config.Cleanup
	if r.Issued.Before(cfg.FilingSince) || !register.Live(p.Status()) && r.Filing == nil {
		return false
	}
	return slices.ContainsFunc(r.Issuer, func(i string) bool { return slices.Contains(cfg.FilingIssuers, i) })
}

// FilingDue returns the day by which p must be filed.
func FilingDue(s *site.Site, p *site.Page) time.Time {
	return p.Reg().Issued.AddDate(0, 0, s.Config.Cleanup.FilingDays)
}

// checkFiling is check 9 (备案审查): a document the organ issued and has not
// filed within filing_days of its issue, a correction (纠正) not followed
// up, or a document the review revoked (撤销) still in force.
func checkFiling(c *checker, p *site.Page) {
	if !Filed(c.site, p) {
		return
	}
	r := p.Reg()
	due := FilingDue(c.site, p)
	f := r.Filing
	switch {
	case f == nil || f.Date.IsZero():
		if c.opts.AsOf.After(due) {
			c.add(p, line(p, "issued"), "filing-due", Error,
				fmt.Sprintf("%s印发，应在 %d 日内（%s前）报备，尚无报备记录", date(r.Issued), c.site.Config.Cleanup.FilingDays, date(due)),
				"报上级党组织备案后，在 filing 中记入报备日期和报备对象，如 filing = {date = 2026-01-10, to = \"中共东江省直属机关工作委员会\"}；不需报备的写 filing = {exempt = \"会议纪要\"}")
		}
	case f.Date.After(due):
		c.add(p, line(p, "filing"), "filing-due", Notice,
			fmt.Sprintf("%s才报备，超过了 %d 日的报备期限（%s）", date(f.Date), c.site.Config.Cleanup.FilingDays, date(due)),
			"今后印发的文件请在期限内报备")
	}
	if f == nil {
		return
	}
	switch {
	case f.Conclusion == "纠正" && f.Corrected.IsZero():
		c.add(p, line(p, "filing"), "filing-due", Error,
			"备案审查结论为纠正，尚未记入纠正完成情况",
			"按审查意见修改后，在 filing 中记入 corrected = 纠正完成的日期；需要重新印发的，另建新文件并用 supersedes 指向本文件")
	case f.Conclusion == "撤销" && register.Live(p.Status()):
		c.add(p, line(p, "filing"), "filing-due", Error,
			"备案审查结论为撤销，状态却仍是"+p.Status(),
			"把 status 改为“已废止”，并在 repeal 中写明撤销的决定")
	}
}

// FilingTask is a 备案审查 step still to be taken on a document.
type FilingTask struct {
	Path    string    `json:"path"`
	Title   string    `json:"title"`
	Issued  time.Time `json:"issued"`
	Due     time.Time `json:"due"`     // filing deadline
	Overdue bool      `json:"overdue"` // the deadline has passed
	Task    string    `json:"task"`    // what to do: 报备, 纠正
}

// FilingList lists the documents still to file and the corrections still
// to follow up, as of a day, those due first.
func FilingList(s *site.Site, reg *register.Register, asOf time.Time) []FilingTask {
	var out []FilingTask
	for _, p := range reg.Pages() {
		if !Filed(s, p) {
			continue
		}
		r := p.Reg()
		due := FilingDue(s, p)
		t := FilingTask{Path: p.Src.Path, Title: p.Title, Issued: r.Issued, Due: due}
		switch f := r.Filing; {
		case f == nil || f.Date.IsZero():
			t.Task, t.Overdue = "报备", asOf.After(due)
		case f.Conclusion == "纠正" && f.Corrected.IsZero():
			t.Task, t.Overdue = "纠正", true
		default:
			continue
		}
		out = append(out, t)
	}
	slices.SortStableFunc(out, func(a, b FilingTask) int { return a.Due.Compare(b.Due) })
	return out
}
