package compilation_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/compilation"
)

// TestReportCountsMatchDecisions: the report's figures and annexes agree
// with the decisions recorded in the sample's front matter.
func TestReportCountsMatchDecisions(t *testing.T) {
	s := load(t, "../..")
	batch := s.Config.Cleanup.Batch
	rep, err := compilation.NewReport(s, "", compilation.Options{AsOf: sampleAsOf, SiteDir: "../..", Defaults: djkb.Defaults})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, p := range s.Pages {
		if r := p.Reg(); r != nil {
			for _, d := range r.Cleanup {
				if d.Batch == batch {
					want[d.Result]++
				}
			}
		}
	}
	tot := rep.Totals
	if tot.Reviewed != 20 || tot.Repeal != want["废止"] || tot.Void != want["宣布失效"] || tot.Amend != want["修改"] ||
		tot.Revise != want["继续有效但需适时修改"] || tot.Keep != want["继续有效"]+want["继续有效但需适时修改"] {
		t.Errorf("汇总 %+v 与记入的结论 %v 不符", tot, want)
	}
	if tot.Repeal == 0 || tot.Void == 0 || tot.Amend == 0 || tot.Revise == 0 {
		t.Errorf("示例批次应有每一种结论：%+v", tot)
	}
	sum := func(list []compilation.Tally) (n int) {
		for _, t := range list {
			n += t.Reviewed
		}
		return n
	}
	if sum(rep.BySystem) != tot.Reviewed || sum(rep.ByIssuer) != tot.Reviewed {
		t.Errorf("按体系（%d）、按制定机关（%d）的合计应等于清理件数 %d", sum(rep.BySystem), sum(rep.ByIssuer), tot.Reviewed)
	}
	counts := []int{tot.Repeal, tot.Void, tot.Keep}
	for i, a := range rep.Annexes {
		if len(a.Rows) != counts[i] {
			t.Errorf("附件%d 有 %d 行，应为 %d", a.Number, len(a.Rows), counts[i])
		}
		for j, r := range a.Rows {
			if r.No != j+1 {
				t.Errorf("附件%d 第 %d 行序号为 %d", a.Number, j+1, r.No)
			}
			if j > 0 {
				prev := a.Rows[j-1]
				if prev.System == r.System && !prev.Issued.IsZero() && r.Issued.Before(prev.Issued) {
					t.Errorf("附件%d 同一体系内应按印发日期排列：%s 在 %s 之后", a.Number, r.Title, prev.Title)
				}
			}
		}
	}
	var html, js bytes.Buffer
	if err := rep.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2026年度集中清理情况报告", "附件1", "决定废止的文件目录", "附件2", "决定宣布失效的文件目录", "附件3", "需适时修改", "不适应新形势", "东统党组〔2026〕21号"} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("报告 HTML 中没有“%s”", want)
		}
	}
	rep.WriteJSON(&js)
	var back struct {
		Totals  map[string]int `json:"totals"`
		Annexes []struct {
			Rows []json.RawMessage `json:"rows"`
		} `json:"annexes"`
	}
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Totals["repeal"] != tot.Repeal || len(back.Annexes) != 3 {
		t.Errorf("JSON 不对：%v %s", err, js.String())
	}
	if _, err := compilation.NewReport(s, "没有的批次", compilation.Options{}); err == nil || !strings.Contains(err.Error(), "还没有文件记入") {
		t.Errorf("没有结论的批次应报错：%v", err)
	}
}
