package review

import (
	"fmt"
	"strings"

	"djkb/internal/content"
	"djkb/internal/site"
)

// checkReplaced is check 3: a regulation marked 现行有效 although it has a
// repeal decision, a replacement in force, or a newer page with the same
// title in force. A replacement that is 尚未施行 does not count: the old
// text applies until the new one takes effect.
func checkReplaced(c *checker, p *site.Page) {
	if p.Status() != content.InForce {
		return
	}
	const action = "把 status 改为“已修改”（由新版本替代）或“已废止”，并写明 superseded_by 或 repeal；新文件尚未施行的，把新文件标为“尚未施行”"
	r := p.Reg()
	if r.Repeal != nil {
		c.add(p, line(p, "status"), "replaced-in-force", Error,
			fmt.Sprintf("已有废止依据（%s），状态却是现行有效", repealLabel(r.Repeal.Decision, r.Repeal.DocNumber)), action)
		return
	}
	var by []string
	for _, ref := range p.SupersededBy {
		if ref.Page == nil || c.reg.Status(ref.Page) == content.InForce {
			by = append(by, refLabel(ref))
		}
	}
	if len(by) > 0 {
		c.add(p, line(p, "status"), "replaced-in-force", Error,
			fmt.Sprintf("已被%s替代，状态却是现行有效", strings.Join(by, "、")), action)
		return
	}
	if q := c.reg.Newer(p); q != nil && c.reg.Status(q) == content.InForce {
		c.add(p, line(p, "status"), "replaced-in-force", Error,
			fmt.Sprintf("有更新的同名文件（%s，%s印发），同名文件只能有最新的一份现行有效", q.Src.Path, date(q.Date)), action)
	}
}

// refLabel names a referenced document: 《title》 for a page, the text
// (a 文号 or a path) otherwise.
func refLabel(ref site.Ref) string {
	if ref.Page != nil {
		return "《" + ref.Page.Title + "》"
	}
	return "“" + ref.Text + "”"
}

func repealLabel(decision, docNumber string) string {
	switch {
	case decision != "" && docNumber != "":
		return decision + "，" + docNumber
	case decision != "":
		return decision
	case docNumber != "":
		return docNumber
	}
	return "repeal"
}
