package build

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/output"
	"djkb/internal/site"
	"djkb/internal/sitetest"
)

// TestSessionEqualsCleanBuild applies random sequences of edits, creates,
// deletes and renames to a copy of the sample site and checks after each
// step that the session's files equal, byte for byte, what a clean build of
// the same files writes.
func TestSessionEqualsCleanBuild(t *testing.T) {
	root, _ := filepath.Abs("../..")
	steps := 40
	if testing.Short() {
		steps = 10
	}
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			site := copySample(t, root, "")
			sess := NewSession(Options{SiteDir: site, Defaults: djkb.Defaults, NoSearch: testing.Short()})
			if _, _, err := sess.Build(); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(seed, 99))
			for step := range steps {
				op, changed := randomEdit(t, rng, site)
				sess.Changed(changed)
				res, _, err := sess.Build()
				sess.WaitIndex()
				out := filepath.Join(t.TempDir(), "public")
				cleanRes, cleanErr := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: testing.Short()})
				if (err == nil) != (cleanErr == nil) {
					t.Fatalf("step %d (%s): session error %v, clean build error %v\n%v", step, op, err, cleanErr, cleanRes.Diags)
				}
				if err != nil {
					if fmt.Sprint(res.Diags) != fmt.Sprint(cleanRes.Diags) {
						t.Fatalf("step %d (%s): diagnostics differ\nsession %v\nclean   %v", step, op, res.Diags, cleanRes.Diags)
					}
					continue
				}
				compareWithDir(t, fmt.Sprintf("step %d (%s)", step, op), sess, out)
				if strings.HasPrefix(op, "edit body") && res.Rendered > res.Files/4 {
					t.Errorf("step %d (%s): rendered %d of %d pages; an edit should re-render only what shows it", step, op, res.Rendered, res.Files)
				}
			}
		})
	}
}

// compareWithDir asserts that the session holds exactly the files of dir,
// but for the stamp by which a folder on disk is known as djkb's.
func compareWithDir(t *testing.T, what string, sess *Session, dir string) {
	t.Helper()
	want := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != output.StampName {
			rel, _ := filepath.Rel(dir, p)
			want[filepath.ToSlash(rel)], _ = os.ReadFile(p)
		}
		return nil
	})
	got := sess.Files()
	sort.Strings(got)
	if len(got) != len(want) {
		var extra, missing []string
		for _, g := range got {
			if _, ok := want[g]; !ok {
				extra = append(extra, g)
			}
		}
		for w := range want {
			if _, ok := sess.File(w); !ok {
				missing = append(missing, w)
			}
		}
		t.Fatalf("%s: session has %d files, clean build %d; extra %v, missing %v", what, len(got), len(want), extra, missing)
	}
	for _, name := range got {
		data, _ := sess.File(name)
		if !bytes.Equal(data, want[name]) {
			a, b := string(data), string(want[name])
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			lo := max(0, i-200)
			t.Fatalf("%s: %s differs from a clean build at byte %d:\nsession: %q\nclean:   %q", what, name, i, a[lo:min(len(a), i+200)], b[lo:min(len(b), i+200)])
		}
	}
}

// pageFiles lists the pages' Markdown files of a site (see
// sitetest.PageFiles).
func pageFiles(t *testing.T, site string) []string {
	t.Helper()
	files, err := sitetest.PageFiles(site)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// randomEdit changes the site at random and returns what it did and the
// paths (relative to the site) it touched.
func randomEdit(t *testing.T, rng *rand.Rand, site string) (string, []string) {
	t.Helper()
	files := pageFiles(t, site)
	pick := files[rng.IntN(len(files))]
	abs := func(rel string) string { return filepath.Join(site, filepath.FromSlash(rel)) }
	data, _ := os.ReadFile(abs(pick))
	text := string(data)
	write := func(rel, s string) {
		os.MkdirAll(filepath.Dir(abs(rel)), 0o755)
		if err := os.WriteFile(abs(rel), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	switch rng.IntN(10) {
	case 9: // change a regulation's status, which lists, facets and badges show
		if strings.Contains(text, "status = \"现行有效\"") {
			write(pick, strings.Replace(text, "status = \"现行有效\"", "status = \"已废止\"", 1))
		} else {
			write(pick, strings.Replace(text, "status = \"", "status = \"现行有效\"\nold_status = \"", 1))
		}
		return "restatus " + pick, []string{pick}
	case 0: // edit the body
		write(pick, text+fmt.Sprintf("\n\n新增段落%d：加强学习。\n", rng.IntN(1000)))
		return "edit body of " + pick, []string{pick}
	case 1: // change the summary-bearing start of the body
		i := strings.LastIndex(text, "+++\n")
		if i < 0 {
			i = 0
		} else {
			i += 4
		}
		write(pick, text[:i]+"开头插入一句话。\n\n"+text[i:])
		return "edit start of " + pick, []string{pick}
	case 2: // change a tag
		if strings.Contains(text, "tags = [") {
			write(pick, strings.Replace(text, "tags = [", "tags = [\"随机专题\", ", 1))
		} else {
			write(pick, text+"\n")
		}
		return "retag " + pick, []string{pick}
	case 3: // change the title
		if strings.HasPrefix(text, "+++") && strings.Contains(text, "title = \"") {
			write(pick, strings.Replace(text, "title = \"", "title = \"新", 1))
		} else {
			write(pick, "# 新标题"+fmt.Sprint(rng.IntN(100))+"\n\n"+text)
		}
		return "retitle " + pick, []string{pick}
	case 4: // create a page that links to another
		dir := filepath.ToSlash(filepath.Dir(pick))
		name := fmt.Sprintf("%s/新建页面%d.md", dir, rng.IntN(10000))
		target := files[rng.IntN(len(files))]
		rel, _ := filepath.Rel(dir, target)
		write(name, fmt.Sprintf("# 新建页面\n\n参见[相关文件](<%s>)。\n", filepath.ToSlash(rel)))
		return "create " + name, []string{name}
	case 5: // delete a page (links to it may break: both builds must agree)
		os.Remove(abs(pick))
		return "delete " + pick, []string{pick}
	case 6: // rename a page
		to := strings.TrimSuffix(pick, ".md") + "改名.md"
		os.Rename(abs(pick), abs(to))
		return "rename " + pick, []string{pick, to}
	case 7: // break the front matter, or the page's link
		if strings.HasPrefix(text, "+++") {
			write(pick, "+++\ntitle = \"未闭合\n"+text[3:])
		} else {
			write(pick, text+"\n[坏链接](不存在.md)\n")
		}
		return "break " + pick, []string{pick}
	default: // change an article's anchor target in a regulation
		write(pick, strings.Replace(text, "第一条", "第一条之一", 1))
		return "renumber " + pick, []string{pick}
	}
}

// TestSessionChecksOutputsAgain: djkb serve keeps the check of the output
// paths while they are unchanged; an edit that makes two pages share an
// address is reported as a clean build reports it, and undoing it builds
// again.
func TestSessionChecksOutputsAgain(t *testing.T) {
	root, _ := filepath.Abs("../..")
	dir := copySample(t, root, "")
	sess := NewSession(Options{SiteDir: dir, Defaults: djkb.Defaults, NoSearch: true})
	if _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	const rel = "content/brands/巾帼红.md"
	file := filepath.Join(dir, filepath.FromSlash(rel))
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	clash := strings.Replace(string(orig), "+++\n", "+++\nslug = \"数据堡垒\"\n", 1)
	for _, step := range []struct {
		what, text string
		fails      bool
	}{{"与另一品牌同网址", clash, true}, {"改回原样", string(orig), false}} {
		if err := os.WriteFile(file, []byte(step.text), 0o644); err != nil {
			t.Fatal(err)
		}
		sess.Changed([]string{rel})
		res, _, err := sess.Build()
		site.ForgetKept() // the clean build checks afresh
		cleanRes, cleanErr := Run(Options{SiteDir: dir, OutDir: filepath.Join(t.TempDir(), "public"), Defaults: djkb.Defaults, NoSearch: true})
		if (err != nil) != step.fails || (cleanErr != nil) != step.fails {
			t.Fatalf("%s：会话的错误 %v，完整构建的错误 %v", step.what, err, cleanErr)
		}
		if fmt.Sprint(res.Diags) != fmt.Sprint(cleanRes.Diags) {
			t.Errorf("%s：提示不同\n会话 %v\n完整构建 %v", step.what, res.Diags, cleanRes.Diags)
		}
	}
}
