package site

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// TitleKey is the form of a regulation title used to match citations and
// versions: full-width letters, digits and brackets made half-width, spaces
// and quotation marks removed, and bracketed version and trial markers such
// as （2018年修订）, (2019) or （试行） dropped. 《中国共产党纪律处分条例》
// therefore matches every version of that regulation.
func TitleKey(title string) string {
	if k, ok := titleKeys.Load(title); ok {
		return k.(string)
	}
	k := titleKey(title)
	titleKeys.Store(title, k)
	return k
}

// titleKeys remembers keys (title → key): every check looks up each
// regulation's title several times, and djkb serve checks after each edit.
// The titles are those of the content, so it stays small.
var titleKeys sync.Map

func titleKey(title string) string {
	var b strings.Builder
	b.Grow(len(title))
	for _, r := range title {
		switch {
		case unicode.IsSpace(r), strings.ContainsRune(`“”‘’"'「」『』`, r):
			continue
		case r >= '！' && r <= '～': // full-width ASCII
			r -= '！' - '!'
		case r == '〔' || r == '［':
			r = '['
		case r == '〕' || r == '］':
			r = ']'
		}
		b.WriteRune(r)
	}
	key := b.String()
	for {
		k := markerRe.ReplaceAllString(key, "")
		if k == key || k == "" {
			return key
		}
		key = k
	}
}

// markerRe matches a bracketed version or trial marker (after TitleKey's
// half-width conversion).
var markerRe = regexp.MustCompile(`\((?:试行|暂行|草案|\d{4}[^()]{0,12})\)`)
