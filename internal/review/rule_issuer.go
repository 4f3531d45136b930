package review

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"djkb/internal/site"
)

// Who may issue what (《中国共产党党内法规制定条例》第三条、第五条): only
// the Party centre (党中央) issues 党章, 准则 and 条例; 党内法规 are issued
// by the Party centre, 中央纪委, the central working organs and the
// provincial Party committees, which use only 规则, 规定, 办法 and 细则.
var (
	congressRe   = regexp.MustCompile(`^中国共产党第\p{Han}+次全国代表大会$`)
	plenumRe     = regexp.MustCompile(`^中国共产党第\p{Han}+届中央委员会第\p{Han}+次全体会议$`)
	provincialRe = regexp.MustCompile(`^(?:中共|中国共产党)(?:\p{Han}{2,3}省|北京市|天津市|上海市|重庆市|\p{Han}{2,8}自治区)(?:委|委员会)$`)
)

// partyCentre reports whether an issuer is the Party centre itself.
func partyCentre(issuer string) bool {
	switch issuer {
	case "中共中央", "中国共产党中央委员会", "中共中央政治局", "中共中央政治局常务委员会":
		return true
	}
	return congressRe.MatchString(issuer) || plenumRe.MatchString(issuer)
}

// central reports whether an issuer is the Party centre, 中央纪委 or a
// central working organ (中共中央办公厅, 中共中央组织部, 中央纪委…).
func central(issuer string) bool {
	return partyCentre(issuer) || strings.HasPrefix(issuer, "中共中央") ||
		(strings.HasPrefix(issuer, "中央") && !strings.HasPrefix(issuer, "中央驻"))
}

// mayIssuePartyRegulations reports whether an issuer may issue 党内法规.
func mayIssuePartyRegulations(issuer string) bool {
	return central(issuer) || provincialRe.MatchString(issuer)
}

// checkIssuer is check 6: a 党内法规 from an issuer that may not issue one,
// or a 党章, 准则 or 条例 from below the Party centre. Jointly issued
// documents pass when one of the issuers qualifies.
func checkIssuer(c *checker, p *site.Page) {
	r := p.Reg()
	if len(r.Issuer) == 0 {
		return
	}
	issuers := strings.Join(r.Issuer, "、")
	if r.System == "党内法规" && !slices.ContainsFunc(r.Issuer, mayIssuePartyRegulations) {
		c.add(p, line(p, "system"), "issuer-form", Error,
			fmt.Sprintf("制定机关“%s”不能制定党内法规：党内法规只能由党中央、中央纪委、党中央工作机关和省级党委制定", issuers),
			"核对文件性质：省直机关工委、部门党组（党委）等制定的文件应归入“党内规范性文件”或“本单位制度”，改正 system")
	}
	switch r.Form {
	case "党章", "准则", "条例":
		if r.System != "国家法律法规" && !slices.ContainsFunc(r.Issuer, partyCentre) {
			c.add(p, line(p, "form"), "issuer-form", Error,
				fmt.Sprintf("名称类别是“%s”，制定机关“%s”却不是党中央：党章、准则、条例只能由党中央制定，中央以下只能使用规则、规定、办法、细则等名称", r.Form, issuers),
				"核对正式文本：名称用错的，按清理结论修改文件名称并改正 form；确为党中央文件的，改正 issuer")
		}
	}
}
