package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"djkb"
	"djkb/internal/output"
)

// mountTmpfs mounts a small tmpfs for the test, or skips when the system
// does not allow it (not root, or no mount in this sandbox).
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s); the disk-full test needs root", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// TestFullDiskAndReadOnlyOutput fills the disk, then makes it read-only,
// and checks that each build fails with a clear message and leaves the
// previous site exactly as it was.
func TestFullDiskAndReadOnlyOutput(t *testing.T) {
	disk := mountTmpfs(t, "2m")
	site := writeSite(t, map[string]string{
		"content/regulations/甲.md": "# 甲\n\n第一条　内容。\n",
		"content/cases/乙.md":       "# 乙\n",
	})
	out := filepath.Join(disk, "public")
	if _, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: true}); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, out)

	big := make([]byte, 3<<20) // more than the disk holds
	os.WriteFile(filepath.Join(site, "content/cases/大附件.pdf"), big, 0o644)
	_, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: true})
	if err == nil || !strings.Contains(err.Error(), "磁盘已满") {
		t.Fatalf("a full disk should fail with a clear message, got %v", err)
	}
	if got := treeHash(t, out); got != before {
		t.Fatalf("a failed build changed the output: %s, was %s", got, before)
	}
	if left := leftBeside(out); len(left) > 0 {
		t.Errorf("the half-written build was left behind: %v", left)
	}

	os.Remove(filepath.Join(site, "content/cases/大附件.pdf"))
	if out, err := exec.Command("mount", "-o", "remount,ro", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	_, err = Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: true})
	if err == nil || !strings.Contains(err.Error(), "没有写权限") {
		t.Fatalf("a read-only output folder should fail with a clear message, got %v", err)
	}
	if got := treeHash(t, out); got != before {
		t.Fatalf("a failed build changed the output")
	}
}

// TestFullDiskFreesTheKeptSite fills the disk while a rebuild rewrites the
// kept previous site in place, through a page rather than a copied file, and
// checks that the half-rewritten folder is deleted: a build that failed on
// a full disk leaves the disk no fuller than it found it.
func TestFullDiskFreesTheKeptSite(t *testing.T) {
	disk := mountTmpfs(t, "3m")
	site := writeSite(t, map[string]string{
		"content/regulations/甲.md": "# 甲\n\n第一条　内容。\n",
		"content/cases/乙.md":       "# 乙\n",
	})
	out := filepath.Join(disk, "public")
	for range 2 { // the second build leaves the first's site kept beside out
		if _, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(output.SpareName(out)); err != nil {
		t.Fatalf("no kept previous site to rewrite: %v", err)
	}
	before := treeHash(t, out)
	free := func() uint64 {
		var st syscall.Statfs_t
		syscall.Statfs(disk, &st)
		return st.Bfree * uint64(st.Bsize)
	}
	room := free()

	long := strings.Repeat("内容很长的一段文字，反复出现。\n\n", 60000) // more than the disk holds, as HTML
	os.WriteFile(filepath.Join(site, "content/regulations/长.md"), []byte("# 长\n\n"+long), 0o644)
	if _, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults}); err == nil {
		t.Fatal("a build larger than the disk succeeded")
	}
	if got := treeHash(t, out); got != before {
		t.Fatalf("a failed build changed the output: %s, was %s", got, before)
	}
	if left := leftBeside(out); len(left) > 0 {
		t.Errorf("the half-rewritten folder was left behind: %v", left)
	}
	if now := free(); now < room {
		t.Errorf("the failed build left the disk fuller: %d bytes free, %d before", now, room)
	}
}
