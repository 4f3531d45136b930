package review

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"djkb/internal/content"
	"djkb/internal/diag"
)

// CheckDecision refuses a result or ground the practice does not use, or
// a ground that does not go with the result, in the editor's words.
func CheckDecision(d content.Decision) error {
	if !slices.Contains(content.Results, d.Result) {
		return fmt.Errorf("清理结论“%s”无法识别，只能是 %s", d.Result, strings.Join(content.Results, "、"))
	}
	grounds := content.Grounds[d.Result]
	switch {
	case d.Ground == "":
		return nil
	case len(grounds) == 0:
		return fmt.Errorf("结论“%s”不需要理由（--ground），请删去“%s”，需要说明的写在 --note 中", d.Result, d.Ground)
	case !slices.Contains(grounds, d.Ground):
		return fmt.Errorf("理由“%s”不是“%s”的理由，只能是 %s", d.Ground, d.Result, strings.Join(grounds, "、"))
	}
	return nil
}

// Decide returns the text of a regulation file (rel, relative to content/)
// with decision d recorded in its cleanup front matter: the entry of the
// same batch is replaced, else one is added. Only the text of that entry
// changes, so comments, key order, layout, line endings and a byte-order
// mark are kept. The result is read back and refused unless it holds
// exactly the decisions it should.
func Decide(rel string, data []byte, d content.Decision) ([]byte, error) {
	if err := CheckDecision(d); err != nil {
		return nil, err
	}
	before, err := decisions(rel, data)
	if err != nil {
		return nil, err
	}
	bom := bytes.HasPrefix(data, []byte("\uFEFF"))
	text := string(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("文件不是 UTF-8 编码，djkb 不能直接修改它：请先用编辑器另存为 UTF-8，或手工在 cleanup 中记入结论")
	}
	nl := "\n"
	if strings.Contains(text, "\r\n") {
		nl = "\r\n"
	}
	out, err := edit(text, d, nl)
	if err != nil {
		return nil, err
	}
	if bom {
		out = "\uFEFF" + out
	}
	after, err := decisions(rel, []byte(out))
	want := slices.DeleteFunc(slices.Clone(before), func(x content.Decision) bool { return x.Batch == d.Batch })
	if err != nil || len(after) != len(want)+1 || !sameDecisions(after, append(want, d)) {
		return nil, fmt.Errorf("无法自动改写这个文件的 cleanup（写法少见），文件未改动：请手工在 cleanup 中记入 {batch = \"%s\", result = \"%s\"}", d.Batch, d.Result)
	}
	return []byte(out), nil
}

// decisions reads the clean-up decisions of a file, refusing a file that
// does not load.
func decisions(rel string, data []byte) ([]content.Decision, error) {
	var diags diag.List
	src := content.Parse(rel, data, &diags)
	if src == nil || diags.HasErrors() {
		for _, it := range diags.Items() {
			if it.Severity == diag.Error {
				return nil, fmt.Errorf("文件本身有错误，请先改正：%s", it.String())
			}
		}
		return nil, fmt.Errorf("文件无法读取")
	}
	if src.Meta.Regulation == nil {
		return nil, fmt.Errorf("只有 content/regulations/ 中的法规制度才有清理结论")
	}
	return src.Meta.Regulation.Cleanup, nil
}

// sameDecisions compares two lists of decisions regardless of order.
func sameDecisions(a, b []content.Decision) bool {
	key := func(d content.Decision) string {
		return d.Batch + "\x00" + d.Result + "\x00" + d.Date.Format("2006-01-02") + "\x00" + d.Ground + "\x00" + d.Note
	}
	var ka, kb []string
	for _, d := range a {
		ka = append(ka, key(d))
	}
	for _, d := range b {
		kb = append(kb, key(d))
	}
	slices.Sort(ka)
	slices.Sort(kb)
	return slices.Equal(ka, kb)
}

// edit records d in text, whose newlines are nl.
func edit(text string, d content.Decision, nl string) (string, error) {
	first, _, _ := strings.Cut(text, "\n")
	delim := strings.TrimRight(first, " \t\r")
	if delim != "+++" && delim != "---" {
		// No front matter: start one.
		return "+++" + nl + "cleanup = [" + tomlEntry(d) + "]" + nl + "+++" + nl + nl + text, nil
	}
	start := len(first) + 1
	end := blockEnd(text, start, delim)
	if end < 0 {
		return "", fmt.Errorf("元数据没有结束行 %s", delim)
	}
	block := text[start:end]
	var nb string
	var err error
	if delim == "+++" {
		nb, err = editTOML(block, d, nl)
	} else {
		nb, err = editYAML(block, d, nl)
	}
	if err != nil {
		return "", err
	}
	return text[:start] + nb + text[end:], nil
}

// blockEnd returns the offset of the closing delimiter line, or -1.
func blockEnd(text string, from int, delim string) int {
	for off := from; off < len(text); {
		line, _, _ := strings.Cut(text[off:], "\n")
		t := strings.TrimRight(line, " \t\r")
		if t == delim || (delim == "---" && t == "...") {
			return off
		}
		off += len(line) + 1
	}
	return -1
}

// fields are the parts of an entry in the schema's order, those left
// empty dropped.
func fields(d content.Decision) [][2]string {
	out := [][2]string{{"batch", content.Quote(d.Batch)}, {"result", content.Quote(d.Result)}}
	if !d.Date.IsZero() {
		out = append(out, [2]string{"date", d.Date.Format("2006-01-02")})
	}
	if d.Ground != "" {
		out = append(out, [2]string{"ground", content.Quote(d.Ground)})
	}
	if d.Note != "" {
		out = append(out, [2]string{"note", content.Quote(d.Note)})
	}
	return out
}

func tomlEntry(d content.Decision) string { return flow(d, " = ") }
func yamlEntry(d content.Decision) string { return flow(d, ": ") }

func flow(d content.Decision, sep string) string {
	var parts []string
	for _, f := range fields(d) {
		parts = append(parts, f[0]+sep+f[1])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// lines splits a block into lines that keep their "\n".
func lines(block string) []string { return strings.SplitAfter(block, "\n") }

// indentOf is the leading blanks of a line.
func indentOf(line string) string { return line[:len(line)-len(strings.TrimLeft(line, " \t"))] }

// scanner follows strings, comments and brackets through TOML or YAML flow
// text, so that a '[' or '{' inside a string is not taken for one.
type scanner struct {
	depth   int
	quote   string // the open string's delimiter, "" outside one
	comment bool
}

// step moves over text[i] and returns how many bytes it took.
func (s *scanner) step(text string, i int) int {
	c := text[i]
	switch {
	case s.comment:
		if c == '\n' {
			s.comment = false
		}
	case s.quote != "":
		if c == '\\' && s.quote != "'" && s.quote != "'''" {
			return 2
		}
		if strings.HasPrefix(text[i:], s.quote) {
			n := len(s.quote)
			s.quote = ""
			return n
		}
	case strings.HasPrefix(text[i:], `"""`), strings.HasPrefix(text[i:], "'''"):
		s.quote = text[i : i+3]
		return 3
	case c == '"' || c == '\'':
		s.quote = string(c)
	case c == '#':
		s.comment = true
	case c == '[' || c == '{':
		s.depth++
	case c == ']' || c == '}':
		s.depth--
	}
	return 1
}

// arrayElems finds the elements of the flow array that starts at text[open]
// ('['): the span of each element and the offset of the closing ']'.
func arrayElems(text string, open int) (elems [][2]int, closing int, ok bool) {
	s := &scanner{depth: 1}
	elemStart := -1
	for i := open + 1; i < len(text); {
		c := text[i]
		if s.quote == "" && !s.comment {
			switch {
			case s.depth == 1 && c == ']':
				return elems, i, true
			case s.depth == 1 && c == '{':
				elemStart = i
			case s.depth == 2 && c == '}':
				elems = append(elems, [2]int{elemStart, i + 1})
			}
		}
		i += s.step(text, i)
	}
	return nil, 0, false
}

// replaceInArray records d in the flow array starting at block[open]:
// replacing the element of the same batch, else adding one after the last.
func replaceInArray(block string, open int, d content.Decision, entry, nl string, batchOf func(string) string) (string, error) {
	elems, closing, ok := arrayElems(block, open)
	if !ok {
		return "", fmt.Errorf("cleanup 的方括号没有配对")
	}
	for _, e := range elems {
		if batchOf(block[e[0]:e[1]]) == d.Batch {
			return block[:e[0]] + entry + block[e[1]:], nil
		}
	}
	if len(elems) == 0 {
		return block[:open+1] + entry + block[closing:], nil
	}
	last := elems[len(elems)-1]
	sep := " "
	if strings.Contains(block[open:elems[0][0]], "\n") {
		lineStart := strings.LastIndex(block[:last[0]], "\n") + 1
		sep = nl + indentOf(block[lineStart:last[0]])
	}
	return block[:last[1]] + "," + sep + entry + block[last[1]:], nil
}

// batchOfTOML reads the batch of an inline table.
func batchOfTOML(elem string) string {
	fm, err := content.ParseFrontMatter("toml", []byte("x = "+elem))
	if err != nil {
		return ""
	}
	m, _ := fm.Values["x"].(map[string]any)
	b, _ := m["batch"].(string)
	return b
}

// batchOfYAML reads the batch of a flow or block mapping.
func batchOfYAML(elem string) string {
	fm, err := content.ParseFrontMatter("yaml", []byte("x: "+elem))
	if err != nil {
		return ""
	}
	m, _ := fm.Values["x"].(map[string]any)
	b, _ := m["batch"].(string)
	return b
}

// editTOML records d in a TOML block: in `cleanup = [ … ]`, in
// [[cleanup]] tables, or as a new `cleanup = [ … ]` line before the first
// table.
func editTOML(block string, d content.Decision, nl string) (string, error) {
	s := &scanner{}
	firstTable := -1
	tableOf := -1 // start of the [[cleanup]] table being read
	var tables [][2]int
	for off := 0; off < len(block); {
		line, _, _ := strings.Cut(block[off:], "\n")
		atTop := s.depth == 0 && s.quote == ""
		t := strings.TrimSpace(line)
		if atTop && strings.HasPrefix(t, "[") {
			if tableOf >= 0 {
				tables = append(tables, [2]int{tableOf, off})
				tableOf = -1
			}
			if firstTable < 0 {
				firstTable = off
			}
			if h := strings.Join(strings.Fields(strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \t")), ""); h == "cleanup" && strings.HasPrefix(t, "[[") {
				tableOf = off
			}
		}
		if atTop && firstTable < 0 && tableOf < 0 {
			if k, v, ok := strings.Cut(t, "="); ok && strings.Trim(strings.TrimSpace(k), `"'`) == "cleanup" {
				vs := off + strings.Index(line, "=") + 1
				open := strings.IndexByte(block[vs:], '[')
				if open < 0 || strings.TrimSpace(block[vs:vs+open]) != "" {
					return "", fmt.Errorf("cleanup 应是 [ ] 括起的列表，这里写的是 %s", strings.TrimSpace(v))
				}
				return replaceInArray(block, vs+open, d, tomlEntry(d), nl, batchOfTOML)
			}
		}
		for i := off; i < off+len(line); {
			i += s.step(block, i)
		}
		s.comment = false
		off += len(line) + 1
	}
	if tableOf >= 0 {
		tables = append(tables, [2]int{tableOf, len(block)})
	}
	if len(tables) > 0 {
		return editTOMLTables(block, tables, d, nl), nil
	}
	entry := "cleanup = [" + tomlEntry(d) + "]" + nl
	if firstTable >= 0 {
		return block[:firstTable] + entry + block[firstTable:], nil
	}
	if block != "" && !strings.HasSuffix(block, "\n") {
		entry = nl + entry
	}
	return block + entry, nil
}

// editTOMLTables records d in [[cleanup]] tables (spans of block).
func editTOMLTables(block string, tables [][2]int, d content.Decision, nl string) string {
	render := func(indent string) string {
		out := indent + "[[cleanup]]" + nl
		for _, f := range fields(d) {
			out += indent + f[0] + " = " + f[1] + nl
		}
		return out
	}
	for _, t := range tables {
		body := block[t[0]:t[1]]
		if batchOfTOMLTable(body) == d.Batch {
			kept := trailingBlank(body)
			return block[:t[0]] + render(indentOf(body)) + body[len(body)-kept:] + block[t[1]:]
		}
	}
	last := tables[len(tables)-1]
	body := block[last[0]:last[1]]
	at := last[1] - trailingBlank(body)
	prefix := ""
	if !strings.HasSuffix(block[:at], "\n") {
		prefix = nl
	}
	return block[:at] + prefix + nl + render(indentOf(body)) + block[at:]
}

// trailingBlank is the length of the blank and comment lines ending a table.
func trailingBlank(body string) int {
	ls := lines(body)
	n := 0
	for i := len(ls) - 1; i > 0; i-- {
		t := strings.TrimSpace(ls[i])
		if t != "" && !strings.HasPrefix(t, "#") {
			break
		}
		n += len(ls[i])
	}
	return n
}

func batchOfTOMLTable(body string) string {
	fm, err := content.ParseFrontMatter("toml", []byte(body))
	if err != nil {
		return ""
	}
	list, _ := fm.Values["cleanup"].([]map[string]any)
	if len(list) == 1 {
		b, _ := list[0]["batch"].(string)
		return b
	}
	return ""
}

// editYAML records d in a YAML block: in a flow list `cleanup: [ … ]`, in
// a block list under `cleanup:`, or as a new key at the end.
func editYAML(block string, d content.Decision, nl string) (string, error) {
	ls := lines(block)
	off := 0
	for i, line := range ls {
		t := strings.TrimRight(line, "\r\n")
		if k, v, ok := strings.Cut(t, ":"); ok && strings.Trim(k, `"'`) == "cleanup" {
			v = strings.TrimSpace(v)
			switch {
			case strings.HasPrefix(v, "["):
				vs := off + len(k) + 1
				return replaceInArray(block, vs+strings.IndexByte(block[vs:], '['), d, yamlEntry(d), nl, batchOfYAML)
			case v == "" || strings.HasPrefix(v, "#"):
				return editYAMLList(block, ls, i, off+len(line), d, nl), nil
			}
			return "", fmt.Errorf("cleanup 应是列表，这里写的是 %s", v)
		}
		off += len(line)
	}
	entry := "cleanup:" + nl + "  - " + yamlEntry(d) + nl
	if block != "" && !strings.HasSuffix(block, "\n") {
		entry = nl + entry
	}
	return block + entry, nil
}

// editYAMLList records d in the block list whose items follow line k of
// ls (from offset from of block).
func editYAMLList(block string, ls []string, k, from int, d content.Decision, nl string) string {
	type item struct{ start, end int }
	var items []item
	dash := ""
	off := from
	for _, line := range ls[k+1:] {
		t := strings.TrimSpace(line)
		ind := indentOf(line)
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
		case strings.HasPrefix(t, "-") && (len(items) == 0 || ind == dash):
			dash = ind
			items = append(items, item{off, off + len(line)})
		case len(items) > 0 && len(ind) > len(dash):
			items[len(items)-1].end = off + len(line)
		default:
			goto done
		}
		off += len(line)
	}
done:
	entry := dash + "- " + yamlEntry(d) + nl
	for _, it := range items {
		text := block[it.start:it.end]
		if batchOfYAML(yamlItem(text, dash)) == d.Batch {
			return block[:it.start] + entry + block[it.end:]
		}
	}
	at := from
	if len(items) > 0 {
		at = items[len(items)-1].end
	} else {
		entry = "  " + entry
	}
	if !strings.HasSuffix(block[:at], "\n") {
		entry = nl + entry
	}
	return block[:at] + entry + block[at:]
}

// yamlItem turns a list item ("  - a: 1\n    b: 2") into a mapping that
// parses on its own after "x: ".
func yamlItem(text, dash string) string {
	body := strings.TrimPrefix(strings.TrimPrefix(text, dash), "-")
	return "\n" + strings.Repeat(" ", len(dash)+1) + body
}
