package compilation

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"

	"djkb/internal/render"
	"djkb/internal/sitefs"
)

// Layout and stylesheet of the digest; a site overrides either with a file
// of the same name in its own layouts/ or static/ folder.
const (
	layoutName = "digest.html"
	cssPath    = "css/digest.css"
)

// view is what layouts/digest.html sees.
type view struct {
	*Digest
	CSS         template.CSS
	Front, Body bool // which parts to show: both, except in PDF printing
	IndexPart   bool // the 索引, printed last in a PDF
	// Groups and Appendix are those of the part shown.
	Groups     []*Group
	Appendix   []*Appendix
	PrintStyle template.CSS  // extra CSS when printing to PDF, else ""
	Anchors    template.HTML // invisible links for PDF printing, else ""
	pages      map[string]int
}

// PageOf returns the page number of an element (an item, group, appendix or
// "notes") in print, or "" when the digest is rendered without numbers.
func (v *view) PageOf(id string) string {
	if n, ok := v.pages[id]; ok {
		return itoa(n)
	}
	return ""
}

// HTML renders the digest through layouts/digest.html, with
// static/css/digest.css inlined so that the file stands alone. pages maps
// element ids to page numbers for the printed 目录; nil leaves them blank.
func (d *Digest) HTML(pages map[string]int) ([]byte, error) {
	var buf bytes.Buffer
	size := 64 << 10
	for _, it := range d.Items {
		size += len(it.Body) + 1024
	}
	buf.Grow(size)
	if err := d.WriteHTML(&buf, pages); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteHTML writes what HTML returns to w, without holding the whole
// document in memory.
func (d *Digest) WriteHTML(w io.Writer, pages map[string]int) error {
	return d.render(w, part{front: true, body: true, pages: pages})
}

// render writes a part of the digest, or all of it, to w.
func (d *Digest) render(w io.Writer, p part) error {
	t, err := d.template()
	if err != nil {
		return err
	}
	css, err := d.stylesheet()
	if err != nil {
		return err
	}
	v := &view{Digest: d, CSS: template.CSS(css), Front: p.front, Body: p.body, IndexPart: p.index, Groups: d.Groups, Appendix: d.Appendix,
		Anchors: p.anchors, pages: p.pages}
	if p.groups != nil {
		v.Groups = p.groups
		if !p.appendix {
			v.Appendix = nil
		}
	}
	if p.anchors != "" {
		v.PrintStyle = printStyle
	}
	out := &errWriter{w: w}
	bw := bufio.NewWriterSize(out, 256<<10)
	if err := t.ExecuteTemplate(bw, "digest", v); err != nil {
		if out.err != nil {
			return out.err
		}
		return fmt.Errorf("渲染汇编时模板出错：%w", err)
	}
	return bw.Flush()
}

// errWriter remembers the error of a failed write, to tell it from an
// error of the template.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(b []byte) (int, error) {
	n, err := e.w.Write(b)
	if err != nil && e.err == nil {
		e.err = err
	}
	return n, err
}

func (d *Digest) template() (*template.Template, error) {
	data, from, err := render.NewLayouts(d.opts.SiteDir, d.opts.Defaults).Read(layoutName)
	if _, refused := err.(*sitefs.Error); refused {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("找不到汇编模板 layouts/%s", layoutName)
	}
	t, err := template.New(layoutName).Funcs(render.Funcs()).Parse(string(data))
	if err != nil {
		return nil, fmt.Errorf("%s：模板有误：%v", from, err)
	}
	if t.Lookup("digest") == nil {
		return nil, fmt.Errorf(`%s：模板中没有 {{define "digest"}}…{{end}}`, from)
	}
	return t, nil
}

// stylesheet reads static/css/digest.css, the site's own copy when it has
// one.
func (d *Digest) stylesheet() ([]byte, error) {
	data, err := sitefs.New(d.opts.SiteDir).ReadFile("static/" + cssPath)
	if !errors.Is(err, fs.ErrNotExist) {
		return data, err
	}
	if d.opts.Defaults == nil {
		return nil, nil
	}
	data, err = fs.ReadFile(d.opts.Defaults, "static/"+cssPath)
	if err != nil {
		return nil, fmt.Errorf("找不到汇编样式表 static/%s", cssPath)
	}
	return data, nil
}
