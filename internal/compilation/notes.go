package compilation

import (
	"fmt"
	"slices"
	"strings"
)

// notes writes the 编辑说明: scope, cut-off date, order, where the
// statuses come from, the clean-up batch, and site.toml's own notes.
func notes(d *Digest) []string {
	unit := strings.TrimSuffix(strings.TrimSpace(d.Unit), " 编")
	unit = strings.TrimSuffix(unit, "编")
	var systems []string
	presumed := 0
	for _, g := range d.Groups {
		systems = append(systems, g.Title)
	}
	for _, it := range d.Items {
		if it.Presumed {
			presumed++
		}
	}
	inForce := "现行有效"
	if !sameSet(d.opts.Statuses, DefaultStatuses) || len(d.opts.Paths) > 0 {
		inForce = ""
	}
	scope := fmt.Sprintf("本汇编收录%s%s法规制度共 %d 件，截至%s", unitPhrase(unit), inForce, len(d.Items), chineseDate(d.AsOf))
	if len(systems) > 0 {
		var parts []string
		for _, g := range d.Groups {
			n := 0
			for _, sg := range g.Subgroups {
				n += len(sg.Items)
			}
			parts = append(parts, fmt.Sprintf("%s %d 件", g.Title, n))
		}
		scope += "，分为" + strings.Join(systems, "、") + " " + itoa(len(systems)) + " 编（" + strings.Join(parts, "，") + "）"
	}
	out := []string{scope + "。"}
	if f := filterPhrase(d.opts); f != "" {
		out = append(out, f)
	}
	out = append(out,
		"全书按体系分编。党内法规编先列党章，再按党的组织法规、党的领导法规、党的自身建设法规、党的监督保障法规四个板块分类；其他各编按名称类别分类。同一类中按位阶（党章、准则、条例、规定、办法、规则、细则）排列，位阶相同的按印发日期先后排列。每份文件另起一页，标题下以题注注明审议、发布和修订情况，再注明文号、制定机关、印发日期和施行日期，并列出修订沿革。文件之间的引用可在电子版中直接跳转。",
		"各文件文本录自"+sourcePhrase(d)+"，与正式印发的文本核对；题注依据文件记载的印发日期、制定机关和修订沿革编写。")
	status := "各文件的效力状态依据文件记载的效力状态和历次清理结论"
	if d.Batch != "" {
		status += "，最近一次清理为“" + d.Batch + "”"
	}
	status += "；已废止、宣布失效和已修改的文件不收入正文，列入附录。"
	if presumed > 0 {
		status += fmt.Sprintf("其中 %d 件文件未标注效力状态，按现行有效收录，并在文件信息中注明，有待清理时核实。", presumed)
	}
	out = append(out, status)
	var apps []string
	for _, a := range d.Appendix {
		apps = append(apps, "附录"+a.Number+"“"+a.Title+"”")
	}
	if len(apps) > 0 {
		out = append(out, "书末附有"+strings.Join(apps, "、")+"。")
	}
	if n := strings.TrimSpace(d.site.Config.Digest.Notes); n != "" {
		out = append(out, n)
	}
	out = append(out, "本汇编为内部资料，仅供学习和工作参考；引用时以正式印发的文本为准。")
	return out
}

func unitPhrase(unit string) string {
	if unit == "" {
		return ""
	}
	return unit + "适用的"
}

// filterPhrase describes a selection narrower than the default.
func filterPhrase(o Options) string {
	if len(o.Paths) > 0 {
		return "本汇编为选编，只收录清单列出的文件；其中已废止、已修改的文件照录，并在文件信息中注明效力状态。"
	}
	var parts []string
	if len(o.Systems) > 0 {
		parts = append(parts, "体系为"+strings.Join(o.Systems, "、"))
	}
	if len(o.Tags) > 0 {
		parts = append(parts, "专题为"+strings.Join(o.Tags, "、"))
	}
	if !sameSet(o.Statuses, DefaultStatuses) {
		parts = append(parts, "效力状态为"+strings.Join(o.Statuses, "、"))
	}
	if len(parts) == 0 {
		return ""
	}
	return "本汇编只收录" + strings.Join(parts, "，") + "的文件。"
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, s := range a {
		if !slices.Contains(b, s) {
			return false
		}
	}
	return true
}

// sourcePhrase names where the texts come from: site.toml [digest]
// source, else the knowledge base itself.
func sourcePhrase(d *Digest) string {
	if src := strings.TrimSpace(d.site.Config.Digest.Source); src != "" {
		return src
	}
	return "“" + d.site.Config.Title + "”收录的文件"
}
