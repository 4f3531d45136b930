package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"djkb/internal/search"
)

// Until djkb build exists, the harness can make its own site from a folder of
// Markdown: loadMarkdown reads it into search documents the crude way (front
// matter by regular expressions, parts at ## headings and 第X条 articles).

var (
	articleRe = regexp.MustCompile(`^(?:\*\*)?(第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)(?:\*\*)?(?:[\s　]|$)`)
	dateRe    = regexp.MustCompile(`\((\d{4}-\d{2}-\d{2})\)`)
	kvRe      = regexp.MustCompile(`^(\w+)\s*[:=]\s*(.*)$`)
	quotedRe  = regexp.MustCompile(`"([^"]*)"|'([^']*)'`)
	linkRe    = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	tagRe     = regexp.MustCompile(`<[^>]+>`)
)

// loadMarkdown reads every .md file under dir (a site's content/ folder).
func loadMarkdown(dir string) ([]search.Doc, error) {
	var docs []search.Doc
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		docs = append(docs, parseMarkdown(filepath.ToSlash(rel), string(b)))
		return nil
	})
	slices.SortFunc(docs, func(a, b search.Doc) int { return strings.Compare(a.Path, b.Path) })
	return docs, err
}

// parseMarkdown turns one file into a document.
func parseMarkdown(rel, src string) search.Doc {
	front, body := splitFront(src)
	d := search.Doc{Path: rel, URL: strings.TrimSuffix(rel, ".md") + "/", Facets: map[string][]string{}}
	d.Title = first(front["title"])
	d.Status = first(front["status"])
	d.Date = first(front["issued"])
	if d.Date == "" {
		if m := dateRe.FindStringSubmatch(filepath.Base(rel)); m != nil {
			d.Date = m[1]
		}
	}
	if top, _, _ := strings.Cut(rel, "/"); top == "regulations" {
		d.Section = "法规制度"
	} else if top == "cases" {
		d.Section = "典型案例"
	} else if top == "brands" {
		d.Section = "党建品牌"
	}
	part := search.Part{}
	var text []string
	flush := func() {
		part.Text = strings.Join(text, "\n")
		if part.Text != "" || part.Heading != "" {
			d.Parts = append(d.Parts, part)
		}
		text = nil
	}
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "# ") && d.Title == "":
			d.Title = clean(line[2:])
		case strings.HasPrefix(line, "# "):
		case strings.HasPrefix(line, "#"):
			flush()
			h := clean(strings.TrimLeft(line, "# "))
			part = search.Part{Anchor: h, Heading: h}
		case articleRe.MatchString(line):
			flush()
			label := articleRe.FindStringSubmatch(line)[1]
			part = search.Part{Anchor: label, Heading: label}
			text = append(text, clean(line))
		default:
			text = append(text, clean(line))
		}
	}
	flush()
	if d.Title == "" {
		d.Title = strings.TrimSpace(dateRe.ReplaceAllString(strings.TrimSuffix(filepath.Base(rel), ".md"), ""))
	}
	for key, fm := range map[string]string{"status": "status", "system": "system", "form": "form", "issuer": "issuer", "tags": "tags"} {
		if v := front[fm]; len(v) > 0 {
			d.Facets[key] = v
		}
	}
	if d.Section != "" {
		d.Facets["section"] = []string{d.Section}
	}
	if len(d.Date) >= 4 {
		d.Facets["year"] = []string{d.Date[:4]}
	}
	return d
}

// splitFront separates TOML (+++) or YAML (---) front matter, read as
// key = value lines, from the body.
func splitFront(src string) (map[string][]string, string) {
	front := map[string][]string{}
	for _, fence := range []string{"+++", "---"} {
		if !strings.HasPrefix(src, fence+"\n") {
			continue
		}
		end := strings.Index(src[4:], "\n"+fence)
		if end < 0 {
			break
		}
		for _, line := range strings.Split(src[4:4+end], "\n") {
			m := kvRe.FindStringSubmatch(strings.TrimSpace(line))
			if m == nil {
				continue
			}
			v := strings.TrimSpace(m[2])
			if qs := quotedRe.FindAllStringSubmatch(v, -1); qs != nil {
				for _, q := range qs {
					front[m[1]] = append(front[m[1]], q[1]+q[2])
				}
			} else if v != "" {
				front[m[1]] = []string{v}
			}
		}
		return front, src[4+end+len(fence)+1:]
	}
	return front, src
}

// clean strips Markdown emphasis, links and tags from a line.
func clean(s string) string {
	s = linkRe.ReplaceAllString(s, "$1")
	s = tagRe.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "**", "")
	s = strings.TrimLeft(s, "> ")
	return strings.TrimSpace(s)
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}
