package site

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/fphash"
)

// StaticFile is a file a build copies from a static/ folder.
type StaticFile struct {
	Path    string // in the output folder: "js/site.js"
	Builtin bool   // djkb's own, not one of the site's static/ folder
}

// Limits of the file systems a site is written to and copied onto.
const (
	// maxName is NAME_MAX: the bytes of one file or folder name.
	maxName = 255
	// maxPath leaves room for the output folder's own path within Linux's
	// PATH_MAX of 4096 bytes.
	maxPath = 3500
	// windowsPath leaves room for a share's own path within Windows'
	// MAX_PATH of 260 characters.
	windowsPath = 240
)

// makerKind says what an output file comes from. The order matters when
// two collide: see blame.
type makerKind uint8

const (
	byGenerator makerKind = iota // djkb's own pages and files
	byFolder                     // a section's list, for a folder without _index.md
	byConfig                     // a taxonomy's page, at the path site.toml gives it
	byPage                       // a page, or a section's list through its _index.md
	byTerm                       // a taxonomy term's list
	byStatic                     // a file of the site's static/ folder
	byAsset                      // a file of content/ copied as it is
)

// maker is what an output file comes from, as messages name it.
type maker struct {
	kind makerKind
	file string // the site file or folder to change; "" for the generator
	key  string // the front-matter key that names the output, "" for the file's name
	line int    // the line of key, 0 for the file's name
	name string // the generator's and a taxonomy's: what the file is; a term's: 专题“X”
}

// output is one file (or, with folder, a whole folder) a build writes.
type output struct {
	url    string // as a message shows it: "cases/a/", "js/site.js"
	by     *maker
	folder bool // the generator fills this folder itself
}

// outputs lists every file a build writes, the generator's own first (so
// that a collision is blamed on the content), then the site's. It follows
// what the renderer, copyStatic, writeFeeds and writeIndex write.
func (s *Site) outputs(static []StaticFile) []output {
	var outs []output
	add := func(url string, by *maker) { outs = append(outs, output{url: url, by: by}) }
	gen := func(url, name string) { add(url, &maker{name: name}) }
	if s.Config.Search {
		outs = append(outs, output{url: "search/", by: &maker{name: "搜索索引的文件夹（search/）"}, folder: true})
	}
	gen("search/", "搜索页")
	gen("cleanup/", "法规制度清理页")
	gen("bookmarks/", "“我的收藏”页")
	gen("404.html", "“页面不存在”页（404.html）")
	gen("sitemap.xml", "站点地图（sitemap.xml）")
	gen("feed.xml", "订阅源（feed.xml）")
	gen(SumsURL, "各页的更新标记（"+SumsURL+"）")
	for _, f := range static {
		if f.Builtin {
			gen(f.Path, "内置文件（"+f.Path+"）")
		} else {
			add(f.Path, &maker{kind: byStatic, file: "static/" + f.Path})
		}
	}
	for _, t := range s.Taxonomies {
		add(t.URL, &maker{kind: byConfig, file: config.FileName, name: "分类“" + t.Name + "”的页面"})
	}
	lists := func(base string, n int, first *maker, what string) {
		add(base, first)
		for i := 2; i <= s.ListPages(n); i++ {
			gen(ListPageURL(base, i), fmt.Sprintf("%s列表的第 %d 页", what, i))
		}
	}
	for _, sec := range s.Sections {
		by := &maker{kind: byFolder, file: path.Join(content.Dir, sec.Path)}
		if sec.Index != nil {
			by = pageMaker(sec.Index)
		}
		if sec.Parent == nil { // the home page is not paginated
			if sec.Index == nil {
				by = &maker{name: "首页"}
			}
			add(sec.URL, by)
			continue
		}
		lists(sec.URL, len(sec.All), by, "栏目“"+sec.Title+"”")
		if len(sec.All) > s.Config.PageSize { // more than one page shows: the filter loads the whole list
			gen(ListEntriesURL(sec.URL), "栏目“"+sec.Title+"”的全部条目（供筛选）")
		}
	}
	for _, p := range s.Pages {
		add(p.URL, pageMaker(p))
		if u := p.CitedByURL(); u != "" {
			gen(u, "《"+p.Title+"》的被引用页（"+CitedByDir+"）")
		}
	}
	for _, c := range s.Chains {
		for _, st := range c.Steps {
			gen(st.URL, "《"+st.New.Title+"》的修订对照页（"+CompareDir+"）")
		}
		if u := c.TextsURL(); u != "" {
			gen(u, "《"+c.Current().Title+"》各版本的条文（供修订对照页选择版本）")
		}
	}
	for _, t := range s.Taxonomies {
		for _, term := range t.Terms {
			src := term.first.Src
			by := &maker{kind: byTerm, file: src.File, key: t.Key, line: src.Front.Line(t.Key), name: t.Name + "“" + term.Name + "”"}
			lists(term.URL, len(term.Pages), by, "“"+t.Name+"："+term.Name+"”")
		}
	}
	for _, a := range s.Assets {
		add(a.Path, &maker{kind: byAsset, file: path.Join(content.Dir, a.Path)})
	}
	return outs
}

func pageMaker(p *Page) *maker {
	m := &maker{kind: byPage, file: p.Src.File}
	if !p.IsIndex && p.Src.Meta.Slug != "" {
		m.key, m.line = "slug", p.Src.Front.Line("slug")
	}
	return m
}

// relation is how two outputs collide.
type relation uint8

const (
	samePath   relation = iota
	caseOnly            // the paths differ only in letter case
	formOnly            // only in Unicode normalisation form: they look the same
	fileFolder          // one needs a file where the other needs a folder
	inFolder            // one is in a folder the other fills
)

// foldPath is the key under which two output paths collide: file systems
// on Windows ignore letter case, and macOS's the Unicode form of a name.
func foldPath(p string) string { return norm.NFC.String(strings.ToLower(p)) }

// checkOutputs reports the outputs that would overwrite one another, a file
// needed where a folder is, or the reverse, and paths that file systems
// cannot hold. It is the one check of output paths: two pages with one URL,
// a page where a list's second page goes, a content file that replaces a
// built-in script, two terms whose names make one URL.
func (s *Site) checkOutputs(static []StaticFile, diags *diag.List) {
	outs := s.outputs(static)
	var key uint64
	if keep.Load() {
		key = outputsKey(outs)
		if last := outputsCache.last(); last != nil && last.key == key {
			diags.AddAll(last.found)
			return
		}
	}
	found := &diag.List{}
	s.findCollisions(outs, found)
	diags.Merge(found)
	if keep.Load() {
		outputsCache.store(&outputsChecked{key: key, found: found.Items()})
	}
}

// outputsCache keeps, for djkb serve, what the last build's check of its
// outputs found: most edits change none of the outputs, and the check
// reads nothing else.
var outputsCache kept[*outputsChecked]

// outputsChecked is what the check of outputs whose fingerprint is key
// found.
type outputsChecked struct {
	key   uint64
	found []diag.Diagnostic
}

// outputsKey fingerprints everything checkOutputs reads of the outputs.
func outputsKey(outs []output) uint64 {
	var h fphash.Hash
	for _, o := range outs {
		writeStrings(&h, o.url, o.by.file, o.by.key, o.by.name)
		fphash.WriteComparable(&h, o.folder)
		fphash.WriteComparable(&h, o.by.kind)
		fphash.WriteComparable(&h, o.by.line)
	}
	return h.Sum64()
}

// findCollisions reports the outputs that collide or that file systems
// cannot hold (see checkOutputs).
func (s *Site) findCollisions(outs []output, diags *diag.List) {
	files := make(map[string]int, len(outs))      // folded path → its output
	dirs := make(map[string]int, len(s.Sections)) // folded folder, with "/" → the first output in it
	filled := map[string]int{}                    // folded folder → the generator's output that fills it
	sized := map[*maker]bool{}                    // makers whose lengths were reported
	longDirs := map[string]bool{}                 // folded folders too long for Windows, reported
	for i := range outs {
		o := &outs[i]
		key := foldPath(OutputFile(o.url))
		if o.folder {
			filled[foldPath(o.url)] = i
			continue
		}
		if o.by.kind != byGenerator && !sized[o.by] {
			sized[o.by] = checkLength(o, longDirs, diags)
		}
		if j, ok := files[key]; ok {
			reportCollision(o, &outs[j], relationOf(OutputFile(o.url), OutputFile(outs[j].url)), diags)
			continue
		}
		for k := strings.IndexByte(key, '/'); k >= 0; k = nextSlash(key, k) {
			if j, ok := filled[key[:k+1]]; ok && o.by.kind != byGenerator {
				reportCollision(o, &outs[j], inFolder, diags)
			}
			if j, ok := files[key[:k]]; ok {
				reportCollision(o, &outs[j], fileFolder, diags)
			}
			if _, ok := dirs[key[:k+1]]; !ok {
				dirs[key[:k+1]] = i
			}
		}
		if j, ok := dirs[key+"/"]; ok {
			reportCollision(o, &outs[j], fileFolder, diags)
		}
		files[key] = i
	}
}

func nextSlash(s string, after int) int {
	if k := strings.IndexByte(s[after+1:], '/'); k >= 0 {
		return after + 1 + k
	}
	return -1
}

func relationOf(a, b string) relation {
	switch {
	case a == b:
		return samePath
	case norm.NFC.String(a) == norm.NFC.String(b):
		return formOnly
	}
	return caseOnly
}

// blame picks which of two colliding outputs, b written after a, the
// message is about: the later one, unless it is the generator's own or a
// folder's list (which has no line to point at) and the earlier is not.
func blame(a, b *output) (on, other *output) {
	rank := func(o *output) int { return min(int(o.by.kind), int(byConfig)) }
	if rank(b) >= rank(a) {
		return b, a
	}
	return a, b
}

func reportCollision(later, earlier *output, rel relation, diags *diag.List) {
	on, other := blame(earlier, later)
	var clash string
	switch rel {
	case samePath:
		clash = "与" + other.phrase() + "相同，两者会互相覆盖"
	case caseOnly:
		clash = "与" + other.phrase() + "（" + other.url + "）只有字母大小写不同，在 Windows 共享文件夹中会互相覆盖"
	case formOnly:
		clash = "与" + other.phrase() + "（" + other.url + "）看起来一样，但字符的 Unicode 编码不同（NFC 与 NFD 两种写法，常见于从苹果电脑复制来的名称），两个网址无法分辨，在苹果电脑上还会互相覆盖"
	case fileFolder:
		clash = "与" + other.phrase() + "冲突：输出中同一个名称既要作文件又要作文件夹，无法同时写出"
	case inFolder:
		clash = "位于" + other.phrase() + "中，会与其中的文件混在一起或互相覆盖"
	}
	fix := on.fix()
	if on.by.kind == byPage && other.by.kind == byFolder && rel == samePath {
		fix += "；若它是介绍这个文件夹的页面，请把它移到文件夹中并改名为 _index.md"
	}
	diags.Errorf(on.by.file, on.by.line, "%s：%s", tidy(on.subject()+clash), tidy(fix))
}

// subject names an output as the start of a message about it.
func (o *output) subject() string {
	switch o.by.kind {
	case byGenerator, byConfig:
		return o.by.name + "（" + o.url + "）"
	case byFolder:
		return "文件夹的网址" + spaced(o.url)
	case byTerm:
		return o.by.name + "的网址" + spaced(o.url)
	case byStatic, byAsset:
		return "复制到网站中的" + spaced(o.url)
	}
	return "生成的网址" + spaced(o.url)
}

// phrase names an output as the other party of a message.
func (o *output) phrase() string {
	switch o.by.kind {
	case byGenerator, byConfig:
		return o.by.name
	case byFolder:
		return "文件夹" + spaced(o.by.file) + "的网址"
	case byTerm:
		return spaced(o.by.file) + "中" + o.by.name + "的网址"
	case byStatic, byAsset:
		return "文件" + spaced(o.by.file)
	}
	return spaced(o.by.file) + "的网址"
}

// gap marks where a path meets the text of a message: tidy makes it a
// space, or nothing beside full-width punctuation.
const gap = "\x00"

func spaced(path string) string { return gap + path + gap }

func tidy(msg string) string {
	var b strings.Builder
	for i, part := range strings.Split(msg, gap) {
		if part == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(part)
			if !fullWidthPunct(last) && !fullWidthPunct(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(part)
	}
	return b.String()
}

func fullWidthPunct(r rune) bool { return r >= utf8.RuneSelf && unicode.IsPunct(r) }

// fix says what to change.
func (o *output) fix() string {
	switch o.by.kind {
	case byConfig:
		return "请修改" + spaced(config.FileName) + "中该分类的 path"
	case byFolder:
		return "请给文件夹改名"
	case byTerm:
		return "请修改“" + o.by.key + "”中的这个值，例如统一两处的写法"
	case byStatic, byAsset:
		return "请给文件改名或移到其他文件夹"
	}
	return "请给文件或文件夹改名，或用 slug 换一个网址"
}

// checkLength reports an output path that a file system cannot hold: a
// name with a backslash (a folder separator on Windows), a name longer
// than NAME_MAX bytes (percent-encoding applies to links, not
// to the names on disk), or a path too long for Linux, or (a warning) for
// a Windows share, once for the outermost folder whose path is too long.
// It reports whether it found a problem.
func checkLength(o *output, longDirs map[string]bool, diags *diag.List) bool {
	p := OutputFile(o.url)
	for name := range strings.SplitSeq(p, "/") {
		if strings.ContainsRune(name, '\\') {
			diags.Errorf(o.by.file, o.by.line, "%s“%s”含有反斜杠（\\）：网址中的反斜杠在 Windows 共享文件夹和预览服务器上都无法打开：请改用 - 或 _",
				o.nameOf(), prefix(name, 20))
			return true
		}
		if len(name) > maxName {
			diags.Errorf(o.by.file, o.by.line, "%s“%s”太长：作为文件或文件夹的名称有 %d 字节，超过了文件系统允许的 %d 字节（一个汉字占 3 字节），无法写出：请缩短到 %d 个汉字或 %d 个字母以内",
				o.nameOf(), prefix(name, 20), len(name), maxName, maxName/3, maxName)
			return true
		}
	}
	shorten := "请缩短文件夹名"
	if n := o.nameOf(); n != "文件夹名" {
		shorten += "或" + n
	}
	if len(p) > maxPath {
		diags.Errorf(o.by.file, o.by.line, "%s 在输出文件夹中的路径有 %d 字节，超过了文件系统允许的长度，无法写出：%s",
			prefix(tidy(o.subject()), 60), len(p), shorten)
		return true
	}
	if len(p) <= windowsPath || utf16Len(p) <= windowsPath {
		return false
	}
	key := foldPath(o.url)
	for k := strings.IndexByte(key, '/'); k >= 0; k = nextSlash(key, k) {
		if longDirs[key[:k+1]] {
			return false
		}
	}
	if strings.HasSuffix(key, "/") {
		longDirs[key] = true
	}
	diags.Warnf(o.by.file, o.by.line, "%s 在输出文件夹中的路径有 %d 个字符，加上共享文件夹本身的路径会超过 Windows 的 260 个字符限制，复制到 Windows 共享文件夹后可能无法打开：%s",
		prefix(tidy(o.subject()), 60), utf16Len(p), shorten)
	return true
}

// nameOf says what of the maker names the output.
func (o *output) nameOf() string {
	switch {
	case o.by.kind == byConfig:
		return config.FileName + " 中分类的 path"
	case o.by.kind == byFolder:
		return "文件夹名"
	case o.by.key != "":
		return "“" + o.by.key + "”的值"
	}
	return "文件名"
}

// prefix shortens s to its first n characters for a message.
func prefix(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k] + "…"
		}
		i++
	}
	return s
}

// utf16Len is the length of s in the UTF-16 units Windows counts paths in.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r) // invalid bytes come as U+FFFD, one unit
	}
	return n
}
