// Package content loads a site's content folder: it walks the files, decodes
// their text, splits and validates the front matter, and returns typed
// sources. It knows nothing of URLs or rendering.
package content

import (
	"bytes"
	"errors"
	"hash/crc32"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"djkb/internal/diag"
	"djkb/internal/fphash"
	"djkb/internal/parallel"
	"djkb/internal/rawfile"
	"djkb/internal/sitefs"
)

// Dir is the name of the content folder inside a site folder.
const Dir = "content"

// Source is one Markdown file, read and validated.
type Source struct {
	Path      string // relative to content/, with "/": "regulations/a/b.md"
	File      string // relative to the site folder, for messages: "content/regulations/a/b.md"
	Kind      Kind
	IsSection bool // its folder's index (see IsIndexName)
	Meta      Meta
	Front     FrontMatter // raw keys and their lines, for messages about them
	// Hash and FrontHash fingerprint the whole file and its front matter,
	// so that djkb serve, and djkb build's cache, can tell what an edit
	// changed; they are the same in every process (fphash).
	Hash, FrontHash uint64
	// ModTime is when the file was last changed: the date 最近更新 lists
	// a page by when it has none of its own.
	ModTime time.Time
	// Sum is the CRC-32 of the whole file, which a browser compares to
	// tell that a page changed since a reader's last visit.
	Sum uint32
	// TitleFromBody is set when the title was taken from the first "# "
	// heading, which the renderer then drops to avoid showing it twice.
	TitleFromBody bool
	BodyLine      int    // file line on which the body starts
	body          []byte // the Markdown after the front matter
}

// Body is the Markdown after the front matter, nil once released.
func (s *Source) Body() []byte { return s.body }

// ReleaseBody lets the Markdown go, for a build that has converted it and
// reads it no more.
func (s *Source) ReleaseBody() { s.body = nil }

// Asset is a non-Markdown file in content/, copied to the output as it is.
type Asset struct {
	Path    string // relative to content/
	Abs     string
	Size    int64
	ModTime time.Time
}

// Set is what Load finds.
type Set struct {
	Sources []*Source // sorted by Path
	Assets  []Asset
}

// Options controls what Load keeps.
type Options struct {
	Drafts bool // keep pages with draft = true
	// UnsafeHTML publishes HTML files, and SVG and XML ones with scripts,
	// as they are (see keepInert).
	UnsafeHTML bool
}

// File is a Markdown file found in content/.
type File struct {
	Path    string // relative to content/
	Abs     string
	Size    int64
	ModTime time.Time
}

// Load reads every file below siteDir/content.
func Load(siteDir string, opts Options, diags *diag.List) *Set {
	return LoadCached(siteDir, opts, nil, diags)
}

// LoadCached is Load that reuses the sources of a Cache for files that have
// not changed since it read them; cache may be nil.
func LoadCached(siteDir string, opts Options, cache *Cache, diags *diag.List) *Set {
	files, assets, ok := cache.walk(siteDir, diags)
	if !opts.UnsafeHTML {
		assets = keepInert(assets, diags)
	}
	set := &Set{Assets: assets}
	if !ok {
		return set
	}
	sources := make([]*Source, len(files))
	parallel.Each(len(files), func(i int) { sources[i] = cache.load(files[i], diags) })
	cache.keepOnly(files)

	for _, s := range sources {
		if s != nil && (opts.Drafts || !s.Meta.Draft) {
			set.Sources = append(set.Sources, s)
		}
	}
	return set
}

// Walk lists the Markdown files and the other files of siteDir/content,
// sorted by path. Hidden files and Office lock files are left out (with a
// warning for Markdown ones, which an editor may have meant to publish);
// files that sitefs refuses, with an error. With stat, it reads each
// file's size and time. ok is false when there is no content folder.
func Walk(siteDir string, stat bool, diags *diag.List) (files []File, assets []Asset, ok bool) {
	err := sitefs.New(siteDir).Walk(Dir, diags, skipped(diags), func(f sitefs.File) {
		var size int64
		var mod time.Time
		if stat {
			info, err := os.Stat(f.Abs)
			if err != nil {
				diags.Errorf(path.Join(Dir, f.Rel), 0, "无法读取：%v", err)
				return
			}
			size, mod = info.Size(), info.ModTime()
		}
		if isMarkdown(f.Rel) {
			files = append(files, File{Path: f.Rel, Abs: f.Abs, Size: size, ModTime: mod})
		} else {
			assets = append(assets, Asset{Path: f.Rel, Abs: f.Abs, Size: size, ModTime: mod})
		}
	})
	if errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(Dir, 0, "站点文件夹中没有 content 文件夹：请创建 content/ 并放入 Markdown 文件")
	}
	return files, assets, err == nil
}

func isMarkdown(name string) bool { return strings.EqualFold(path.Ext(name), ".md") }

// skipped returns the rule for the names Walk leaves out: hidden files and
// folders and Office lock files. It warns about a hidden Markdown file,
// except the ones editors and systems make beside a real one: Emacs locks
// (".#a.md") and macOS metadata ("._a.md").
func skipped(diags *diag.List) func(rel string, d fs.DirEntry) bool {
	return func(rel string, d fs.DirEntry) bool {
		name := d.Name()
		if strings.HasPrefix(name, "~$") || !d.IsDir() && isToolFile(name) {
			return true
		}
		if !strings.HasPrefix(name, ".") {
			return false
		}
		if !d.IsDir() && isMarkdown(name) && !strings.HasPrefix(name, ".#") && !strings.HasPrefix(name, "._") {
			diags.Warnf(path.Join(Dir, rel), 0, "文件名以“.”开头，会被当作隐藏文件忽略，不会发布：如需发布，请重命名，去掉开头的“.”")
		}
		return true
	}
}

// toolFiles are the navigation files of other tools: docsify's sidebar,
// navbar and cover page, GitBook's SUMMARY.md. djkb makes its own
// navigation, and they are not pages.
var toolFiles = []string{"_sidebar.md", "_navbar.md", "_coverpage.md", "SUMMARY.md"}

func isToolFile(name string) bool {
	return slices.ContainsFunc(toolFiles, func(n string) bool { return strings.EqualFold(name, n) })
}

// loadFile reads one Markdown file; it returns nil when the file is unusable.
func loadFile(f File, diags *diag.List) *Source {
	data, err := rawfile.ReadFile(f.Abs)
	if err != nil {
		diags.Errorf(path.Join(Dir, f.Path), 0, "无法读取文件：%v", err)
		return nil
	}
	src := Parse(f.Path, data, diags)
	if src != nil {
		src.ModTime = f.ModTime
		if src.ModTime.IsZero() { // listed without a stat
			if info, err := os.Stat(f.Abs); err == nil {
				src.ModTime = info.ModTime()
			}
		}
	}
	return src
}

// Parse turns the bytes of the file at rel (relative to content/) into a
// Source, reporting problems to diags. It returns nil when the file cannot be
// used at all.
func Parse(rel string, data []byte, diags *diag.List) *Source {
	file := path.Join(Dir, rel)
	text, warning, errLine, errMsg := decodeText(data)
	if errMsg != "" {
		diags.Errorf(file, errLine, "%s", errMsg)
		return nil
	}
	if warning != "" {
		diags.Warnf(file, 0, "%s", warning)
	}
	base := path.Base(rel)
	src := &Source{
		Path:      rel,
		File:      file,
		Kind:      KindOfPath(rel),
		IsSection: IsIndexName(base),
	}
	fm, block, body, bodyLine, err := SplitFrontMatter(text)
	if err != nil {
		se := err.(*SyntaxError)
		diags.Errorf(file, se.Line, "%s", se.Msg)
		return nil
	}
	// A file with mistakes in its front matter is still read as far as it
	// can be, so that one check reports all its problems, its body's
	// included; the errors keep it from being published.
	if fm.Format != "" {
		var errs []*SyntaxError
		fm, errs = ParseFrontMatter(fm.Format, block)
		for _, se := range errs {
			diags.Errorf(file, se.Line, "%s", se.Msg)
		}
	}
	src.body, src.BodyLine = body, bodyLine
	// An index is read as its kind's page: it may turn out to be a
	// document of its own (see site.isDocument).
	meta, problems := decodeMeta(&fm, src.Kind)
	for _, p := range problems {
		diags.Errorf(file, p.Line, "%s", p.Msg)
	}
	if r := meta.Regulation; r != nil {
		folderSystem(src, &fm, r, diags)
	}
	nameDate, nameTitle := DateFromName(strings.TrimSuffix(base, path.Ext(base)))
	if meta.Date.IsZero() {
		meta.Date = nameDate
	}
	if meta.Title == "" {
		if t := FirstHeading(body); t != "" {
			meta.Title = t
			src.TitleFromBody = true
		} else if src.IsSection {
			meta.Title = path.Base(path.Dir(rel))
		} else {
			meta.Title = nameTitle
		}
	}
	src.Meta = meta
	src.Front = fm
	warnPlaceholders(src, diags)
	src.Hash = fphash.Bytes(data)
	src.FrontHash = fphash.Bytes(block)
	src.Sum = crc32.ChecksumIEEE(data)
	return src
}

// IndexNames are the names a folder's index file has in the conventions
// djkb reads: Hugo's _index.md, MkDocs' index.md, and the README.md of
// VuePress, docsify and GitBook.
var IndexNames = []string{"_index.md", "index.md", "README.md"}

// IsIndexName reports whether a file of that name is its folder's index.
// Letter case does not matter: readme.md is an index too.
func IsIndexName(base string) bool {
	for _, n := range IndexNames {
		if strings.EqualFold(base, n) {
			return true
		}
	}
	return false
}

// FirstHeading returns the text of the first level-1 ATX heading ("# ...")
// outside fenced code, with simple inline markup removed.
func FirstHeading(body []byte) string {
	fence := ""
	for len(body) > 0 {
		line, rest, _ := bytes.Cut(body, []byte{'\n'})
		body = rest
		t := strings.TrimSpace(string(line))
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		if strings.HasPrefix(t, "# ") || t == "#" {
			h := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[1:]), "#"))
			return strings.NewReplacer("**", "", "__", "", "`", "").Replace(h)
		}
	}
	return ""
}

// Year returns the year of t, or 0 for the zero time.
func Year(t time.Time) int {
	if t.IsZero() {
		return 0
	}
	return t.Year()
}

func firstSegment(p string) string {
	seg, _, _ := strings.Cut(p, "/")
	return seg
}

// folderSystem gives a regulation without a 体系 the one its folder is
// named for (regulations/本单位制度/…), so that a section's count and the
// count of its 体系 agree; a 体系 that contradicts the folder is a warning.
func folderSystem(src *Source, fm *FrontMatter, r *Regulation, diags *diag.List) {
	folder, _, nested := strings.Cut(strings.TrimPrefix(src.Path, firstSegment(src.Path)+"/"), "/")
	if !nested || !slices.Contains(Systems, folder) {
		return
	}
	switch r.System {
	case "":
		r.System = folder
	case folder:
	default:
		diags.Warnf(src.File, fm.Line("system"), "文件放在“%s”文件夹中，体系（system）却是“%s”：栏目的篇数与“按体系”的篇数会对不上。请把文件移到 regulations/%s/ 文件夹，或把 system 改为 \"%s\"", folder, r.System, r.System, folder)
	}
}
