package review

import (
	"fmt"

	"djkb/internal/content"
	"djkb/internal/site"
)

// checkDates is check 5: dates that cannot be right, or a status that the
// dates contradict as of the checking date.
func checkDates(c *checker, p *site.Page) {
	r := p.Reg()
	asOf := c.opts.AsOf
	if !r.Issued.IsZero() && !r.Effective.IsZero() && r.Effective.Before(r.Issued) {
		c.add(p, line(p, "effective"), "impossible-dates", Error,
			fmt.Sprintf("施行日期（%s）早于印发日期（%s）", date(r.Effective), date(r.Issued)),
			"对照正式文本核对 issued 和 effective：两个日期之一录错了")
	}
	switch status := p.Status(); {
	case status == content.InForce && r.Effective.After(asOf):
		c.add(p, line(p, "status"), "impossible-dates", Error,
			fmt.Sprintf("%s才施行，状态却已是现行有效（截至%s）", date(r.Effective), date(asOf)),
			"把 status 改为“尚未施行”，到施行日期后再改为“现行有效”")
	case status == content.Pending && !r.Effective.IsZero() && !r.Effective.After(asOf):
		c.add(p, line(p, "status"), "impossible-dates", Warning,
			fmt.Sprintf("已于%s施行，状态仍是尚未施行", date(r.Effective)),
			"把 status 改为“现行有效”")
	case status == content.InForce && trialOf(p) == "" && !r.ValidUntil.IsZero() && r.ValidUntil.Before(asOf):
		c.add(p, line(p, "valid_until"), "impossible-dates", Error,
			fmt.Sprintf("有效期至%s，已届满，状态却仍是现行有效", date(r.ValidUntil)),
			"有效期届满的文件自动失效：确需继续执行的，重新印发或延长有效期并记入 cleanup；否则把 status 改为“宣布失效”")
	}
}
