package cleanup

import (
	"bytes"
	"fmt"
	"strings"

	"djkb/internal/site"
)

// checkReferences is check 4: a regulation in force that refers, in its
// references list or by a 《…》 citation in its text, to a document that is
// repealed or void (a warning), only known in an amended version, or not
// in the knowledge base at all (notices: national laws are often cited
// without being held).
func checkReferences(c *checker, p *site.Page) {
	if !Live(c.reg.Status(p)) {
		return
	}
	at := line(p, "references")
	for _, ref := range p.References {
		switch {
		case ref.Page != nil:
			c.checkTarget(p, at, "", "references 引用的", ref.Page)
		case ref.Missing != "":
			c.add(p, at, "dead-reference", Notice,
				fmt.Sprintf("references 中的“%s”在知识库中不存在", ref.Missing),
				"核对路径（相对于 content 文件夹）；文件尚未收录的，收录它，或删去这一项")
		default:
			c.add(p, at, "dead-reference", Notice,
				fmt.Sprintf("references 中的“%s”没有对应的文件", ref.Text),
				"收录这份文件，或改为写文件的路径；已失效的，删去这一项")
		}
	}
	own := TitleKey(p.Title)
	seen := map[string]bool{own: true}
	for _, part := range p.Parts {
		for _, title := range Citations(part.Text) {
			key := TitleKey(title)
			if seen[key] {
				continue
			}
			seen[key] = true
			c.checkCitation(p, title, part.Anchor)
		}
	}
}

// checkCitation checks one 《title》 cited in p's text under anchor.
func (c *checker) checkCitation(p *site.Page, title, anchor string) {
	versions := c.reg.Versions(title)
	at := textLine(p, "《"+title+"》")
	if at == 0 {
		at = textLine(p, title)
	}
	if len(versions) == 0 {
		if looksLikeRule(TitleKey(title)) {
			c.addAt(p, at, anchor, "dead-reference", Notice,
				fmt.Sprintf("正文引用的《%s》未收录在知识库中", title),
				"属于需要执行的文件的，收录它以便核对效力；国家法律等无需收录的可不处理")
		}
		return
	}
	for _, v := range versions {
		if Live(c.reg.Status(v)) {
			return
		}
	}
	c.checkTarget(p, at, anchor, "正文引用的", versions[0])
}

// checkTarget reports a reference from p to a page that is no longer in
// force; how names where it was found.
func (c *checker) checkTarget(p *site.Page, at int, anchor, how string, target *site.Page) {
	status := c.reg.Status(target)
	instead := ""
	if len(target.SupersededBy) > 0 {
		labels := make([]string, len(target.SupersededBy))
		for i, ref := range target.SupersededBy {
			labels[i] = refLabel(ref)
		}
		instead = "，由" + strings.Join(labels, "、") + "替代"
	}
	switch {
	case Dead(status):
		c.addAt(p, at, anchor, "dead-reference", Warning,
			fmt.Sprintf("%s《%s》%s%s", how, target.Title, deadPhrase(status), instead),
			"改为引用现行有效的文件，或删去这一引用；依据它作出的规定仍需执行的，本文件应列入修改")
	case status == Amended:
		c.addAt(p, at, anchor, "dead-reference", Notice,
			fmt.Sprintf("%s《%s》只收录了已修改的旧版本（%s）%s", how, target.Title, target.Src.Path, instead),
			"核对修改后的文本：引用的条款有变化的，修改本文件的引用；新版本未收录的，收录它")
	}
}

func deadPhrase(status string) string {
	if status == Void {
		return "已宣布失效"
	}
	return "已废止"
}

// textLine returns the file line of the first occurrence of s in p's
// Markdown, or 0 when the Markdown is no longer held (a site build frees it
// once converted) or s is not found as written.
func textLine(p *site.Page, s string) int {
	body := p.Src.Body
	i := bytes.Index(body, []byte(s))
	if i < 0 {
		return 0
	}
	return p.Src.BodyLine + bytes.Count(body[:i], []byte{'\n'})
}
