package review

import (
	"fmt"

	"djkb/internal/content"
	"djkb/internal/register"
	"djkb/internal/site"
)

// checkTrialExpired is check 1: a trial (试行) or provisional (暂行)
// regulation still in force after its longest trial period, with no
// clean-up decision since the period ended. When trial is not recorded, the
// title's （试行） or （暂行） counts.
func checkTrialExpired(c *checker, p *site.Page) {
	r := p.Reg()
	trial := trialOf(p)
	if trial == "" || c.reg.Status(p) != content.InForce {
		return
	}
	start, what := r.Effective, "施行"
	if start.IsZero() {
		start, what = r.Issued, "印发"
	}
	if start.IsZero() {
		return
	}
	end := yearsAfter(start, c.opts.TrialYears)
	period := fmt.Sprintf("最长试行期限（%d 年）", c.opts.TrialYears)
	if !r.ValidUntil.IsZero() && r.ValidUntil.Before(end) {
		end, period = r.ValidUntil, "有效期"
	}
	if !c.opts.AsOf.After(end) {
		return
	}
	last := register.LastDecision(r)
	if last != nil && !last.Date.Before(end) {
		return
	}
	since := "此后没有清理结论"
	if last != nil {
		since = fmt.Sprintf("最近一次清理结论（%s，%s）早于期满", last.Batch, date(last.Date))
	}
	at := line(p, "trial")
	if r.Trial == "" {
		at = line(p, "effective")
	}
	c.add(p, at, "trial-expired", Error,
		fmt.Sprintf("%s文件自%s%s，%s已于%s届满，%s", trial, date(start), what, period, date(end), since),
		"组织评估：需要继续执行的，制定正式文件替代它，或作出延长试行的清理结论记入 cleanup；不再适用的，予以废止")
}

// checkTrialTitle is check 2: the title's （试行）/（暂行） and the trial
// field disagree. An unset trial is not a disagreement: check 1 then reads
// the title.
func checkTrialTitle(c *checker, p *site.Page) {
	r := p.Reg()
	inTitle := TitleTrial(p.Title)
	switch {
	case r.Trial == "":
		return
	case inTitle != "" && r.Trial != inTitle:
		c.add(p, line(p, "trial"), "trial-title", Warning,
			fmt.Sprintf("标题带“（%s）”，trial 却是“%s”", inTitle, r.Trial),
			fmt.Sprintf("核对印发的正式文本：确为%s的，把 trial 改为“%s”；不是%s的，删去标题中的“（%s）”", inTitle, inTitle, inTitle, inTitle))
	case inTitle == "" && r.Trial != "无":
		c.add(p, line(p, "trial"), "trial-title", Warning,
			fmt.Sprintf("trial 为“%s”，标题却没有“（%s）”", r.Trial, r.Trial),
			fmt.Sprintf("核对印发的正式文本：确为%s的，在标题后加上“（%s）”；不是的，把 trial 改为“无”", r.Trial, r.Trial))
	}
}

// trialOf returns "试行" or "暂行" for a trial regulation: the trial field,
// else the title's marker.
func trialOf(p *site.Page) string {
	t := p.Reg().Trial
	if t == "" {
		t = TitleTrial(p.Title)
	}
	if t == "试行" || t == "暂行" {
		return t
	}
	return ""
}
