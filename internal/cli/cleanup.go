package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"djkb/internal/build"
	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/output"
	"djkb/internal/register"
	"djkb/internal/review"
	model "djkb/internal/site"
)

// runCleanup prints the regulation clean-up report.
func runCleanup(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "decide":
			return runCleanupDecide(args[1:], stdout, stderr)
		case "report":
			return runCleanupReport(args[1:], stdout, stderr)
		case "checklist":
			return runCleanupChecklist(args[1:], stdout, stderr)
		}
	}
	var sf siteFlags
	fs := newFlagSet("cleanup", stderr, &sf)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "用法：djkb cleanup [-s 站点] [-d 输出文件夹] [--json] [--as-of YYYY-MM-DD] [--strict]\n      djkb cleanup decide 文件 结论 [--ground 理由] [--note 说明]\n      djkb cleanup report [--batch 批次] [--json] [--pdf 文件]\n      djkb cleanup checklist [文件…] [--pdf 文件]\n\n按清理规则检查全部法规制度，按规则列出问题和处理建议，再列出本次清理批次尚待作出结论的文件（附建议结论）和待报备的文件。给出 -d 时，另把报告写入 输出文件夹/cleanup/report.txt 和 findings.json。\n\n选项：")
		fs.PrintDefaults()
	}
	asJSON := fs.Bool("json", false, "以 JSON 数组输出结果（path、line、rule、severity、message、action 等）")
	asOfFlag := fs.String("as-of", "", "以这一天为准检查（YYYY-MM-DD），默认今天")
	strict := fs.Bool("strict", false, "仍有“错误”级别的结果时以退出码 1 结束，供内容仓库的 CI 使用")
	d := fs.Lookup("d")
	d.Usage, d.DefValue = "给出时，另把报告写入 输出文件夹/cleanup/report.txt 和 findings.json", ""
	if _, ok := parseFlags(fs, args); !ok {
		return 2
	}
	asOf, ok := parseAsOf(*asOfFlag, stderr)
	if !ok {
		return 2
	}
	s, ok := loadForReport(sf.site, false, stderr)
	if !ok {
		return 1
	}
	opts := review.OptionsFor(s.Config, asOf)
	findings := review.Check(s, opts)
	reg := register.New(s)
	checked := len(reg.Pages())
	var text, js bytes.Buffer
	review.WriteText(&text, findings, opts, checked)
	pending, progress := review.BatchWork(s, reg, findings, asOf)
	review.WritePending(&text, pending, progress)
	review.WriteFilingDue(&text, review.FilingList(s, reg, asOf))
	review.WriteJSON(&js, findings)
	if flagSet(fs, "d") {
		for name, data := range map[string][]byte{"report.txt": text.Bytes(), "findings.json": js.Bytes()} {
			if err := writeIntoOutput(sf.out, "cleanup/"+name, data); err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
		}
	}
	if *asJSON {
		stdout.Write(js.Bytes())
	} else {
		stdout.Write(text.Bytes())
	}
	if *strict && review.Count(findings).Errors > 0 {
		fmt.Fprintf(stderr, "清理检查未通过：仍有 %d 个错误（--strict）。\n", review.Count(findings).Errors)
		return 1
	}
	return 0
}

// parseAsOf reads an --as-of date; "" is today.
func parseAsOf(s string, stderr io.Writer) (time.Time, bool) {
	if s == "" {
		return register.Today(), true
	}
	t, ok := content.ParseDate(s)
	if !ok {
		fmt.Fprintf(stderr, "djkb：--as-of 的日期“%s”无法识别，请写成 2026-11-27 这样的格式\n", s)
	}
	return t, ok
}

// loadForReport loads a site for a report. Content errors are listed, since
// the files they are in cannot be checked, but do not stop the report; a
// site that cannot be read at all does. With noMarkdown the Markdown is
// not converted (see build.Options.NoMarkdown).
func loadForReport(dir string, noMarkdown bool, stderr io.Writer) (*model.Site, bool) {
	s, diags := build.Load(build.Options{SiteDir: dir, Defaults: defaults, NoMarkdown: noMarkdown})
	if s == nil {
		printDiags(stderr, diags.Items())
		return nil, false
	}
	if n := diags.Count(diag.Error); n > 0 {
		fmt.Fprintf(stderr, "注意：内容中有 %d 个错误，有错误的文件未能纳入（请用 djkb check 查看并修正）：\n", n)
		for _, d := range diags.Items() {
			if d.Severity == diag.Error {
				fmt.Fprintln(stderr, "  "+d.String())
			}
		}
	}
	return s, true
}

// flagSet reports whether the flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// writeIntoOutput writes the file rel (slash-separated) into the output
// folder out of a build, recording it in the folder's stamp first: a
// folder that holds files djkb did not write is refused, as by a build.
func writeIntoOutput(out, rel string, data []byte) error {
	if err := output.Claim(out, rel); err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(out, filepath.FromSlash(rel)), data)
}

// writeFileAtomic writes one file of an output folder through a temporary
// file and a rename, so that readers see the old file or the new one, and
// the rest of the folder is left alone.
func writeFileAtomic(name string, data []byte) error {
	return writeFileAtomicWith(name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeFileAtomicWith is writeFileAtomic for a file that write produces
// piece by piece. An error of write's own, not of writing, is returned as
// it is.
func writeFileAtomicWith(name string, write func(io.Writer) error) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("无法创建文件夹 %s：%w", dir, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return fmt.Errorf("无法在 %s 中写入（磁盘已满或没有写权限？）：%w", dir, err)
	}
	w := &recordingWriter{w: f}
	if err = write(w); err != nil && w.err == nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("无法写入 %s（磁盘已满或没有写权限？）：%w", name, err)
	}
	return nil
}

// recordingWriter remembers whether a write failed.
type recordingWriter struct {
	w   io.Writer
	err error
}

func (r *recordingWriter) Write(b []byte) (int, error) {
	n, err := r.w.Write(b)
	if err != nil {
		r.err = err
	}
	return n, err
}
