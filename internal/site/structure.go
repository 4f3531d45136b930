package site

import (
	"strings"

	"djkb/internal/content"
	"djkb/internal/diag"
)

// CheckStructure warns about cases that lack the headings their kind is
// written with (基本情况, 主要做法, … or 基本案情, 处理结果, …). It needs the
// converted Markdown.
func (s *Site) CheckStructure(diags *diag.List) {
	for _, p := range s.Pages {
		c := p.Case()
		if c == nil || c.CaseType == "" {
			continue
		}
		have := map[string]bool{}
		for _, h := range p.TOC {
			have[strings.TrimSpace(h.Text)] = true
		}
		var missing []string
		for _, want := range content.CaseHeadings[c.CaseType] {
			if !have[want] {
				missing = append(missing, want)
			}
		}
		if len(missing) > 0 {
			diags.Warnf(p.Src.File, p.Src.BodyLine, "%s应包含小标题“%s”，缺少：%s。请用“## %s”这样的二级标题补上",
				c.CaseType, strings.Join(content.CaseHeadings[c.CaseType], "、"), strings.Join(missing, "、"), missing[0])
		}
	}
}
