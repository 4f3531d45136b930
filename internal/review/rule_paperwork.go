package review

import (
	"fmt"
	"slices"
	"strings"

	"djkb/internal/content"
	"djkb/internal/site"
)

// checkPaperwork is check 7: the records a clean-up relies on are missing.
func checkPaperwork(c *checker, p *site.Page) {
	r := p.Reg()
	switch status := p.Status(); status {
	case content.Repealed, content.Void:
		if r.Repeal == nil {
			c.add(p, line(p, "status"), "paperwork-missing", Warning,
				fmt.Sprintf("状态是“%s”，却没有废止依据（repeal）", status),
				"补上 repeal = {decision = \"决定名称\", doc_number = \"文号\", date = 日期}；还没有正式发文的，先履行废止或宣布失效的程序")
		}
	case content.Amended:
		if len(p.SupersededBy) == 0 {
			c.add(p, line(p, "status"), "paperwork-missing", Warning,
				"状态是“已修改”，却没有写明修改后的文件（superseded_by）",
				"补上 superseded_by（新文件的路径或文号）；修订稿尚未收录的，收录后再填写")
		}
	}
	var missing []string
	if p.Status() == "" {
		missing = append(missing, "效力状态（status）")
	}
	if r.DocNumber == "" && !noDocNumber(r.Form, r.Issuer) {
		missing = append(missing, "文号（doc_number）")
	}
	if len(r.Issuer) == 0 {
		missing = append(missing, "制定机关（issuer）")
	}
	if r.Issued.IsZero() {
		missing = append(missing, "印发日期（issued）")
	}
	if len(missing) == 0 {
		return
	}
	action := "对照正式文本补全"
	if p.Src.Front.Format == "" {
		action = "在文件开头加上 +++ 之间的 TOML 元数据（可参照 djkb new regulation 生成的模板），对照正式文本填写"
	}
	c.add(p, 1, "paperwork-missing", Warning, "缺少"+strings.Join(missing, "、"), action)
}

// noDocNumber reports whether a document usually has no 文号: laws, and
// the Party regulations the centre and its organs release publicly (党章
// and 准则 adopted by a congress or plenum, 条例 published by 新华社).
func noDocNumber(form string, issuers []string) bool {
	return form == "法律" || (len(issuers) > 0 && !slices.ContainsFunc(issuers, func(s string) bool { return !central(s) }))
}
