package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"

	"djkb/internal/numerals"
)

// writeHistory writes the adoption and amendment history under the
// title, either as one parenthesised line whose events are separated by
// full-width spaces, or as plain lines the way just-laws keeps it.
func writeHistory(b *bytes.Buffer, p *docPlan, r *rand.Rand) {
	events := historyEvents(p, r)
	if r.IntN(2) == 0 {
		b.WriteString("（" + strings.Join(events, "　") + "）\n\n")
		return
	}
	for _, e := range events {
		b.WriteString(e + "\n\n")
	}
}

// historyEvents lists what happened to a document, oldest first.
func historyEvents(p *docPlan, r *rand.Rand) []string {
	d, m := p.issued, p.meta
	session := func() string { return "第" + numerals.Chinese(1+r.IntN(30)) + "次会议" }
	var ev []string
	switch p.cat.kind {
	case kindLaw:
		ev = append(ev, d.zh()+"第"+numerals.Chinese(npcTerm(d))+"届全国人民代表大会常务委员会"+session()+"通过")
		for k, a := range amendments(r, d) {
			ev = append(ev, "根据"+a.zh()+"第"+numerals.Chinese(npcTerm(a))+"届全国人民代表大会常务委员会"+session()+
				"《关于修改〈"+m.title+"〉的决定》第"+numerals.Chinese(k+1)+"次修正")
		}
	case kindAdmin:
		ev = append(ev, fmt.Sprintf("%s中华人民共和国%s公布", d.zh(), m.docNumber))
		for _, a := range amendments(r, d) {
			ev = append(ev, "根据"+a.zh()+"《国务院关于修改和废止部分行政法规的决定》修订")
		}
	case kindDept:
		ev = append(ev, fmt.Sprintf("%s%s令第%d号公布", d.zh(), m.issuers[0], 1+r.IntN(80)), "自"+p.effective.zh()+"起施行")
	case kindLocal:
		place := strings.TrimSuffix(m.issuers[0], "人民代表大会常务委员会")
		ev = append(ev, d.zh()+place+"第"+numerals.Chinese(npcTerm(d))+"届人民代表大会常务委员会"+session()+"通过")
	case kindJudicial:
		ev = append(ev, fmt.Sprintf("%s最高人民法院审判委员会第%d次会议通过", d.zh(), 1000+r.IntN(900)),
			"自"+p.effective.zh()+"起施行", m.docNumber)
	case kindParty:
		ev = append(ev, d.addDays(-10-r.IntN(30)).zh()+"中共中央政治局会议审议批准", d.zh()+m.issuers[0]+"发布")
	default:
		ev = append(ev, d.zh()+m.issuers[0]+"印发", m.docNumber)
	}
	return ev
}

// amendments draws zero to three later amendment dates.
func amendments(r *rand.Rand, d civilDate) []civilDate {
	var out []civilDate
	for range r.IntN(4) {
		d = d.addDays(700 + r.IntN(2500))
		if lastDate.before(d) {
			break
		}
		out = append(out, d)
	}
	return out
}
