// Package scaffold creates new content files for djkb new: the file name,
// the folder and the skeleton of each kind of page, from templates a site
// can override in layouts/new/.
package scaffold

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"
	"unicode"

	"djkb/internal/content"
	"djkb/internal/sitefs"
)

// Kinds maps the kind named on the command line to its content folder.
var Kinds = map[string]string{"regulation": "regulations", "case": "cases", "brand": "brands"}

// Request describes the page to create.
type Request struct {
	SiteDir  string
	Kind     string // regulation, case or brand
	Title    string
	Section  string // optional sub-folder below the kind's folder, e.g. 本单位制度
	CaseType string // for cases: 工作案例 (default) or 警示案例
	Unit     string // the organ, from site.toml
	Today    time.Time
}

// FileName makes a safe file name from a title: characters that Windows
// and URLs cannot hold are dropped, spaces collapsed, the length bounded.
func FileName(title string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(title) {
		switch {
		case r < 0x20 || r == 0x7F || strings.ContainsRune(`\/:*?"<>|#%`, r):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte('-')
		}
		space = false
		b.WriteRune(r)
	}
	name := strings.Trim(b.String(), ".-")
	if r := []rune(name); len(r) > 80 {
		name = string(r[:80])
	}
	if name == "" {
		name = "新页面"
	}
	return name + ".md"
}

// Create writes the new page and returns its path relative to the site
// folder. It never overwrites a file.
func Create(req Request, defaults fs.FS) (string, error) {
	folder, ok := Kinds[req.Kind]
	if !ok {
		return "", fmt.Errorf("不认识的类型“%s”：请写 regulation（法规制度）、case（典型案例）或 brand（党建品牌）", req.Kind)
	}
	if strings.TrimSpace(req.Title) == "" {
		return "", errors.New("请给出标题，例如：djkb new regulation \"机关党支部工作细则\"")
	}
	if req.CaseType != "" && content.CaseHeadings[req.CaseType] == nil {
		return "", fmt.Errorf("案例类型“%s”不对：请写 工作案例 或 警示案例", req.CaseType)
	}
	if strings.Contains(req.Section, "..") {
		return "", errors.New("栏目不能包含“..”")
	}
	tmpl, err := readTemplate(req.SiteDir, req.Kind, defaults)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, newData(req)); err != nil {
		return "", fmt.Errorf("模板 layouts/new/%s.md 有误：%w", req.Kind, err)
	}
	rel := filepath.Join(content.Dir, folder, filepath.FromSlash(section(req)), FileName(req.Title))
	abs := filepath.Join(req.SiteDir, rel)
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s 已经存在，没有覆盖：请换一个标题，或直接编辑该文件", filepath.ToSlash(rel))
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return "", err
	}
	return filepath.ToSlash(rel), f.Close()
}

// section returns the sub-folder the page goes in: the one asked for, or
// for a case the folder of its kind (工作案例, 警示案例) where the site has one.
func section(req Request) string {
	if req.Section != "" || req.Kind != "case" {
		return req.Section
	}
	caseType := cmp.Or(req.CaseType, defaultCaseType)
	if st, err := os.Stat(filepath.Join(req.SiteDir, content.Dir, Kinds[req.Kind], caseType)); err == nil && st.IsDir() {
		return caseType
	}
	return ""
}

const defaultCaseType = "工作案例"

// data is what the skeleton templates see.
type data struct {
	Title, Date, Unit, CaseType, Trial, Form string
	Year                                     int
	Headings                                 []string
}

func newData(req Request) data {
	caseType := cmp.Or(req.CaseType, defaultCaseType)
	trial := "无"
	switch {
	case strings.Contains(req.Title, "（试行）") || strings.Contains(req.Title, "(试行)"):
		trial = "试行"
	case strings.Contains(req.Title, "（暂行）") || strings.Contains(req.Title, "(暂行)"):
		trial = "暂行"
	}
	form := "办法"
	for _, f := range content.Forms {
		if strings.Contains(req.Title, f) {
			form = f
		}
	}
	return data{
		Title:    strings.ReplaceAll(req.Title, `"`, `\"`),
		Date:     req.Today.Format("2006-01-02"),
		Year:     req.Today.Year(),
		Unit:     req.Unit,
		CaseType: caseType,
		Trial:    trial,
		Form:     form,
		Headings: content.CaseHeadings[caseType],
	}
}

func readTemplate(siteDir, kind string, defaults fs.FS) (*template.Template, error) {
	name := "layouts/new/" + kind + ".md"
	text, err := sitefs.New(siteDir).ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		text, err = fs.ReadFile(defaults, name)
	}
	if _, refused := err.(*sitefs.Error); refused {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("找不到模板 %s", name)
	}
	t, err := template.New(name).Parse(string(text))
	if err != nil {
		return nil, fmt.Errorf("模板 %s 有误：%w", name, err)
	}
	return t, nil
}
