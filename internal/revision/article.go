// Package revision compares two versions of a regulation article by
// article (修订对照): it splits a text into articles, matches them by
// number and, where renumbered, by likeness, and marks the characters that
// changed. Punctuation and full-width variants are not amendments, so they
// are left out of every comparison. It knows nothing of a site.
package revision

import (
	"bytes"
	"regexp"
	"strings"

	"djkb/internal/markdown"
)

// Article is one article of a version: its number as written (第十二条)
// and its text without the number, as plain text.
type Article struct {
	Label string `json:"l"`
	Text  string `json:"t"`
}

// Split returns the articles of a regulation's Markdown, in order. An
// article starts at a paragraph beginning 第…条 and runs until the next
// article or heading; its later paragraphs are joined with a line break.
// Text before the first article (a preamble) is not an article.
func Split(md []byte) []Article { return SplitSome(md, nil) }

// SplitSome is Split of only the articles whose number want accepts (all
// when want is nil): the others' text is not read.
func SplitSome(md []byte, want func(label string) bool) []Article {
	var out []Article
	var cur *Article
	for len(md) > 0 {
		var line []byte
		line, md, _ = bytes.Cut(md, []byte("\n"))
		line = bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(line, []byte("#")) || bytes.HasPrefix(line, []byte("+++")):
			cur = nil
		case len(line) == 0:
		default:
			if label := markdown.ArticleLabel(line); label != "" {
				cur = nil
				if want == nil || want(label) {
					i := bytes.Index(line, []byte(label)) + len(label)
					out = append(out, Article{Label: label, Text: plain(line[i:])})
					cur = &out[len(out)-1]
				}
			} else if cur != nil {
				if t := plain(line); t != "" {
					cur.Text += "\n" + t
				}
			}
		}
	}
	return out
}

var (
	linkRe   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	markupRe = strings.NewReplacer("**", "", "__", "", "~~", "", "`", "", "\\", "")
)

// plain is a line of Markdown as the reader sees it: links as their text,
// emphasis marks and the space after an article number dropped.
func plain(line []byte) string {
	s := string(line)
	if strings.Contains(s, "](") {
		s = linkRe.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "*_~`\\") { // most lines have no markup
		s = markupRe.Replace(s)
	}
	s = strings.TrimLeft(s, "*_ \t")
	return strings.TrimSpace(strings.TrimLeft(s, "　"))
}
