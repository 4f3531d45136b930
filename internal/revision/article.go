// Package revision compares two versions of a regulation article by
// article (修订对照): it splits a text into articles, matches them by
// number and, where renumbered, by likeness, and marks the characters that
// changed. Punctuation and full-width variants are not amendments, so they
// are left out of every comparison. It knows nothing of a site.
package revision

import (
	"bytes"
	"regexp"

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
	var text []byte // the text of the last article of out, while open
	open := false
	closeArticle := func() {
		if open {
			out[len(out)-1].Text = string(text)
			open = false
		}
	}
	for len(md) > 0 {
		var line []byte
		line, md, _ = bytes.Cut(md, []byte("\n"))
		line = bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(line, []byte("#")) || bytes.HasPrefix(line, []byte("+++")):
			closeArticle()
		case len(line) == 0:
		default:
			if label := markdown.ArticleLabel(line); label != "" {
				closeArticle()
				if want == nil || want(label) {
					i := bytes.Index(line, []byte(label)) + len(label)
					text = appendPlain(text[:0], line[i:])
					out = append(out, Article{Label: label})
					open = true
				}
			} else if open {
				text = appendParagraph(text, line)
			}
		}
	}
	closeArticle()
	return out
}

// appendParagraph appends a later paragraph of an article, after a line
// break, unless it has no text.
func appendParagraph(text, line []byte) []byte {
	n := len(text)
	if more := appendPlain(append(text, '\n'), line); len(more) > n+1 {
		return more
	}
	return text[:n]
}

var linkRe = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)

// appendPlain appends a line of Markdown as the reader sees it: links as
// their text, emphasis marks and the space after an article number
// dropped.
func appendPlain(dst, line []byte) []byte {
	if bytes.Contains(line, []byte("](")) {
		line = linkRe.ReplaceAll(line, []byte("$1"))
	}
	start := len(dst)
	dst = appendUnmarked(dst, line)
	t := bytes.TrimSpace(bytes.TrimLeft(bytes.TrimLeft(dst[start:], "*_ \t"), "　"))
	return dst[:start+copy(dst[start:], t)]
}

// appendUnmarked appends a line without the marks of emphasis and code:
// ** __ ~~ ` and backslashes.
func appendUnmarked(dst, line []byte) []byte {
	for {
		i := bytes.IndexAny(line, "*_~`\\")
		if i < 0 {
			return append(dst, line...)
		}
		dst = append(dst, line[:i]...)
		switch c := line[i]; {
		case c == '`' || c == '\\':
			line = line[i+1:]
		case i+1 < len(line) && line[i+1] == c:
			line = line[i+2:]
		default:
			dst = append(dst, c)
			line = line[i+1:]
		}
	}
}
