package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"djkb"
)

// TestSessionFollowsCitations: an edit of a cited regulation that removes
// the article a case cites changes the case's HTML (no link any more) and
// the popover data, though the case's own file is unchanged; the session
// writes what a clean build writes.
func TestSessionFollowsCitations(t *testing.T) {
	root, _ := filepath.Abs("../..")
	site := copySample(t, root, "")
	sess := NewSession(Options{SiteDir: site, Defaults: djkb.Defaults, NoSearch: true})
	if _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	reg := filepath.Join(site, "content", "regulations", "本单位制度", "东江省统计局机关党内谈话提醒办法.md")
	data, err := os.ReadFile(reg)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "第八条　谈话提醒应当制作谈话记录", "谈话提醒应当制作谈话记录", 1)
	if edited == string(data) {
		t.Fatal("示例站点的谈话提醒办法没有第八条")
	}
	if err := os.WriteFile(reg, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	sess.Changed([]string{"content/regulations/本单位制度/东江省统计局机关党内谈话提醒办法.md"})
	if _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: true}); err != nil {
		t.Fatal(err)
	}
	compareWithDir(t, "删去被引用的第八条之后", sess, out)
}

// TestSessionFollowsGlossary: a term added to the glossary links its first
// mention on pages whose own files did not change; the session writes
// what a clean build writes.
func TestSessionFollowsGlossary(t *testing.T) {
	root, _ := filepath.Abs("../..")
	site := copySample(t, root, "")
	sess := NewSession(Options{SiteDir: site, Defaults: djkb.Defaults, NoSearch: true})
	if _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	glossary := filepath.Join(site, "content", "glossary.md")
	data, err := os.ReadFile(glossary)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(glossary, append(data, "\n## 谈话提醒\n\n又称：提醒谈话\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	sess.Changed([]string{"content/glossary.md"})
	if _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: true}); err != nil {
		t.Fatal(err)
	}
	compareWithDir(t, "术语表新增词条之后", sess, out)
}
