package content

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// problem is a front-matter value that does not fit the schema.
type problem struct {
	Line int
	Msg  string
}

// reader converts loosely typed front-matter values into typed fields,
// recording one problem per bad key with the line it is on.
type reader struct {
	fm       *FrontMatter
	values   map[string]any
	prefix   string // "history[2]." for nested tables, for messages
	line     int    // line of a nested table, 0 at top level
	problems *[]problem
}

func (r *reader) lineOf(key string) int {
	if r.line > 0 {
		return r.line
	}
	return r.fm.Line(key)
}

func (r *reader) fail(key, format string, args ...any) {
	msg := strings.TrimLeft(fmt.Sprintf(format, args...), " ")
	*r.problems = append(*r.problems, problem{Line: r.lineOf(key), Msg: fmt.Sprintf("“%s%s”", r.prefix, key) + msg})
}

// str reads a text field. Every text field is read here or by strs, so the
// rule is the same for all: only a quoted string is text.
func (r *reader) str(key string) string {
	v, ok := r.values[key]
	if !ok || v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	if !r.quoteHint(key, v) {
		r.fail(key, " 应为一段文字，不能是%s：请写成 %s", kindOf(v), r.assign(key, `"……"`))
	}
	return ""
}

func (r *reader) strs(key string) []string {
	v, ok := r.values[key]
	if !ok || v == nil {
		return nil
	}
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" {
			return []string{s}
		}
		return nil
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				if q, ok := quotable(e); ok {
					r.fail(key, " 的每一项都应为文字，请给 %s 加上引号：%s", q, strconv.Quote(q))
				} else {
					r.fail(key, " 的每一项都应为文字，不能是%s：请写成 %s", kindOf(e), r.assign(key, `["甲", "乙"]`))
				}
				return nil
			}
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	if !r.quoteHint(key, v) {
		r.fail(key, " 应该是文字列表，请写成 %s", r.assign(key, `["甲", "乙"]`))
	}
	return nil
}

// quoteHint reports a number, true or false, or a date given for text, and
// says how to quote it; it reports nothing for other values.
func (r *reader) quoteHint(key string, v any) bool {
	q, ok := quotable(v)
	if ok {
		r.fail(key, " 应为文字，请加上引号：%s", r.assign(key, strconv.Quote(q)))
	}
	return ok
}

// quotable returns how a number, true or false, or a date written without
// quotes reads, for the message that asks to quote it.
func quotable(v any) (string, bool) {
	switch x := v.(type) {
	case int, int64, uint64:
		return fmt.Sprint(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			return x.Format(time.DateOnly), true
		}
		return x.Format(time.DateTime), true
	}
	return "", false
}

// kindOf names a value that is neither text nor quotable.
func kindOf(v any) string {
	switch v.(type) {
	case []any, []map[string]any:
		return "列表"
	case map[string]any:
		return "表格"
	}
	return "这种写法"
}

// assign writes key set to value in the front matter's own syntax.
func (r *reader) assign(key, value string) string {
	if r.fm.Format == "yaml" {
		return key + ": " + value
	}
	return key + " = " + value
}

func (r *reader) enum(key string, allowed []string) string {
	s := r.str(key)
	if s != "" && !slices.Contains(allowed, s) {
		r.fail(key, " 的值“%s”不在允许范围内，请改为以下之一：%s", s, strings.Join(allowed, "、"))
		return ""
	}
	return s
}

func (r *reader) enums(key string, allowed []string) []string {
	list := r.strs(key)
	for _, s := range list {
		if !slices.Contains(allowed, s) {
			r.fail(key, " 中的“%s”不在允许范围内，请改为以下之一：%s", s, strings.Join(allowed, "、"))
			return nil
		}
	}
	return list
}

func (r *reader) boolean(key string) bool {
	v, ok := r.values[key]
	if !ok || v == nil {
		return false
	}
	if b, ok := v.(bool); ok {
		return b
	}
	r.fail(key, " 应该是 true 或 false（不加引号）")
	return false
}

func (r *reader) integer(key string) int {
	v, ok := r.values[key]
	if !ok || v == nil {
		return 0
	}
	switch x := v.(type) {
	case int64:
		return int(x)
	case int:
		return x
	case float64:
		if x == math.Trunc(x) {
			return int(x)
		}
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(x, "年"))); err == nil {
			return n
		}
	}
	r.fail(key, " 应该是整数，例如 %s = 2023", key)
	return 0
}

func (r *reader) year(key string) int {
	n := r.integer(key)
	if n != 0 && (n < 1900 || n > 2200) {
		r.fail(key, " 的年份 %d 不合理，请写四位年份，例如 2023", n)
		return 0
	}
	return n
}

func (r *reader) date(key string) time.Time {
	v, ok := r.values[key]
	if !ok || v == nil {
		return time.Time{}
	}
	switch x := v.(type) {
	case time.Time:
		return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)
	case string:
		if t, ok := ParseDate(x); ok {
			return t
		}
		r.fail(key, " 的日期“%s”无法识别或不存在，请写成 2019-07-25 这样的格式，并确认这一天存在", x)
		return time.Time{}
	}
	r.fail(key, " 应该是日期，例如 %s = 2019-07-25", key)
	return time.Time{}
}

// tables reads an array of tables; each element gets its own reader.
func (r *reader) tables(key string) []*reader {
	v, ok := r.values[key]
	if !ok || v == nil {
		return nil
	}
	var items []map[string]any
	switch x := v.(type) {
	case []map[string]any:
		items = x
	case []any:
		for _, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				r.fail(key, " 的每一项都应该是表格，例如 %s = [{date = 2019-01-01, event = \"……\"}]", key)
				return nil
			}
			items = append(items, m)
		}
	case map[string]any:
		items = []map[string]any{x}
	default:
		r.fail(key, " 应该是表格列表，例如 %s = [{date = 2019-01-01, event = \"……\"}]", key)
		return nil
	}
	out := make([]*reader, len(items))
	for i, m := range items {
		out[i] = &reader{fm: r.fm, values: m, prefix: fmt.Sprintf("%s%s[%d].", r.prefix, key, i+1), line: r.lineOf(key), problems: r.problems}
	}
	return out
}

func (r *reader) table(key string) *reader {
	if list := r.tables(key); len(list) > 0 {
		return list[0]
	}
	return nil
}

var (
	dateRe   = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)
	nameDate = regexp.MustCompile(`[（(]\s*(\d{4}-\d{1,2}-\d{1,2})\s*[)）]`)
)

// ParseDate reads 2019-07-25, 2019/7/25, 2019.07.25 or 2019年7月25日 and
// rejects days that do not exist.
func ParseDate(s string) (time.Time, bool) {
	m := dateRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// DateFromName finds a date such as "(2019-07-25)" in a file name, and returns
// the name without it.
func DateFromName(name string) (time.Time, string) {
	loc := nameDate.FindStringSubmatchIndex(name)
	if loc == nil {
		return time.Time{}, name
	}
	t, ok := ParseDate(name[loc[2]:loc[3]])
	if !ok {
		return time.Time{}, name
	}
	return t, strings.TrimSpace(name[:loc[0]] + name[loc[1]:])
}

// decodeMeta turns front-matter values into typed metadata for a page of
// kind, reading each schema field of that kind by its type.
func decodeMeta(fm *FrontMatter, kind Kind) (Meta, []problem) {
	var problems []problem
	r := &reader{fm: fm, values: fm.Values, problems: &problems}
	m := Meta{Params: fm.Values}
	switch kind {
	case KindRegulation:
		m.Regulation = &Regulation{}
	case KindCase:
		m.Case = &Case{}
	case KindBrand:
		m.Brand = &Brand{}
	}
	meta := reflect.ValueOf(&m).Elem()
	for _, s := range plans[kind] {
		if fm.Values[s.f.Key] == nil {
			continue
		}
		if s.index == nil {
			if v := r.read(s.f); !reflect.ValueOf(v).IsZero() {
				if m.Extra == nil {
					m.Extra = map[string]any{}
				}
				m.Extra[s.f.Key] = v
			}
			continue
		}
		r.store(s.f, meta.FieldByIndex(s.index))
	}
	if strings.ContainsAny(m.Slug, "/\\") || m.Slug == "." || m.Slug == ".." {
		r.fail("slug", " 不能包含“/”“\\”，也不能是“.”或“..”：它只替换网址的最后一段")
		m.Slug = ""
	}
	return m, problems
}

// read returns the value of a field that is not a table.
func (r *reader) read(f *Field) any {
	switch f.Type {
	case Text:
		if f.Values != nil {
			return r.enum(f.Key, f.Values)
		}
		return r.str(f.Key)
	case List:
		if f.Values != nil {
			return r.enums(f.Key, f.Values)
		}
		return r.strs(f.Key)
	case Date:
		return r.date(f.Key)
	case YearNumber:
		return r.year(f.Key)
	case Integer:
		return r.integer(f.Key)
	case Bool:
		return r.boolean(f.Key)
	}
	panic("content: cannot read schema field " + f.Key)
}

// store reads a field into dst, the Go field that holds it.
func (r *reader) store(f *Field, dst reflect.Value) {
	switch f.Type {
	case Table:
		if t := r.table(f.Key); t != nil {
			p := reflect.New(dst.Type().Elem())
			t.fill(f.Parts, p.Elem())
			dst.Set(p)
		}
	case Tables:
		if list := r.tables(f.Key); len(list) > 0 {
			s := reflect.MakeSlice(dst.Type(), len(list), len(list))
			for i, t := range list {
				t.fill(f.Parts, s.Index(i))
			}
			dst.Set(s)
		}
	default:
		dst.Set(reflect.ValueOf(r.read(f)))
	}
}

// fill reads the parts of one table into the struct dst.
func (r *reader) fill(parts []Field, dst reflect.Value) {
	for i := range parts {
		if r.values[parts[i].Key] != nil {
			r.store(&parts[i], dst.FieldByIndex(tagged(dst.Type(), &parts[i])))
		}
	}
}
