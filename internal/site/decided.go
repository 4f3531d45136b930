package site

import (
	"djkb/internal/config"
	"djkb/internal/content"
)

// decided returns the source a page is built from: src itself, or, when
// the current clean-up batch is published (已发布) and decided src 废止 or
// 宣布失效, a copy whose status is that and whose 废止依据 is the batch's
// decision. A status the file records other than 现行有效, and a repeal of
// its own, win. The copy leaves src, which djkb serve keeps between
// builds, as the file says.
func decided(b config.BatchInfo, src *content.Source) *content.Source {
	r := src.Meta.Regulation
	if !b.Published || b.Name == "" || r == nil || src.IsSection || (r.Status != "" && r.Status != content.InForce) {
		return src
	}
	for _, d := range r.Cleanup {
		status := map[string]string{"废止": content.Repealed, "宣布失效": content.Void}[d.Result]
		if d.Batch != b.Name || status == "" {
			continue
		}
		reg := *r
		reg.Status = status
		if reg.Repeal == nil {
			decision := b.Decision
			if decision == "" {
				decision = "“" + b.Name + "”清理决定"
			}
			day := b.Date
			if day.IsZero() {
				day = d.Date
			}
			reg.Repeal = &content.Repeal{Decision: decision, DocNumber: b.DocNumber, Date: day}
		}
		c := *src
		c.Meta.Regulation = &reg
		return &c
	}
	return src
}
