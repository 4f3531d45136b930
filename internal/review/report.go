package review

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
)

// Counts tallies findings by severity.
type Counts struct {
	Errors, Warnings, Notices int
}

// Count tallies the findings.
func Count(findings []Finding) Counts {
	var c Counts
	for _, f := range findings {
		switch f.Severity {
		case Error:
			c.Errors++
		case Warning:
			c.Warnings++
		default:
			c.Notices++
		}
	}
	return c
}

// Group is the findings of one rule.
type Group struct {
	Rule     Rule
	Findings []Finding
	More     int // findings left out of Findings (on the site page), else 0
}

// GroupByRule splits findings, as Check orders them, into one group per
// rule that found something, in rule order.
func GroupByRule(findings []Finding) []Group {
	var out []Group
	for _, f := range findings {
		if len(out) == 0 || out[len(out)-1].Rule.ID != f.Rule {
			out = append(out, Group{Rule: RuleByID(f.Rule)})
		}
		g := &out[len(out)-1]
		g.Findings = append(g.Findings, f)
	}
	return out
}

// WriteText writes the readable report: one block per rule with each
// finding's file and line, what is wrong and what to do, then the rules
// that found nothing and a summary line. checked is the number of
// regulations checked.
func WriteText(w io.Writer, findings []Finding, opts Options, checked int) error {
	fmt.Fprintf(w, "法规制度清理报告（截至%s；试行期限 %d 年，清理间隔 %d 年）\n", date(opts.AsOf), opts.TrialYears, opts.ReviewYears)
	groups := GroupByRule(findings)
	found := map[string]bool{}
	for _, g := range groups {
		found[g.Rule.ID] = true
		fmt.Fprintf(w, "\n■ %d. %s（%s）：%d 处\n", g.Rule.Check, g.Rule.Name, g.Rule.ID, len(g.Findings))
		for _, f := range g.Findings {
			loc := path.Join("content", f.Path)
			if f.Line > 0 {
				loc = fmt.Sprintf("%s:%d", loc, f.Line)
			}
			fmt.Fprintf(w, "  %s  [%s]\n    问题：%s\n    处理：%s\n", loc, f.Severity.Label(), f.Message, f.Action)
		}
	}
	var clean []string
	for _, r := range Rules {
		if !found[r.ID] {
			clean = append(clean, fmt.Sprintf("%d. %s", r.Check, r.Name))
		}
	}
	if len(clean) > 0 {
		fmt.Fprintf(w, "\n未发现问题的规则：")
		for i, c := range clean {
			if i > 0 {
				fmt.Fprint(w, "；")
			}
			fmt.Fprint(w, c)
		}
		fmt.Fprintln(w)
	}
	n := Count(findings)
	_, err := fmt.Fprintf(w, "\n共检查 %d 份法规制度，发现 %d 个错误、%d 条警告、%d 条提示。\n", checked, n.Errors, n.Warnings, n.Notices)
	return err
}

// WriteJSON writes the findings as an indented JSON array ("[]" for none).
func WriteJSON(w io.Writer, findings []Finding) error {
	if findings == nil {
		findings = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(findings)
}

// WritePending writes what the current batch has still to decide, with
// each document's findings and the suggested outcome.
func WritePending(w io.Writer, pending []Pending, prog Progress) {
	if prog.Batch == "" {
		return
	}
	fmt.Fprintf(w, "\n本次清理“%s”：已作出结论 %d 件，共 %d 件，尚待作出结论 %d 件。\n", prog.Batch, prog.Decided, prog.Total, len(pending))
	for _, p := range pending {
		fmt.Fprintf(w, "  content/%s:%d  %s\n", p.Path, p.Line, p.Title)
		for _, f := range p.Findings {
			fmt.Fprintf(w, "    · %s：%s\n", f.RuleName, f.Message)
		}
		g := ""
		if p.Suggest.Ground != "" {
			g = " --ground " + p.Suggest.Ground
		}
		fmt.Fprintf(w, "    建议：%s%s（%s）\n    记入：djkb cleanup decide content/%s %s%s --note \"…\"\n",
			p.Suggest.Result, groundPhrase(p.Suggest.Ground), p.Suggest.Why, p.Path, p.Suggest.Result, g)
	}
}

func groundPhrase(g string) string {
	if g == "" {
		return ""
	}
	return "，理由：" + g
}

// WriteFilingDue writes the 备案审查 list: documents to file and
// corrections to follow up.
func WriteFilingDue(w io.Writer, tasks []FilingTask) {
	if len(tasks) == 0 {
		return
	}
	fmt.Fprintf(w, "\n备案审查待办 %d 件：\n", len(tasks))
	for _, t := range tasks {
		state := "期限" + date(t.Due)
		if t.Overdue {
			state = "已超期（期限" + date(t.Due) + "）"
		}
		if t.Task == "纠正" {
			state = "审查结论为纠正，尚未记入纠正完成情况"
		}
		fmt.Fprintf(w, "  content/%s  %s  %s：%s\n", t.Path, t.Title, t.Task, state)
	}
}
