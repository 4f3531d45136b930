package compilation

import (
	"html/template"
	"strings"
	"testing"
)

// testDigest has two systems: g1 with subgroups of 3 and 1 items, g2 with 2.
func testDigest() *Digest {
	d := &Digest{}
	n := 0
	item := func() *Item {
		n++
		size := 1000
		if n <= 3 {
			size = 1200
		}
		return &Item{ID: "d" + itoa(n), Body: template.HTML(strings.Repeat("文", size))}
	}
	d.Groups = []*Group{
		{ID: "g1", Subgroups: []*Subgroup{{ID: "g1-1", Items: []*Item{item(), item(), item()}}, {ID: "g1-2", Items: []*Item{item()}}}},
		{ID: "g2", Subgroups: []*Subgroup{{ID: "g2-1", Items: []*Item{item(), item()}}}},
	}
	for _, g := range d.Groups {
		for _, sg := range g.Subgroups {
			d.Items = append(d.Items, sg.Items...)
		}
	}
	d.Appendix = []*Appendix{{ID: "a1", Rows: [][]Cell{{{Text: "1"}, {Text: "x", Link: "#d2"}}}}}
	return d
}

func TestSplitBody(t *testing.T) {
	d := testDigest()
	chunks := d.splitBody(2)
	d.planChunks(chunks)
	if len(chunks) != 2 || !chunks[1].appendix || chunks[0].appendix {
		t.Fatalf("应分为两段，附录在后一段：%d", len(chunks))
	}
	describe := func(c *chunk) string {
		var b strings.Builder
		for _, g := range c.groups {
			b.WriteString(g.ID)
			if g.Continued {
				b.WriteString("+")
			}
			for _, sg := range g.Subgroups {
				b.WriteString(" " + sg.ID)
				if sg.Continued {
					b.WriteString("+")
				}
				for _, it := range sg.Items {
					b.WriteString(" " + it.ID)
				}
			}
			b.WriteString(";")
		}
		return b.String()
	}
	if got := describe(chunks[0]) + "|" + describe(chunks[1]); got != "g1 g1-1 d1 d2 d3;|g1+ g1-2 d4;g2 g2-1 d5 d6;" {
		t.Errorf("分段为 %s", got)
	}
	if got := strings.Join(chunks[1].owns, " "); got != "g1-2 d4 g2 g2-1 d5 d6 a1" {
		t.Errorf("后一段持有 %s", got)
	}
	if got := strings.Join(chunks[1].links, " "); got != "d2" {
		t.Errorf("后一段链接到 %s", got)
	}
	if n := len(d.splitBody(10)); n > len(d.Items) {
		t.Errorf("段数不应多于文件数：%d", n)
	}
}

func TestPartAnchors(t *testing.T) {
	owner := map[string]int{"notes": 0, "d1": 1, "d2": 2}
	got := string(partAnchors(1, []string{"d1", "g1"}, []string{"d2-第三条", "d1-第一条", "d2-第三条"}, owner, map[string]bool{"d1": true}))
	want := `<div class="print-anchors" aria-hidden="true"><a href="#d1">.</a><span id="d2-第三条"></span></div>`
	if got != want {
		t.Errorf("partAnchors =\n%s\n应为\n%s", got, want)
	}
}

func TestRunCount(t *testing.T) {
	d := testDigest() // six short items: one run
	if n := d.runCount(2); n != 1 {
		t.Errorf("短汇编应一次打印，得到 %d 段", n)
	}
	for _, it := range d.Items[:3] { // 3 MB: three runs of at least minRun
		it.Body = template.HTML(strings.Repeat("x", minRun))
	}
	if n := d.runCount(2); n != 3 {
		t.Errorf("3 MB 的正文应分 3 段，得到 %d 段", n)
	}
	if n := d.runCount(1); n != 2 {
		t.Errorf("单核时最多分 2 段，得到 %d 段", n)
	}
	for _, it := range d.Items { // 6 × 4 MB: runs of about targetRun, whatever the cores
		it.Body = template.HTML(strings.Repeat("x", 4<<20))
	}
	if n := d.runCount(2); n != 9 {
		t.Errorf("24 MB 的正文应分 9 段（每段约 2.5 MB），得到 %d 段", n)
	}
	d.opts.PrintRuns = 5
	if n := d.runCount(2); n != 5 {
		t.Errorf("PrintRuns 应优先，得到 %d 段", n)
	}
}
