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

// ParseFrontMatter decodes a block split off by SplitFrontMatter. The block
// starts on file line 2.
func ParseFrontMatter(format string, block []byte) (FrontMatter, error) {
	fm := FrontMatter{Format: format, Values: map[string]any{}}
	switch format {
	case "toml":
		if _, err := toml.Decode(string(block), &fm.Values); err != nil {
			var pe toml.ParseError
			if errors.As(err, &pe) {
				return fm, &SyntaxError{Line: pe.Position.Line + 1, Msg: "元数据（TOML）格式有误：" + tomlHint(pe) + "。请检查这一行的引号、等号、括号和日期写法"}
			}
			return fm, &SyntaxError{Line: 1, Msg: "元数据（TOML）无法读取：" + err.Error()}
		}
		fm.lines = keyLines(block, tomlKey)
	case "yaml":
		if err := yaml.Unmarshal(block, &fm.Values); err != nil {
			return fm, &SyntaxError{Line: yamlErrorLine(err) + 1, Msg: "元数据（YAML）格式有误：" + err.Error() + "。请检查缩进和冒号"}
		}
		if fm.Values == nil {
			fm.Values = map[string]any{}
		}
		fm.lines = keyLines(block, yamlKey)
	}
	return fm, nil
}

func tomlHint(pe toml.ParseError) string {
	msg := pe.Message
	if pe.Usage != "" {
		msg += "（" + strings.TrimSpace(pe.Usage) + "）"
	}
	return msg
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
	yamlKey = regexp.MustCompile(`^([A-Za-z0-9_\-]+)\s*:`)
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
