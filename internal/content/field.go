package content

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Field is one front-matter key of the schema.
type Field struct {
	Key    string   // as written in front matter
	Label  string   // Chinese name, as the site and the guide show it
	Type   Type     // how the value is written and read
	Values []string // allowed values; empty: any
	Kinds  []Kind   // kinds of page that have it; empty: every kind
	// Facet is the field's place among the search page's filters, from 1;
	// 0 when it is not a filter.
	Facet int
	// Taxonomy is the field's place among the taxonomies a site gets when
	// site.toml names none, from 1, with Path its URL segment; 0 when none.
	Taxonomy int
	Path     string
	Review   []string // ids of the clean-up rules that read it
	Note     string   // what to write, for the guide
	Parts    []Field  // keys of each table of a Table or Tables field
}

// Type is how a field's value is written and read.
type Type int

// The field types.
const (
	Text       Type = iota // quoted text, or one of Values
	List                   // list of texts; one text is a list of one
	Date                   // 2019-07-25, also 2019/7/25 or 2019年7月25日
	YearNumber             // four-digit year
	Integer                // whole number
	Bool                   // true or false
	Table                  // one table of Parts
	Tables                 // list of tables of Parts
	Derived                // not written: computed from the page
)

// goTypes are the Go types a field of each type is held in.
var goTypes = map[Type]reflect.Type{
	Text: reflect.TypeFor[string](), List: reflect.TypeFor[[]string](), Date: reflect.TypeFor[time.Time](),
	YearNumber: reflect.TypeFor[int](), Integer: reflect.TypeFor[int](), Bool: reflect.TypeFor[bool](),
}

// Has reports whether pages of kind k have the field.
func (f *Field) Has(k Kind) bool { return len(f.Kinds) == 0 || slices.Contains(f.Kinds, k) }

// FieldByKey returns the schema field with that key, or nil.
func FieldByKey(key string) *Field { return byKey[key] }

// FacetFields returns the fields that are search filters, in display order.
func FacetFields() []*Field { return ranked(func(f *Field) int { return f.Facet }) }

// TaxonomyFields returns the fields that are default taxonomies, in order.
func TaxonomyFields() []*Field { return ranked(func(f *Field) int { return f.Taxonomy }) }

func ranked(rank func(*Field) int) []*Field {
	var out []*Field
	for i := range Fields {
		if rank(&Fields[i]) > 0 {
			out = append(out, &Fields[i])
		}
	}
	slices.SortFunc(out, func(a, b *Field) int { return rank(a) - rank(b) })
	return out
}

// slot is where a field of one kind of page is held: the path of struct
// field indexes from Meta, or nil when it is kept in Meta.Extra.
type slot struct {
	f     *Field
	index []int
}

var (
	byKey = map[string]*Field{}
	// plans lists, for each kind, the fields its pages decode, in schema order.
	plans = map[Kind][]slot{}
	// slots finds a field's slot by kind and key.
	slots = map[Kind]map[string]slot{}
)

func init() {
	meta := reflect.TypeFor[Meta]()
	holders := map[Kind]string{KindRegulation: "Regulation", KindCase: "Case", KindBrand: "Brand"}
	for i := range Fields {
		f := &Fields[i]
		if byKey[f.Key] != nil {
			panic("content: schema field " + f.Key + " is listed twice")
		}
		byKey[f.Key] = f
	}
	for _, k := range Kinds {
		slots[k] = map[string]slot{}
		for i := range Fields {
			f := &Fields[i]
			if !f.Has(k) || f.Type == Derived {
				continue
			}
			s := slot{f: f}
			if len(f.Kinds) == 0 {
				s.index = tagged(meta, f)
			} else if h, ok := meta.FieldByName(holders[k]); ok {
				if j := tagged(h.Type.Elem(), f); j != nil {
					s.index = append(slices.Clone(h.Index), j...)
				}
			}
			if s.index == nil && (f.Type == Table || f.Type == Tables) {
				panic("content: schema field " + f.Key + " is a table and needs a Go field tagged key:\"" + f.Key + "\"")
			}
			plans[k] = append(plans[k], s)
			slots[k][f.Key] = s
		}
	}
}

// tagged returns the index of t's struct field tagged with f's key, checking
// that its Go type fits f's type, or nil when there is none.
func tagged(t reflect.Type, f *Field) []int {
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Tag.Get("key") != f.Key {
			continue
		}
		if !fits(sf.Type, f) {
			panic(fmt.Sprintf("content: Go field %s.%s cannot hold schema field %s", t.Name(), sf.Name, f.Key))
		}
		return sf.Index
	}
	return nil
}

// fits reports whether Go type t can hold field f, parts included.
func fits(t reflect.Type, f *Field) bool {
	var elem reflect.Type
	switch {
	case f.Type == Table && t.Kind() == reflect.Pointer, f.Type == Tables && t.Kind() == reflect.Slice:
		elem = t.Elem()
	case f.Type == Table || f.Type == Tables:
		return false
	default:
		return t == goTypes[f.Type]
	}
	if elem.Kind() != reflect.Struct {
		return false
	}
	for i := range f.Parts {
		if tagged(elem, &f.Parts[i]) == nil {
			panic(fmt.Sprintf("content: %s.%s has no Go field tagged key:%q", f.Key, f.Parts[i].Key, f.Parts[i].Key))
		}
	}
	return true
}

// kind is the kind of page whose fields m holds.
func (m *Meta) kind() Kind {
	switch {
	case m.Regulation != nil:
		return KindRegulation
	case m.Case != nil:
		return KindCase
	case m.Brand != nil:
		return KindBrand
	}
	return KindPage
}

// field returns the Go value holding a schema field of m, and whether the
// field is one of m's kind; the value is invalid for a field kept in Extra.
func (m *Meta) field(key string) (reflect.Value, *Field) {
	s, ok := slots[m.kind()][key]
	if !ok {
		return reflect.Value{}, nil
	}
	if s.index == nil {
		return reflect.Value{}, s.f
	}
	return reflect.ValueOf(m).Elem().FieldByIndex(s.index), s.f
}

// Value returns the decoded value of a schema field of the page's kind,
// whether a Go field holds it or Extra does; nil for other keys. Templates
// call it as .Meta.Value "caption".
func (m *Meta) Value(key string) any {
	v, f := m.field(key)
	switch {
	case f == nil:
		return nil
	case v.IsValid():
		return v.Interface()
	}
	return m.Extra[key]
}

// Strings returns the values of a key as text, for taxonomies and search
// filters: a schema field of the page's kind as decoded (text, lists and
// years; nothing for dates and tables), any other key as written when it
// holds text, a list of texts or a whole number.
func (m *Meta) Strings(key string) []string {
	v, f := m.field(key)
	if f == nil {
		return paramStrings(m.Params[key])
	}
	if !v.IsValid() {
		if v = reflect.ValueOf(m.Extra[key]); !v.IsValid() {
			return nil
		}
	}
	switch f.Type {
	case Text:
		return one(v.String())
	case List:
		if v.CanAddr() {
			return *v.Addr().Interface().(*[]string)
		}
		return v.Interface().([]string)
	case YearNumber, Integer:
		if n := v.Int(); n != 0 {
			return []string{strconv.FormatInt(n, 10)}
		}
	}
	return nil
}

// paramStrings reads a value as the front matter holds it.
func paramStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return one(strings.TrimSpace(v))
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok && s != "" {
				out = append(out, s)
			}
		}
		return out
	case int64:
		return []string{strconv.FormatInt(v, 10)}
	}
	return nil
}

func one(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
