package docimport

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"djkb/internal/content"
)

// page writes the imported page: front matter in TOML with what was
// recognised, then the body. A comment at the top says where it came from.
func page(req Request, d *Doc, file string) string {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "# 由 djkb import 从“%s”导入：请对照原件核对以下各项和正文\n", cleanName(filepath.Base(file)))
	field := func(key, value string) {
		if value != "" && value != `""` {
			fmt.Fprintf(&b, "%s = %s\n", key, value)
		}
	}
	field("title", content.Quote(d.Title))
	if req.Kind != "regulation" {
		field("date", tomlDate(d.Issued))
		b.WriteString("+++\n\n")
		b.WriteString(d.Body)
		b.WriteString("\n")
		return b.String()
	}
	field("caption", content.Quote(d.Caption))
	field("doc_number", content.Quote(d.DocNumber))
	if system := firstSegment(req.Section); slices.Contains(content.Systems, system) {
		field("system", content.Quote(system))
	}
	field("form", content.Quote(form(d.Title)))
	if len(d.Issuers) > 0 {
		quoted := make([]string, len(d.Issuers))
		for i, s := range d.Issuers {
			quoted[i] = content.Quote(s)
		}
		field("issuer", "["+strings.Join(quoted, ", ")+"]")
	}
	field("issued", tomlDate(d.Issued))
	field("effective", tomlDate(d.Effective))
	field("trial", content.Quote(trial(d.Title)))
	if len(d.History) > 0 {
		b.WriteString("history = [\n")
		for _, e := range d.History {
			fmt.Fprintf(&b, "  {date = %s, event = %s},\n", tomlDate(e.Date), content.Quote(e.Text))
		}
		b.WriteString("]\n")
	}
	b.WriteString("+++\n\n")
	b.WriteString(d.Body)
	b.WriteString("\n")
	return b.String()
}

// form is the 名称类别 the title ends with (its （试行） aside), or "".
func form(title string) string {
	t := strings.TrimSpace(title)
	for _, suffix := range []string{"（试行）", "(试行)", "（暂行）", "(暂行)"} {
		t = strings.TrimSuffix(t, suffix)
	}
	best := ""
	for _, f := range content.Forms {
		if strings.HasSuffix(t, f) && len(f) > len(best) {
			best = f
		}
	}
	return best
}

// trial is the 试行 flag the title carries.
func trial(title string) string {
	switch {
	case strings.Contains(title, "（试行）") || strings.Contains(title, "(试行)"):
		return "试行"
	case strings.Contains(title, "（暂行）") || strings.Contains(title, "(暂行)"):
		return "暂行"
	}
	return "无"
}

func firstSegment(p string) string {
	p = filepath.ToSlash(p)
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return p
}

// tomlDate writes a date as a TOML local date, or "" for none.
func tomlDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
