package corpus

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// trainingSet is what the generator learns from the real law corpus:
// two paragraph models and the names real laws give their parts.
type trainingSet struct {
	clauses  *markov // paragraphs of articles, numbering stripped
	items    *markov // enumerated items, （一） stripped
	chapters []string
	sections []string
	topics   []string // subjects of real laws, such as 审计 or 商标
}

var (
	articleRe = regexp.MustCompile(`^(\*\*)?第[零〇一二三四五六七八九十百千]+条(\*\*)?[　 ]*`)
	itemRe    = regexp.MustCompile(`^（[一二三四五六七八九十]+）`)
	partRe    = regexp.MustCompile(`^#{1,4}\s*第[零一二三四五六七八九十百千]+([编章节])[　 ]+(\S.*)$`)
	titleRe   = regexp.MustCompile(`^# (\S.*)$`)
)

// trainCorpus reads every Markdown file under dir (in lexical order)
// and learns from it. It returns nil if dir holds no usable text.
func trainCorpus(dir string) (*trainingSet, error) {
	ct, it := newMarkovTrainer(), newMarkovTrainer()
	chapters, sections, topics := map[string]bool{}, map[string]bool{}, map[string]bool{}
	ts := &trainingSet{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		learnFile(data, ct, it, chapters, sections, topics)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if ct.empty() || it.empty() {
		return nil, nil
	}
	ts.clauses, ts.items = ct.build(), it.build()
	ts.chapters, ts.sections, ts.topics = sortedKeys(chapters), sortedKeys(sections), sortedKeys(topics)
	return ts, nil
}

// learnFile feeds the paragraphs of one file to the trainers and
// collects its title and part names.
func learnFile(data []byte, ct, it *markovTrainer, chapters, sections, topics map[string]bool) {
	sc := bufio.NewScanner(bytes.NewReader(stripFrontMatter(data)))
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	inBody := false
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if m := titleRe.FindStringSubmatch(line); m != nil {
			if t := topicOf(m[1]); t != "" {
				topics[t] = true
			}
			continue
		}
		if m := partRe.FindStringSubmatch(line); m != nil {
			name := strings.TrimSpace(m[2])
			switch m[1] {
			case "章":
				chapters[name] = true
			case "节":
				sections[name] = true
			}
			continue
		}
		if loc := articleRe.FindStringIndex(line); loc != nil {
			inBody = true
			if p := cleanParagraph(line[loc[1]:]); p != "" {
				ct.add(p)
			}
			continue
		}
		if !inBody {
			continue // title block and adoption history
		}
		if loc := itemRe.FindStringIndex(line); loc != nil {
			if p := cleanParagraph(line[loc[1]:]); p != "" {
				it.add(p)
			}
			continue
		}
		if p := cleanParagraph(line); p != "" {
			ct.add(p)
		}
	}
}

// cleanParagraph returns p if it is plain prose, or "" if it carries
// Markdown markup, links, tables or too little text.
func cleanParagraph(p string) string {
	p = strings.TrimSpace(p)
	if utf8.RuneCountInString(p) < 4 || strings.ContainsAny(p, "#*|<>[]`!") || strings.Contains(p, "http") {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(p); unicode.IsDigit(r) {
		return "" // 1．… lists of amendments, not articles
	}
	return p
}

// topicOf extracts the subject of a law title: 中华人民共和国审计法 gives
// 审计, and 全国人民代表大会常务委员会关于…的决定 gives what lies between.
func topicOf(title string) string {
	t := strings.TrimPrefix(title, "中华人民共和国")
	switch {
	case strings.Contains(t, "关于") && strings.HasSuffix(t, "的决定"):
		t = t[strings.Index(t, "关于")+len("关于") : len(t)-len("的决定")]
	case strings.HasSuffix(t, "法"):
		t = strings.TrimSuffix(t, "法")
	default:
		return ""
	}
	if n := utf8.RuneCountInString(t); n < 2 || n > 12 || strings.ContainsAny(t, "（）()《》 ") {
		return ""
	}
	return t
}

// stripFrontMatter removes a leading YAML (---) or TOML (+++) block.
func stripFrontMatter(data []byte) []byte {
	for _, fence := range []string{"---\n", "+++\n"} {
		if bytes.HasPrefix(data, []byte(fence)) {
			if end := bytes.Index(data[len(fence):], []byte("\n"+fence)); end >= 0 {
				return data[len(fence)+end+len(fence)+1:]
			}
		}
	}
	return data
}

// sortedKeys returns the keys of set in sorted order.
func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
