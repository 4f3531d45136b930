package review

// Rule describes one clean-up check. Check is its number in the domain
// notes (1–8); Severity is the usual severity of its findings, some of which
// may be milder (a reference to an unknown document is only a notice).
type Rule struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Check    int      `json:"check"`
	Severity Severity `json:"severity"`
	Meaning  string   `json:"meaning"`
}

// Rules lists the checks in report order.
var Rules = []Rule{
	{"trial-expired", "试行期满未清理", 1, Error,
		"试行、暂行文件自施行起已超过最长试行期限（有效期更短的以有效期为准），期满后没有新的清理结论"},
	{"trial-title", "标题与试行标记不一致", 2, Warning,
		"标题带“（试行）”“（暂行）”而 trial 不是同一标记，或 trial 为试行、暂行而标题没有"},
	{"replaced-in-force", "已被替代仍标注现行有效", 3, Error,
		"已有文件替代它（supersedes、superseded_by）、已有废止依据（repeal），或有更新的同名文件，状态却仍是现行有效"},
	{"dead-reference", "引用已失效或未收录的文件", 4, Warning,
		"references 或正文《》引用的文件已废止、宣布失效（警告），只剩已修改的旧版本或未收录在知识库中（提示）"},
	{"impossible-dates", "日期矛盾", 5, Error,
		"施行日期早于印发日期；尚未到施行日期却标注现行有效；已到施行日期仍标注尚未施行（警告）；有效期已届满仍标注现行有效"},
	{"issuer-form", "制定机关与名称类别不符", 6, Error,
		"党内法规的制定机关不是党中央、中央纪委、党中央工作机关或省级党委；条例、准则、党章不是由党中央制定"},
	{"paperwork-missing", "清理依据不全", 7, Warning,
		"已废止、宣布失效而无废止依据（repeal）；已修改而无 superseded_by；缺少文号、制定机关、印发日期或效力状态"},
	{"review-overdue", "超期未清理", 8, Warning,
		"距最近一次清理结论（没有结论的自印发日期起）已超过清理间隔"},
	{"filing-due", "备案审查未完成", 9, Error,
		"本单位印发的党内规范性文件、制度超过报备期限仍无报备记录；审查结论为纠正而未记入纠正完成情况；结论为撤销仍标注现行有效"},
}

// RuleByID returns the rule with that id, or a zero Rule.
func RuleByID(id string) Rule {
	for _, r := range Rules {
		if r.ID == id {
			return r
		}
	}
	return Rule{ID: id, Name: id}
}

func ruleIndex(id string) int {
	for i, r := range Rules {
		if r.ID == id {
			return i
		}
	}
	return len(Rules)
}
