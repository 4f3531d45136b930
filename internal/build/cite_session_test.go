package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/site"
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

// TestSessionReusesOnlyWhatHolds: djkb serve keeps each page's resolved
// citations and each chain's comparisons between edits; every edit below
// changes what some unedited page shows (a citation's link, a count of
// 被引用, a version's chain or comparison), and the session must write
// what a clean build writes.
func TestSessionReusesOnlyWhatHolds(t *testing.T) {
	const (
		talks   = "content/regulations/本单位制度/东江省统计局机关党内谈话提醒办法.md"
		funds   = "content/regulations/本单位制度/东江省统计局机关党建工作经费管理办法.md"
		funds2  = "content/regulations/本单位制度/东江省统计局机关党建工作经费管理办法（2019）.md"
		caseMd  = "content/cases/警示案例/某处党员统计数据报送差错未及时谈话提醒.md"
		opinio  = "content/regulations/党内规范性文件/东江省直机关党支部标准化规范化建设实施意见.md"
		opinio2 = "content/regulations/本单位制度/东江省统计局主题党日活动规定.md"
	)
	for _, tc := range []struct {
		name, file, old, new string
	}{
		// The case cites 《…谈话提醒办法》第八条: renamed, it cites nothing.
		{"被引用的文件改名", talks, `title = "东江省统计局机关党内谈话提醒办法"`, `title = "东江省统计局机关党内谈话办法"`},
		// The cited page's address changes every link to it.
		{"被引用的文件改地址", talks, `title = "东江省统计局机关党内谈话提醒办法"`, "title = \"东江省统计局机关党内谈话提醒办法\"\nslug = \"talks\""},
		// Renumbered, the cited article moves to another number.
		{"被引用的条文改号", talks, "第八条　谈话提醒应当制作谈话记录", "第八条之一　谈话提醒应当制作谈话记录"},
		// The cited article's text is in the case's popover data.
		{"被引用的条文改文字", talks, "第八条　谈话提醒应当制作谈话记录", "第八条　谈话提醒应当认真制作谈话记录"},
		// A new citation adds to the cited page's 被引用.
		{"案例新增引用", caseMd, "按照现行《东江省统计局机关党内谈话提醒办法》第八条", "按照现行《东江省统计局机关党内谈话提醒办法》第八条、第七条"},
		// A citing page's date moves it up the cited pages' 被引用 lists,
		// though what it cites is the same.
		{"引用者改日期", opinio, "issued = 2022-04-18\neffective = 2022-04-18", "issued = 2024-04-18\neffective = 2024-04-18"},
		// A page's tags are kept with its file between edits; new ones
		// make a term and change the taxonomy's pages.
		{"标签改变", opinio2, `tags = ["主题党日", "组织生活"]`, `tags = ["主题党日", "新标签测试"]`},
		// The newest version's text changes its comparison with the one before.
		{"新版本改动条文", funds, "党建工作经费主要用于：党员教育培训、党组织活动", "党建工作经费主要用于：党员教育培训、党组织生活"},
		// A middle version's text changes both comparisons it is in.
		{"中间版本改动条文", funds2, "党建工作经费主要用于：党员教育培训、党组织活动", "党建工作经费主要用于：党员培训、党组织活动"},
		// A version's status changes which version citations go to.
		{"版本状态改变", funds, `status = "现行有效"`, `status = "已废止"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, _ := filepath.Abs("../..")
			dir := copySample(t, root, "")
			sess := NewSession(Options{SiteDir: dir, Defaults: djkb.Defaults, NoSearch: true})
			if _, _, err := sess.Build(); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, filepath.FromSlash(tc.file))
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			edited := strings.Replace(string(data), tc.old, tc.new, 1)
			if edited == string(data) {
				t.Fatalf("%s 中没有“%s”", tc.file, tc.old)
			}
			if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			sess.Changed([]string{tc.file})
			_, changed, err := sess.Build()
			if err != nil {
				t.Fatal(err)
			}
			if len(changed) < 2 {
				t.Errorf("只有 %v 变了：这一改动应当也改变别的网页", changed)
			}
			site.ForgetKept() // the clean build derives everything afresh
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Run(Options{SiteDir: dir, OutDir: out, Defaults: djkb.Defaults, NoSearch: true}); err != nil {
				t.Fatal(err)
			}
			compareWithDir(t, tc.name, sess, out)
		})
	}
}
