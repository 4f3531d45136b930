package corpus

import (
	"bytes"
	"math/rand/v2"
	"strings"

	"djkb/internal/numerals"
)

// writeProse writes an 意见 or 通知: 文号, addressees, an opening
// paragraph, then 一、二、 headings over （一）（二） paragraphs, and the
// issuer and date at the end.
func (g *renderer) writeProse(b *bytes.Buffer, p *docPlan, r *rand.Rand) {
	w := &docWriter{g: g, b: b, p: p, r: r, self: selfName(p.meta.title)}
	b.WriteString(p.meta.docNumber + "\n\n")
	if p.cat.kind == kindUnit {
		b.WriteString("各党支部：\n\n")
	} else {
		b.WriteString("各市（州）直机关工委，省直各单位党组织：\n\n")
	}
	closing := "现提出如下意见。"
	if p.meta.form == "通知" {
		closing = "现就有关事项通知如下。"
	}
	b.WriteString("为" + pick(r, partyPurposes) + "，根据《" + pick(r, g.titles) + "》等规定，" + closing + "\n\n")
	tail := 120
	for k := 1; b.Len()+tail < p.size; k++ {
		b.WriteString("## " + numerals.Chinese(k) + "、" + pick(r, partyHeadings) + "\n\n")
		for i := 1; i <= 2+r.IntN(4) && b.Len()+tail < p.size; i++ {
			b.WriteString(itemLabel(i) + pick(r, partyHeadings) + "。" + w.sentence())
			for r.IntN(100) < 40 {
				b.WriteString(w.sentence())
			}
			b.WriteString("\n\n")
		}
	}
	b.WriteString(p.meta.issuers[0] + "\n\n" + p.issued.zh() + "\n")
}

// sentence draws a paragraph that ends in a full stop, for running
// prose where a colon would call for items.
func (w *docWriter) sentence() string {
	s := w.paragraph()
	if t, ok := strings.CutSuffix(s, "："); ok {
		return t + "。"
	}
	return s
}
