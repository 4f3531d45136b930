package content_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"djkb/internal/cli"
	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/sitetest"
)

// TestGoFieldsInSchema checks that every Go field tagged with a key is a
// field of the schema for the kinds whose struct holds it.
func TestGoFieldsInSchema(t *testing.T) {
	var walk func(typ reflect.Type, kinds []content.Kind, parts []content.Field)
	walk = func(typ reflect.Type, kinds []content.Kind, parts []content.Field) {
		for i := range typ.NumField() {
			sf := typ.Field(i)
			key := sf.Tag.Get("key")
			if key == "" {
				continue
			}
			var f *content.Field
			if parts != nil {
				for j := range parts {
					if parts[j].Key == key {
						f = &parts[j]
					}
				}
			} else {
				f = content.FieldByKey(key)
			}
			if f == nil {
				t.Errorf("%s.%s is tagged key:%q, which content.Fields does not list", typ.Name(), sf.Name, key)
				continue
			}
			for _, k := range kinds {
				if !f.Has(k) {
					t.Errorf("%s.%s holds %q, which content.Fields does not give pages of kind %s", typ.Name(), sf.Name, key, k)
				}
			}
			if f.Type == content.Table || f.Type == content.Tables {
				walk(sf.Type.Elem(), nil, f.Parts)
			}
		}
	}
	walk(reflect.TypeFor[content.Meta](), content.Kinds, nil)
	walk(reflect.TypeFor[content.Regulation](), []content.Kind{content.KindRegulation}, nil)
	walk(reflect.TypeFor[content.Case](), []content.Kind{content.KindCase}, nil)
	walk(reflect.TypeFor[content.Brand](), []content.Kind{content.KindBrand}, nil)
}

func parse(t *testing.T, rel, text string) (*content.Source, []diag.Diagnostic) {
	t.Helper()
	var diags diag.List
	src := content.Parse(rel, []byte(text), &diags)
	return src, diags.Items()
}

// TestFieldWithoutGoField checks that a schema field no Go field holds is
// read, checked and kept by its key like any other.
func TestFieldWithoutGoField(t *testing.T) {
	src, diags := parse(t, "regulations/a.md", "+++\ncaption = \" （2019年4月15日中共中央发布） \"\n+++\n")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	m := &src.Meta
	if got := m.Value("caption"); got != "（2019年4月15日中共中央发布）" {
		t.Errorf(`Value("caption") = %q`, got)
	}
	if got := m.Strings("caption"); !slices.Equal(got, []string{"（2019年4月15日中共中央发布）"}) {
		t.Errorf(`Strings("caption") = %q`, got)
	}
	if _, diags := parse(t, "regulations/a.md", "+++\ncaption = 2019\n+++\n"); len(diags) != 1 || !strings.Contains(diags[0].Message, `“caption”应为文字，请加上引号：caption = "2019"`) || diags[0].Line != 2 {
		t.Errorf("caption = 2019 gave %v", diags)
	}
	// Other kinds do not have the field: it is kept as written.
	src, _ = parse(t, "cases/a.md", "+++\ncaption = \"甲\"\n+++\n")
	if src.Meta.Value("caption") != nil || src.Meta.Extra != nil || !slices.Equal(src.Meta.Strings("caption"), []string{"甲"}) {
		t.Errorf("a case's caption: Value %v, Extra %v, Strings %q", src.Meta.Value("caption"), src.Meta.Extra, src.Meta.Strings("caption"))
	}
}

// TestStrings checks the values taxonomies and search filters get from the
// schema fields of each kind, and from keys outside the schema.
func TestStrings(t *testing.T) {
	for _, tc := range []struct {
		rel, front, key string
		want            []string
	}{
		{"regulations/a.md", `status = "现行有效"`, "status", []string{"现行有效"}},
		{"regulations/a.md", `status = "有效"`, "status", nil},
		{"regulations/a.md", `issuer = ["中共中央", "国务院"]`, "issuer", []string{"中共中央", "国务院"}},
		{"regulations/a.md", `tags = "三会一课"`, "tags", []string{"三会一课"}},
		{"regulations/a.md", `issued = 2019-01-01`, "issued", nil},
		{"regulations/a.md", `unit_type = " 政府部门 "`, "unit_type", []string{"政府部门"}},
		{"cases/a.md", `unit_type = "政府部门"`, "unit_type", []string{"政府部门"}},
		{"cases/a.md", `area = ["政治", "纪律"]`, "area", []string{"政治", "纪律"}},
		{"brands/a.md", `established = 2019`, "established", []string{"2019"}},
		{"brands/a.md", `tier = "示范"`, "tier", []string{"示范"}},
		{"brands/a.md", `status = "现行有效"`, "status", []string{"现行有效"}},
		{"about.md", `level = 3`, "level", []string{"3"}},
		{"about.md", `topics = ["甲", 1, ""]`, "topics", []string{"甲"}},
	} {
		src, diags := parse(t, tc.rel, "+++\n"+tc.front+"\n+++\n")
		if src == nil {
			if tc.want != nil {
				t.Errorf("%s %s: %v", tc.rel, tc.front, diags)
			}
			continue
		}
		if got := src.Meta.Strings(tc.key); !slices.Equal(got, tc.want) {
			t.Errorf("%s %s: Strings(%q) = %q, want %q", tc.rel, tc.front, tc.key, got, tc.want)
		}
	}
}

// TestCaptionUnderTitle builds a site with the default layouts and checks
// the header of a regulation with a 题注, escaped, and of one without.
func TestCaptionUnderTitle(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"site.toml":                  "title = \"测试\"\n",
		"content/regulations/甲条例.md": "+++\ntitle = \"甲条例\"\nstatus = \"现行有效\"\ncaption = \"（2019年3月28日中共中央政治局会议审议批准　2019年4月15日中共中央发布）<script>&\"\n+++\n\n第一条　正文。\n",
		"content/regulations/乙条例.md": "+++\ntitle = \"乙条例\"\nstatus = \"现行有效\"\n+++\n\n第一条　正文。\n",
	})
	out := filepath.Join(dir, "public")
	var stdout, stderr bytes.Buffer
	if code := cli.Run([]string{"build", "-s", dir, "-d", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("djkb build: %d %s", code, stderr.String())
	}
	header := regexp.MustCompile(`(?s)<header class="page-header">.*?</header>`)
	var got bytes.Buffer
	for _, name := range []string{"甲条例", "乙条例"} {
		html, err := os.ReadFile(filepath.Join(out, "regulations", name, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		got.Write(header.Find(html))
		got.WriteString("\n")
	}
	golden := filepath.Join("testdata", "caption.golden")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("regulation headers differ from %s (rerun with -update after checking):\n%s", golden, got.String())
	}
}
