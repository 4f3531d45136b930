package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"djkb/internal/build"
	"djkb/internal/diag"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("build", stderr, &sf)
	drafts := fs.Bool("drafts", false, "包含 draft = true 的草稿页面")
	noSearch := fs.Bool("no-search", false, "不生成搜索索引")
	noCache := fs.Bool("no-cache", false, "不使用也不更新输出文件夹旁的构建缓存（.输出文件夹名.djkb-cache），所有网页重新生成")
	cpuProfile := fs.String("cpuprofile", "", "（开发者用）把 CPU 剖析数据写入该文件")
	memProfile := fs.String("memprofile", "", "（开发者用）把内存分配剖析数据写入该文件")
	heapProfile := fs.String("heapprofile", "", "（开发者用）在每个步骤开始前和构建结束后回收内存，把仍在使用的内存剖析数据依次写入 该文件.1、该文件.2……（步骤次序同 -timings）")
	timings := fs.Bool("timings", false, "构建结束后列出各步骤的用时")
	if _, ok := parseFlags(fs, args); !ok {
		return 2
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer stop()
	}
	if *memProfile != "" {
		defer writeAllocProfile(*memProfile, stderr)
	}
	opts := build.Options{SiteDir: sf.site, OutDir: sf.out, Drafts: *drafts, NoSearch: *noSearch, NoCache: *noCache, Defaults: defaults}
	progress := newProgress(stderr)
	opts.Progress = progress.step
	heap := heapProfiles{path: *heapProfile, stderr: stderr}
	if heap.path != "" {
		opts.Progress = func(step string) { heap.write(); progress.step(step) }
	}
	res, err := build.Run(opts)
	heap.write()
	progress.done()
	printDiags(stderr, res.Diags)
	if *timings {
		for _, st := range res.Steps {
			fmt.Fprintf(stderr, "%8.0f 毫秒  %s", st.Duration.Seconds()*1000, st.Name)
			if st.CPU > 0 {
				fmt.Fprintf(stderr, "（CPU %.0f 毫秒）", st.CPU.Seconds()*1000)
			}
			fmt.Fprintln(stderr)
		}
	}
	secs := res.Duration.Seconds()
	switch {
	case errors.Is(err, build.ErrFailed):
		fmt.Fprintf(stderr, "构建失败：%d 个错误，%d 条警告，用时 %.2f 秒；原有输出 %s 保持不变。请按上面的提示修改后重新构建。\n", res.Errors, res.Warnings, secs, sf.out)
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "构建失败：%v\n原有输出 %s 保持不变。\n", err, sf.out)
		return 1
	}
	fmt.Fprintf(stdout, "构建完成：%d 个页面（%d 个网页文件），用时 %.2f 秒，%d 条警告，%d 个错误，输出到 %s\n", res.Pages, res.Files, secs, res.Warnings, res.Errors, sf.out)
	return 0
}

func printDiags(w io.Writer, ds []diag.Diagnostic) {
	for _, d := range ds {
		fmt.Fprintln(w, d.String())
	}
}

// progress shows the current step on a terminal once a build has taken
// more than a second; elsewhere it stays silent.
type progress struct {
	w     io.Writer
	on    bool
	start time.Time
	shown bool
}

func newProgress(w io.Writer) *progress {
	return &progress{w: w, on: isTerminal(w), start: time.Now()}
}

func (p *progress) step(name string) {
	if p.on && time.Since(p.start) > time.Second {
		fmt.Fprintf(p.w, "\r\033[K正在%s……", name)
		p.shown = true
	}
}

func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// writeAllocProfile writes what the build allocated, by call site
// (go tool pprof -sample_index=alloc_space).
func writeAllocProfile(path string, stderr io.Writer) {
	f, err := os.Create(path)
	if err == nil {
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
	}
}

// heapProfiles writes what is live on the heap at the end of each step of
// a build, path.1 before the first step starts, path.2 after it, and so
// on: where a build's memory goes, which an allocation profile does not
// tell.
type heapProfiles struct {
	path   string
	stderr io.Writer
	n      int
}

func (h *heapProfiles) write() {
	if h.path == "" {
		return
	}
	h.n++
	runtime.GC()
	f, err := os.Create(fmt.Sprintf("%s.%d", h.path, h.n))
	if err == nil {
		err = pprof.Lookup("heap").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(h.stderr, err)
	}
}

func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
