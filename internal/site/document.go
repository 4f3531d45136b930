package site

import (
	"bytes"
	"cmp"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A folder is one document kept in several files, not a section, when it
// has an index, no sub-folders, and either
//   - one of its other files at least is titled as a numbered part of a
//     text (第一编…, 第二章…, 第三部分…) or as its 序言: a law or a 汇编
//     split one file per 编 or 章, whatever its index holds (a 题注, the
//     总则, or just the title) and whatever else the folder holds beside
//     the parts (附则, 修正案, an attached 决定); or
//   - it has no other file, and its index has text besides its title (a
//     law kept as folder/README.md).
//
// docs/content.md tells editors this rule; keep the two together.
func isDocument(sec *Section) bool {
	if sec.Index == nil || sec.Parent == nil || len(sec.Children) > 0 {
		return false
	}
	if len(sec.Pages) == 0 {
		return hasOwnText(sec.Index.Src.Body(), sec.Index.Src.TitleFromBody)
	}
	return slices.ContainsFunc(sec.Pages, func(p *Page) bool { return partTitle.MatchString(p.Src.Meta.Title) })
}

// partTitle matches the titles of the numbered parts of a text.
var partTitle = regexp.MustCompile(`^(第[〇零一二三四五六七八九十百千两0-9０-９]+(编|分编|章|节|部分|卷|篇)|序言|前言)`)

// hasOwnText reports whether a Markdown body holds anything but blank
// lines and, when the title came from it, its first "# " heading.
func hasOwnText(body []byte, titleFromBody bool) bool {
	for len(body) > 0 {
		var line []byte
		line, body, _ = bytes.Cut(body, []byte{'\n'})
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if titleFromBody && line[0] == '#' && (len(line) == 1 || line[1] == ' ') {
			titleFromBody = false
			continue
		}
		return true
	}
	return false
}

// makeDocuments turns each folder that is one document into a page of its
// parent section: the index's page, at the folder's URL, with the folder's
// files as its chapters, titled 「document · chapter」.
func (s *Site) makeDocuments() {
	gone := map[*Section]bool{}
	for _, sec := range s.Sections {
		if !isDocument(sec) {
			continue
		}
		gone[sec] = true
		doc, parent := sec.Index, sec.Parent
		doc.IsIndex = false
		doc.Section = parent
		parent.Pages = append(parent.Pages, doc)
		s.addPage(doc)
		doc.Chapters = sec.Pages
		slices.SortStableFunc(doc.Chapters, compareChapters)
		for _, c := range doc.Chapters {
			c.Document, c.Section = doc, parent
			c.Title = doc.Title + " · " + c.Title
		}
		delete(s.sections, sec.Path)
	}
	if len(gone) == 0 {
		return
	}
	isGone := func(sec *Section) bool { return gone[sec] }
	s.Sections = slices.DeleteFunc(s.Sections, isGone)
	for _, sec := range s.Sections {
		sec.Children = slices.DeleteFunc(sec.Children, isGone)
	}
	slices.SortFunc(s.Pages, func(a, b *Page) int { return strings.Compare(a.Src.Path, b.Src.Path) })
}

// compareChapters orders the files of a document: by weight when set,
// then by what they are (see chapterPlace), then by the number their file
// names start with (01-…, 2-…), then by name.
func compareChapters(a, b *Page) int {
	wa, wb := a.Src.Meta.Weight, b.Src.Meta.Weight
	if wa != wb {
		switch {
		case wa == 0:
			return 1
		case wb == 0:
			return -1
		}
		return wa - wb
	}
	return cmp.Or(
		cmp.Compare(chapterPlace(a.Src.Meta.Title), chapterPlace(b.Src.Meta.Title)),
		cmp.Compare(leadingNumber(a.Src.Path), leadingNumber(b.Src.Path)),
		strings.Compare(a.Src.Path, b.Src.Path))
}

// chapterPlace says where a part goes in its text, whatever its file is
// called: a 序言 first, then the numbered parts (with 总则 and 分则), then
// the 附则, then what is appended to the text (修正案, 附录, an attached
// 决定).
func chapterPlace(title string) int {
	switch {
	case hasAnyPrefix(title, "序言", "前言", "导言"):
		return 0
	case partTitle.MatchString(title) || hasAnyPrefix(title, "总则", "分则"):
		return 1
	case hasAnyPrefix(title, "附则"):
		return 2
	}
	return 3
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(s, p) })
}

// leadingNumber is the number a file name starts with, or a large one for
// a name without.
func leadingNumber(p string) int {
	name := path.Base(p)
	end := 0
	for end < len(name) && end < 9 && name[end] >= '0' && name[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(name[:end])
	if err != nil {
		return 1 << 30
	}
	return n
}

// OwnTitle is a page's title within its document: a chapter's own title,
// without its document's; for other pages their title.
func (p *Page) OwnTitle() string {
	if p.Document != nil {
		return p.Src.Meta.Title
	}
	return p.Title
}

// Whole is the document a page belongs to: its Document, else itself.
func (p *Page) Whole() *Page {
	if p.Document != nil {
		return p.Document
	}
	return p
}
