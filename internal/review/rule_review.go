package review

import (
	"fmt"

	"djkb/internal/register"
	"djkb/internal/site"
)

// checkReview is check 8: a regulation in force whose last clean-up
// decision (or, never reviewed, its issue) is older than the review
// interval. Pages that record no status are left to check 7.
func checkReview(c *checker, p *site.Page) {
	if !register.Live(p.Status()) {
		return
	}
	r := p.Reg()
	since, what, at := r.Issued, "印发", line(p, "issued")
	if last := register.LastDecision(r); last != nil {
		since, what, at = last.Date, "最近一次清理“"+last.Batch+"”", line(p, "cleanup")
	}
	if since.IsZero() {
		return
	}
	if due := yearsAfter(since, c.opts.ReviewYears); c.opts.AsOf.After(due) {
		c.add(p, at, "review-overdue", Warning,
			fmt.Sprintf("自%s（%s）以来已超过 %d 年没有清理结论", what, date(since), c.opts.ReviewYears),
			"列入本次清理，作出继续有效、修改、废止或宣布失效的结论，记入 cleanup")
	}
}
