package review

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"weak"

	"djkb/internal/content"
	"djkb/internal/parallel"
	"djkb/internal/register"
	"djkb/internal/site"
)

// checkReferences is check 4: a regulation in force that refers, in its
// references list or by a 《…》 citation in its text, to a document that is
// repealed or void (a warning), only known in an amended version, or not
// in the knowledge base at all (notices: national laws are often cited
// without being held).
func checkReferences(c *checker, p *site.Page) {
	if !register.Live(c.reg.Status(p)) {
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
	own := register.TitleKey(p.Title)
	for _, ct := range citationsOf(p) {
		if ct.key != own {
			c.checkCitation(p, ct)
		}
	}
}

// citation is a 《title》 in a page's text, the first of its key.
type citation struct {
	title, key, anchor string
	line               int // 0 when unknown
}

// citations holds each source's citations (weak.Pointer[content.Source] →
// []citation): finding them means reading the whole text, and djkb serve
// checks every regulation again after each edit although one changed.
var citations sync.Map

// citationsOf returns the citations in p's text, remembered for as long as
// its source is alive.
func citationsOf(p *site.Page) []citation {
	key := weak.Make(p.Src)
	if v, ok := citations.Load(key); ok {
		return v.([]citation)
	}
	var out []citation
	seen := map[string]bool{}
	for _, part := range p.Parts() {
		for _, title := range Citations(part.Text) {
			// A substring would keep the page's whole text alive as long
			// as the page: the index lets the text go once it is coded.
			title = strings.Clone(title)
			k := register.TitleKey(title)
			if seen[k] {
				continue
			}
			seen[k] = true
			at := textLine(p, "《"+title+"》")
			if at == 0 {
				at = textLine(p, title)
			}
			out = append(out, citation{title: title, key: k, anchor: part.Anchor, line: at})
		}
	}
	if _, loaded := citations.LoadOrStore(key, out); !loaded {
		runtime.AddCleanup(p.Src, func(k weak.Pointer[content.Source]) { citations.Delete(k) }, key)
	}
	return out
}

// Prepare reads what the report needs of a regulation's text, the titles
// it cites and their lines, while its Markdown and parts are still there:
// a one-shot build lets them go once the page is written and indexed,
// before the report is made.
func Prepare(p *site.Page) {
	if p.Kind == content.KindRegulation && p.Reg() != nil {
		citationsOf(p)
	}
}

// findCitations fills the memory of citations for pages on all cores, so
// that the checks, which run in order, find them there.
func findCitations(pages []*site.Page) {
	parallel.Each(len(pages), func(i int) { citationsOf(pages[i]) })
}

// checkCitation checks one 《title》 cited in p's text.
func (c *checker) checkCitation(p *site.Page, ct citation) {
	versions := c.reg.VersionsOfKey(ct.key)
	if len(versions) == 0 {
		if looksLikeRule(ct.key) {
			c.addAt(p, ct.line, ct.anchor, "dead-reference", Notice,
				fmt.Sprintf("正文引用的《%s》未收录在知识库中", ct.title),
				"属于需要执行的文件的，收录它以便核对效力；国家法律等无需收录的可不处理")
		}
		return
	}
	for _, v := range versions {
		if register.Live(c.reg.Status(v)) {
			return
		}
	}
	c.checkTarget(p, ct.line, ct.anchor, "正文引用的", versions[0])
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
	case register.Dead(status):
		c.addAt(p, at, anchor, "dead-reference", Warning,
			fmt.Sprintf("%s《%s》%s%s", how, target.Title, deadPhrase(status), instead),
			"改为引用现行有效的文件，或删去这一引用；依据它作出的规定仍需执行的，本文件应列入修改")
	case status == content.Amended:
		c.addAt(p, at, anchor, "dead-reference", Notice,
			fmt.Sprintf("%s《%s》只收录了已修改的旧版本（%s）%s", how, target.Title, target.Src.Path, instead),
			"核对修改后的文本：引用的条款有变化的，修改本文件的引用；新版本未收录的，收录它")
	}
}

func deadPhrase(status string) string {
	if status == content.Void {
		return "已宣布失效"
	}
	return "已废止"
}

// textLine returns the file line of the first occurrence of s in p's
// Markdown, or 0 when the Markdown is no longer held (a site build frees it
// once converted) or s is not found as written.
func textLine(p *site.Page, s string) int {
	body := p.Src.Body()
	i := bytes.Index(body, []byte(s))
	if i < 0 {
		return 0
	}
	return p.Src.BodyLine + bytes.Count(body[:i], []byte{'\n'})
}
