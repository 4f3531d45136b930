package review_test

import (
	"testing"

	"djkb/internal/review"
)

// TestChecklistFindings: each finding lands under the aspect it bears on.
func TestChecklistFindings(t *testing.T) {
	s := loadSample(t)
	opts := review.OptionsFor(s.Config, review.ContentDate(s))
	all := review.Checklists(s, nil, opts)
	if len(all) != 6 {
		t.Errorf("需要报备的文件有 %d 份，应为 6 份", len(all))
	}
	lists := review.Checklists(s, []string{"regulations/本单位制度/东江省统计局机关党组织换届选举工作办法.md"}, opts)
	if len(lists) != 1 || len(lists[0].Aspects) != 4 {
		t.Fatalf("审查表不对：%+v", lists)
	}
	got := map[string][]string{}
	for _, a := range lists[0].Aspects {
		if len(a.Questions) < 3 {
			t.Errorf("%s只有 %d 个审查事项", a.Name, len(a.Questions))
		}
		for _, f := range a.Findings {
			got[a.Name] = append(got[a.Name], f.Rule)
		}
	}
	if len(got) != 1 || len(got["规范性"]) != 2 {
		t.Errorf("自动检查的结果应都在规范性下（日期矛盾、报备超期）：%v", got)
	}
}
