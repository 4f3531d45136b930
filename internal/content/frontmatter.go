package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// FrontMatter is the raw metadata block at the top of a Markdown file.
type FrontMatter struct {
	Format string         // "toml", "yaml" or "" when the file has none
	Values map[string]any // decoded keys, unknown ones included
	lines  map[string]int // 1-based file line of each top-level key
}

// Line returns the file line on which key is set, or the first line of the
// block when the key is not found.
func (f *FrontMatter) Line(key string) int {
	if n, ok := f.lines[key]; ok {
		return n
	}
	return 1
}

// SyntaxError is a front-matter problem at a line of the file.
type SyntaxError struct {
	Line int
	Msg  string
	last bool // nothing after it can be told: report no more
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d: %s", e.Line, e.Msg) }

// delimiters maps the opening line of a front-matter block to its format.
var delimiters = map[string]string{"+++": "toml", "---": "yaml"}

// SplitFrontMatter separates the front matter from the body. bodyLine is the
// 1-based file line on which the body starts. A file without front matter
// returns a zero FrontMatter and the whole text as body.
func SplitFrontMatter(text []byte) (fm FrontMatter, block []byte, body []byte, bodyLine int, err error) {
	first, rest, _ := bytes.Cut(text, []byte{'\n'})
	delim := string(bytes.TrimRight(first, " \t"))
	format, ok := delimiters[delim]
	if !ok {
		return FrontMatter{}, nil, text, 1, nil
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var cur []byte
		if end < 0 {
			cur = rest[off:]
		} else {
			cur = rest[off : off+end]
		}
		trimmed := string(bytes.TrimRight(cur, " \t"))
		if trimmed == delim || (format == "yaml" && trimmed == "...") {
			block = rest[:off]
			if end < 0 {
				body = nil
			} else {
				body = rest[off+end+1:]
			}
			return FrontMatter{Format: format}, block, body, line + 1, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return FrontMatter{}, nil, nil, 0, &SyntaxError{Line: 1, Msg: fmt.Sprintf("文件开头的元数据（front matter）没有结束行：请在元数据之后加一行 %s", delim)}
}

// Front matter holds a title, dates and a few lists: these bounds are far
// above any real block, and keep a hostile one from costing the TOML parser
// minutes and gigabytes.
const (
	maxFrontMatterSize  = 256 << 10
	maxFrontMatterDepth = 32
)

// ParseFrontMatter decodes a block split off by SplitFrontMatter. The block
// starts on file line 2. A block with mistakes still gives the keys written
// right, with one error for each mistake (see decodeLenient).
func ParseFrontMatter(format string, block []byte) (FrontMatter, []*SyntaxError) {
	fm := FrontMatter{Format: format, Values: map[string]any{}}
	if len(block) > maxFrontMatterSize {
		return fm, []*SyntaxError{{Line: 1, Msg: fmt.Sprintf("元数据（front matter）太长（%d KB，最多 %d KB）：元数据只写标题、日期、标签等，正文请写在元数据的结束行之后；如果第一行的 %s 并不是元数据的开头，请删去它",
			len(block)>>10, maxFrontMatterSize>>10, formatDelimiter(format))}}
	}
	var errs []*SyntaxError
	switch format {
	case "toml":
		if line := tomlTooDeep(block, maxFrontMatterDepth); line > 0 {
			return fm, []*SyntaxError{tooDeep(line)}
		}
		fm.Values, errs = decodeLenient(block, decodeTOML, tomlItem)
		fm.lines = keyLines(block, tomlKey)
	case "yaml":
		fm.Values, errs = decodeLenient(block, decodeYAML, yamlKey)
		fm.lines = keyLines(block, yamlKey)
	}
	return fm, errs
}

// maxSyntaxErrors bounds the errors reported for one block: past them the
// editor is better served fixing the first ones and checking again.
const maxSyntaxErrors = 20

// decoder decodes a whole block, or returns its first error.
type decoder func(block []byte) (map[string]any, *SyntaxError)

// decodeLenient decodes block. At each error it blanks the line named and
// decodes again, so that one mistake hides neither the others nor the keys
// written right. An error on a line that does not start an item (item) is
// the previous mistake showing again, and is not reported twice. When
// blanking lines does not help, it returns no values.
func decodeLenient(block []byte, decode decoder, item *regexp.Regexp) (map[string]any, []*SyntaxError) {
	lines := bytes.SplitAfter(block, []byte{'\n'})
	var errs []*SyntaxError
	for len(errs) < maxSyntaxErrors {
		values, se := decode(block)
		if se == nil {
			if values == nil {
				values = map[string]any{}
			}
			return values, errs
		}
		i := se.Line - 2
		if last := lastLine(lines); i > last {
			// Past the end: what is left open started above.
			i, se.Line = last, last+2
		}
		if se.last || i < 0 || i >= len(lines) || len(bytes.TrimSpace(lines[i])) == 0 {
			if len(errs) == 0 {
				errs = append(errs, se)
			}
			break
		}
		if len(errs) == 0 || item.Match(lines[i]) {
			errs = append(errs, se)
		}
		lines[i] = []byte("\n")
		block = bytes.Join(lines, nil)
	}
	return map[string]any{}, errs
}

func decodeTOML(block []byte) (map[string]any, *SyntaxError) {
	values := map[string]any{}
	_, err := toml.Decode(string(block), &values)
	if err == nil {
		return values, nil
	}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return nil, &SyntaxError{Line: pe.Position.Line + 1, Msg: "元数据（TOML）格式有误：" + tomlMessage(pe, block)}
	}
	return nil, &SyntaxError{Line: 1, Msg: "元数据（TOML）无法读取：" + genericMessage}
}

func decodeYAML(block []byte) (map[string]any, *SyntaxError) {
	// The YAML parser itself is linear and stops at a depth of its own, so
	// its tree is checked before it is decoded into values.
	var doc yaml.Node
	err := yaml.Unmarshal(block, &doc)
	if err == nil {
		if line := yamlTooDeep(&doc, maxFrontMatterDepth); line > 0 {
			return nil, tooDeep(line)
		}
		values := map[string]any{}
		if err = doc.Decode(&values); err == nil {
			return values, nil
		}
	}
	line := yamlErrorLine(err)
	return nil, &SyntaxError{Line: line + 1, Msg: "元数据（YAML）格式有误：" + yamlMessage(err, lineOf(block, line))}
}

// lastLine returns the index of the last line that is not blank, or -1.
func lastLine(lines [][]byte) int {
	for i := len(lines) - 1; i >= 0; i-- {
		if len(bytes.TrimSpace(lines[i])) > 0 {
			return i
		}
	}
	return -1
}

// lineOf returns the 1-based line n of block, or nil.
func lineOf(block []byte, n int) []byte {
	for i := 1; len(block) > 0; i++ {
		line, rest, _ := bytes.Cut(block, []byte{'\n'})
		if i == n {
			return line
		}
		block = rest
	}
	return nil
}

func formatDelimiter(format string) string {
	for d, f := range delimiters {
		if f == format {
			return d
		}
	}
	return ""
}

// tooDeep is the error for a block nested too deep at a line of the block.
func tooDeep(line int) *SyntaxError {
	return &SyntaxError{Line: line + 1, last: true, Msg: fmt.Sprintf("元数据嵌套太深（超过 %d 层）：这一行的方括号、花括号、带点的键名或缩进层层套叠。元数据只需写标题、日期、标签这样简单的键和值，请删去多余的嵌套", maxFrontMatterDepth)}
}

// tomlTooDeep returns the 1-based line of block on which its tables and
// arrays nest deeper than max, or 0. It counts only what certainly nests in
// the decoded values: brackets and braces outside strings and comments, the
// dots of dotted keys and of table headers. So it never refuses a block
// that decodes to values within max, and stops any deeper one before the
// parser, whose cost grows much faster than the depth, sees it.
func tomlTooDeep(block []byte, max int) int {
	type frame struct {
		table bool // an inline table, not an array
		key   bool // reading a key: a dot nests
		dots  int  // dots of the key being read or whose value is
	}
	stack := []frame{{table: true, key: true}} // the top level
	line, depth := 1, 0
	lineStart := true // only spaces so far on this line
	for i := 0; i < len(block); i++ {
		c := block[i]
		top := &stack[len(stack)-1]
		switch c {
		case '\n':
			line++
			lineStart = true
			if len(stack) == 1 { // a key-value pair ends with its line
				depth -= top.dots
				top.dots, top.key = 0, true
			}
			continue
		case ' ', '\t', '\r':
			continue
		case '#':
			i = lineEnd(block, i) - 1
			continue
		case '"', '\'':
			end, lines := tomlStringEnd(block, i)
			i, line = end-1, line+lines
		case '[':
			if len(stack) == 1 && top.key && lineStart {
				// A table header: [a.b] makes two tables, [[a.b]] an
				// array besides; the keys below it start from there.
				end, levels, lines := tomlHeaderEnd(block, i)
				i, line, depth = end-1, line+lines, levels
				break
			}
			stack = append(stack, frame{})
			depth++
		case '{':
			stack = append(stack, frame{table: true, key: true})
			depth++
		case ']', '}':
			if len(stack) > 1 {
				depth -= 1 + top.dots
				stack = stack[:len(stack)-1]
			}
		case '=':
			top.key = false
		case ',':
			if top.table {
				depth -= top.dots
				top.dots, top.key = 0, true
			}
		case '.':
			if top.key {
				top.dots++
				depth++
			}
		}
		lineStart = false
		if depth > max {
			return line
		}
	}
	return 0
}

// lineEnd returns the index of the line break at or after i, or len(b).
func lineEnd(b []byte, i int) int {
	if n := bytes.IndexByte(b[i:], '\n'); n >= 0 {
		return i + n
	}
	return len(b)
}

// tomlStringEnd returns the index just after the TOML string that starts at
// block[i], and the line breaks inside it. A one-line string ends at its
// line's end at the latest; a multi-line one at three quotes, which may be
// followed by two more that belong to the string.
func tomlStringEnd(block []byte, i int) (end, lines int) {
	q := block[i]
	basic := q == '"'
	multi := bytes.HasPrefix(block[i:], []byte{q, q, q})
	j := i + 1
	if multi {
		j = i + 3
	}
	for j < len(block) {
		switch c := block[j]; {
		case basic && c == '\\':
			if j+1 < len(block) && block[j+1] != '\n' {
				j++ // the escaped character
			}
		case c == '\n':
			if !multi {
				return j, lines
			}
			lines++
		case !multi && c == q:
			return j + 1, lines
		case multi && bytes.HasPrefix(block[j:], []byte{q, q, q}):
			j += 3
			for k := 0; k < 2 && j < len(block) && block[j] == q; k++ {
				j++
			}
			return j, lines
		}
		j++
	}
	return j, lines
}

// tomlHeaderEnd reads the table header starting at block[i] and returns the
// index after it, the tables it nests (the dotted parts, and one more for
// an array of tables) and the line breaks in its quoted keys.
func tomlHeaderEnd(block []byte, i int) (end, levels, lines int) {
	levels = 1
	if bytes.HasPrefix(block[i:], []byte("[[")) {
		levels, i = 2, i+1
	}
	for j := i + 1; j < len(block); j++ {
		switch block[j] {
		case '"', '\'':
			end, n := tomlStringEnd(block, j)
			j, lines = end-1, lines+n
		case '.':
			levels++
		case ']':
			for k := 0; k < 2 && j < len(block) && block[j] == ']'; k++ {
				j++
			}
			return j, levels, lines
		case '\n':
			return j, levels, lines
		}
	}
	return len(block), levels, lines
}

// yamlTooDeep returns the 1-based line of the block at which the values
// decoded from doc nest deeper than max, or 0. An alias counts as a copy of
// its anchor, so it is measured, not expanded; an alias that makes a value
// too deep is the line named.
func yamlTooDeep(doc *yaml.Node, max int) int {
	d := yamlDepth{height: map[*yaml.Node]int{}}
	n := doc
	for n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return 0
		}
		n = n.Content[0]
	}
	// The top-level mapping is not counted; its values are level 1.
	if d.of(n)-1 <= max {
		return 0
	}
	// Follow the first child, in the order written, that is too deep.
	for level := 0; ; {
		if level > max || n.Kind == yaml.AliasNode {
			return n.Line
		}
		var next *yaml.Node
		nextLevel := 0
		d.each(n, func(c *yaml.Node, merged bool) {
			l := level + 1
			if merged {
				l = level
			}
			if next == nil && l+d.of(c)-1 > max {
				next, nextLevel = c, l
			}
		})
		if next == nil {
			return n.Line
		}
		n, level = next, nextLevel
	}
}

// yamlDepth measures the height of YAML nodes as decoded: a scalar is 0, a
// mapping or sequence one more than its highest child.
type yamlDepth struct {
	height map[*yaml.Node]int
}

func (d *yamlDepth) of(n *yaml.Node) int {
	if h, ok := d.height[n]; ok {
		return h
	}
	d.height[n] = 0 // an anchor holding its own alias fails to decode anyway
	h := 0
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias != nil {
			h = d.of(n.Alias)
		}
	case yaml.DocumentNode:
		for _, c := range n.Content {
			h = max(h, d.of(c))
		}
	case yaml.SequenceNode, yaml.MappingNode:
		h = 1
		d.each(n, func(c *yaml.Node, merged bool) {
			if merged {
				h = max(h, d.of(c)) // its children become n's
			} else {
				h = max(h, 1+d.of(c))
			}
		})
	}
	d.height[n] = h
	return h
}

// each calls f with each child of a sequence or mapping; the mappings of a
// merge key ("<<: *base") come with merged set.
func (d *yamlDepth) each(n *yaml.Node, f func(c *yaml.Node, merged bool)) {
	if n.Kind == yaml.SequenceNode {
		for _, c := range n.Content {
			f(c, false)
		}
		return
	}
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!merge" {
			f(k, false)
			f(v, false)
			continue
		}
		if v.Kind == yaml.SequenceNode {
			for _, c := range v.Content {
				f(c, true)
			}
		} else {
			f(v, true)
		}
	}
}

var yamlLineRe = regexp.MustCompile(`line (\d+)`)

func yamlErrorLine(err error) int {
	if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 1
}

var (
	tomlKey = regexp.MustCompile(`^\s*"?([A-Za-z0-9_\-]+)"?\s*=`)
	// tomlItem matches the first line of a key-value pair or a table.
	tomlItem = regexp.MustCompile(`^\s*(\[|["'A-Za-z0-9_\-][^=]*=)`)
	yamlKey  = regexp.MustCompile(`^([A-Za-z0-9_\-]+)\s*:`)
)

// keyLines finds the file line of each top-level key of a block that starts
// on file line 2. TOML keys after a [table] header belong to the table.
func keyLines(block []byte, re *regexp.Regexp) map[string]int {
	lines := map[string]int{}
	inTable := false
	for i, l := range strings.Split(string(block), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") && re == tomlKey {
			inTable = true
			name := strings.Trim(t, "[] ")
			if _, ok := lines[name]; !ok {
				lines[name] = i + 2
			}
			continue
		}
		if m := re.FindStringSubmatch(l); m != nil && !inTable {
			if _, ok := lines[m[1]]; !ok {
				lines[m[1]] = i + 2
			}
		}
	}
	return lines
}
