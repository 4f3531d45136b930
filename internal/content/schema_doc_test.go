package content_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"djkb/internal/content"
	"djkb/internal/review"
)

var update = flag.Bool("update", false, "rewrite the files generated from the schema")

// The files written from content.Fields, relative to this package.
const (
	schemaRef   = "../../docs/schema.md"
	schemaGuide = "../../content/guide/元数据字段.md"
)

// TestSchemaDocs checks that the schema reference and the editors' guide
// page say what content.Fields says; -update rewrites them.
func TestSchemaDocs(t *testing.T) {
	for path, text := range map[string]string{schemaRef: referenceDoc(), schemaGuide: guideDoc()} {
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, []byte(text)) {
			t.Errorf("%s does not match content.Fields: run go generate ./internal/content", path)
		}
	}
}

// TestSchemaRules checks that the clean-up rules the schema names exist.
func TestSchemaRules(t *testing.T) {
	for _, f := range content.Fields {
		for _, id := range f.Review {
			if review.RuleByID(id).Check == 0 {
				t.Errorf("field %s names clean-up rule %q, which does not exist", f.Key, id)
			}
		}
	}
}

var (
	typeNames  = map[content.Type][2]string{content.Text: {"text", "文字"}, content.List: {"list of texts", "文字列表"}, content.Date: {"date", "日期"}, content.YearNumber: {"year", "年份"}, content.Integer: {"integer", "整数"}, content.Bool: {"true or false", "true 或 false"}, content.Table: {"table", "表格"}, content.Tables: {"list of tables", "表格列表"}, content.Derived: {"derived", "自动得出"}}
	kindNames  = map[content.Kind][2]string{content.KindRegulation: {"regulation", "法规"}, content.KindCase: {"case", "案例"}, content.KindBrand: {"brand", "品牌"}, content.KindPage: {"page", "其他页面"}}
	kindFolder = map[content.Kind]string{content.KindRegulation: "content/regulations/", content.KindCase: "content/cases/", content.KindBrand: "content/brands/"}
)

// cell makes text safe inside a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func typeOf(f content.Field, lang int) string {
	s := typeNames[f.Type][lang]
	if len(f.Values) > 0 {
		s += [2]string{", one of the values", "，限下列值"}[lang]
	}
	return s
}

func referenceDoc() string {
	var b strings.Builder
	b.WriteString(`# Content schema

<!-- Generated from content.Fields (internal/content/schema.go) by go generate ./internal/content. Do not edit. -->

Front matter is TOML between ` + "`+++`" + ` lines or YAML between ` + "`---`" + ` lines. Every key a page may carry is one entry of ` + "`content.Fields`" + `; decoding and validation, the search page's filters, the taxonomies a site gets when site.toml names none, this page and the editors' guide page (content/guide/元数据字段.md) are all made from it. Keys outside the table are kept in ` + "`.Meta.Params`" + ` and never break a build. Where a key names another page, it gives the page's path relative to ` + "`content/`" + `.

Columns: *kinds* are the kinds of page that read the key (empty: every page; the kind is the top folder: regulations/, cases/, brands/, anything else is a page); *filter* is the key's place among the search page's filters; *taxonomy* is the URL of its list pages when site.toml names no taxonomies; *clean-up* names the ` + "`djkb cleanup`" + ` rules that read it. Labels, values and notes are in Chinese, as editors write and read them.

| key | label | type | values | kinds | filter | taxonomy | clean-up | note |
|---|---|---|---|---|---|---|---|---|
`)
	for _, f := range content.Fields {
		var kinds []string
		for _, k := range f.Kinds {
			kinds = append(kinds, kindNames[k][0])
		}
		filter, tax := "", ""
		if f.Facet > 0 {
			filter = fmt.Sprint(f.Facet)
		}
		if f.Taxonomy > 0 {
			tax = "`/" + f.Path + "/`"
		}
		var rules []string
		for _, id := range f.Review {
			rules = append(rules, "`"+id+"`")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s | %s | %s |\n", f.Key, f.Label, typeOf(f, 0), cell(strings.Join(f.Values, ", ")),
			strings.Join(kinds, ", "), filter, tax, strings.Join(rules, ", "), cell(f.Note))
	}
	b.WriteString("\n## Keys of the table fields\n")
	for _, f := range content.Fields {
		if len(f.Parts) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n`%s` (%s):\n\n| key | label | type | values |\n|---|---|---|---|\n", f.Key, f.Label)
		for _, p := range f.Parts {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", p.Key, p.Label, typeOf(p, 0), cell(strings.Join(p.Values, ", ")))
		}
	}
	b.WriteString(`
## Adding a field

1. Add one line to ` + "`content.Fields`" + `: key, label, type, allowed values, kinds, and its filter or taxonomy place if it has one. It is then read, checked, and offered as a filter or taxonomy.
2. Show it in a layout: ` + "`{{with .Meta.Value \"key\"}}…{{.}}…{{end}}`" + ` inside ` + "`{{with .Page}}`" + `. The ` + "`caption`" + ` line of layouts/regulation.html is the example.
3. Run ` + "`go generate ./internal/content`" + ` to rewrite this page and the guide page.

A field that Go code reads also gets a struct field tagged with its key (` + "`key:\"doc_number\"`" + `) in ` + "`content.Meta`" + ` or the kind's struct; one only layouts show needs none. Table fields always have one.
`)
	return b.String()
}

func guideDoc() string {
	var b strings.Builder
	b.WriteString(`+++
title = "元数据字段"
description = "每种页面可以填写的元数据字段：字段名、含义、写法和可选值。"
+++

<!-- 本页由 go generate ./internal/content 根据 internal/content/schema.go 生成，请勿手工修改。 -->

每个 Markdown 文件开头可以用 ` + "`+++`" + ` 包起来的 TOML（或 ` + "`---`" + ` 包起来的 YAML）写元数据，例如：

` + "```toml" + `
+++
title = "中国共产党党和国家机关基层组织工作条例"
caption = "（2019年3月28日中共中央政治局会议审议批准　2019年4月15日中共中央发布）"
status = "现行有效"
issued = 2019-04-15
+++
` + "```" + `

文字要加引号，日期不加引号；列表写成 ` + "`[\"甲\", \"乙\"]`" + `。不认识的字段会保留，不会导致构建失败；写错的值会在构建和 ` + "`djkb check`" + ` 时指出文件、行号和改法。“用途”一栏写着“搜索筛选”的字段，会成为搜索页的筛选条件；写着“分类页”的，在所给网址下列出带有每个值的全部页面；“清理检查”后面是读取该字段的清理规则。
`)
	for _, k := range []content.Kind{content.KindPage, content.KindRegulation, content.KindCase, content.KindBrand} {
		title, intro := "所有页面通用", "每个页面都可以填写。"
		if k != content.KindPage {
			title, intro = kindNames[k][1], "放在 "+kindFolder[k]+" 中的页面另有下列字段。"
		}
		var rows []content.Field
		for _, f := range content.Fields {
			if (k == content.KindPage && len(f.Kinds) == 0) || (len(f.Kinds) > 0 && f.Has(k)) {
				rows = append(rows, f)
			}
		}
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n| 字段 | 写法 | 用途 | 说明 |\n|---|---|---|---|\n", title, intro)
		for _, f := range rows {
			form := typeOf(f, 1)
			if len(f.Values) > 0 {
				form += "：" + strings.Join(f.Values, "、")
			}
			var uses []string
			if f.Facet > 0 {
				uses = append(uses, "搜索筛选")
			}
			if f.Taxonomy > 0 {
				uses = append(uses, "分类页 /"+f.Path+"/")
			}
			var rules []string
			for _, id := range f.Review {
				rules = append(rules, review.RuleByID(id).Name)
			}
			if len(rules) > 0 {
				uses = append(uses, "清理检查："+strings.Join(rules, "、"))
			}
			fmt.Fprintf(&b, "| `%s` %s | %s | %s | %s |\n", f.Key, f.Label, cell(form), cell(strings.Join(uses, "；")), cell(f.Note))
		}
		for _, f := range rows {
			if len(f.Parts) == 0 {
				continue
			}
			var parts []string
			for _, p := range f.Parts {
				s := fmt.Sprintf("`%s`（%s，%s", p.Key, p.Label, typeNames[p.Type][1])
				if len(p.Values) > 0 {
					s += "：" + strings.Join(p.Values, "、")
				}
				parts = append(parts, s+"）")
			}
			fmt.Fprintf(&b, "\n`%s` 的每个表格包含：%s。\n", f.Key, strings.Join(parts, "、"))
		}
	}
	return b.String()
}
