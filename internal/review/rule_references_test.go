package review_test

import (
	"reflect"
	"testing"

	"djkb/internal/review"
)

// dead are a repealed, a void and an amended regulation that others cite.
var dead = map[string]string{
	"repealed.md": reg(`title = "乙办法"
status = "已废止"
superseded_by = "regulations/new.md"
repeal = {decision = "决定", doc_number = "甲〔2023〕9号", date = 2023-06-30}`, "正文"),
	"new.md": reg(`title = "乙实施细则"
status = "现行有效"`, "正文"),
	"void.md": reg(`title = "丙规定"
status = "宣布失效"
repeal = {decision = "决定", doc_number = "甲〔2022〕19号", date = 2022-12-20}`, "正文"),
	"amended.md": reg(`title = "丁制度"
status = "已修改"`, "正文"),
}

func with(files map[string]string, more map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range files {
		out[k] = v
	}
	for k, v := range more {
		out[k] = v
	}
	return out
}

func TestDeadReference(t *testing.T) {
	runRule(t, "dead-reference", []ruleCase{
		{"references 指向已废止、宣布失效、不存在的文件", with(dead, map[string]string{
			"a.md": reg(`title = "甲规则"
status = "现行有效"
references = ["regulations/repealed.md", "regulations/void.md", "regulations/nowhere.md", "甲〔2001〕1号", "regulations/new.md"]`, "正文"),
		}), []string{
			"a.md|warning|references 引用的《乙办法》已废止，由《乙实施细则》替代",
			"a.md|warning|references 引用的《丙规定》已宣布失效",
			"a.md|notice|references 中的“regulations/nowhere.md”在知识库中不存在",
			"a.md|notice|references 中的“甲〔2001〕1号”没有对应的文件",
		}},
		{"正文《》引用，全角半角与空格不影响匹配", with(dead, map[string]string{
			"a.md": reg(`title = "甲规则"
status = "现行有效"`, "第一条　依照《乙办法》和《 丙规定 》制定。\n\n第二条　参照《丁制度》《某某经费管理办法》《习近平谈治国理政》和《乙实施细则》执行。"),
		}), []string{
			"a.md|warning|正文引用的《乙办法》已废止",
			"a.md|warning|正文引用的《丙规定》已宣布失效",
			"a.md|notice|正文引用的《丁制度》只收录了已修改的旧版本",
			"a.md|notice|正文引用的《某某经费管理办法》未收录在知识库中",
		}},
		{"有现行版本的同名引用不算", map[string]string{
			"old.md": reg(`title = "戊条例（2018年修订）"
status = "已修改"
superseded_by = "regulations/cur.md"`, "正文"),
			"cur.md": reg(`title = "戊条例"
status = "现行有效"`, "正文"),
			"a.md": reg(`title = "甲规则"
status = "现行有效"`, "依照《戊条例》，参照《中华人民共和国国防动员法》。"),
		}, []string{"a.md|notice|《中华人民共和国国防动员法》未收录"}},
		{"已废止文件的引用不查", with(dead, map[string]string{
			"a.md": reg(`title = "甲规则"
status = "已废止"
repeal = {decision = "决定"}
references = ["regulations/repealed.md"]`, "依照《乙办法》。"),
		}), nil},
	})
}

func TestDeadReferenceLines(t *testing.T) {
	s := siteOf(t, with(dead, map[string]string{
		"a.md": "+++\ntitle = \"甲规则\"\nstatus = \"现行有效\"\nreferences = [\"regulations/void.md\"]\n+++\n\n第一条　总则。\n\n第二条　依照《乙办法》执行。\n",
	}))
	var got [][2]any
	for _, f := range review.Check(s, review.Options{AsOf: asOf}) {
		if f.Rule == "dead-reference" {
			got = append(got, [2]any{f.Line, f.Anchor})
		}
	}
	want := [][2]any{{4, ""}, {9, "第二条"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("行号与锚点为 %v，应为 %v", got, want)
	}
}

func TestCitations(t *testing.T) {
	got := review.Citations("依照《关于修改〈中华人民共和国国防动员法〉的决定》和《甲规定》，《未闭合，以及《乙办法》。")
	want := []string{"关于修改〈中华人民共和国国防动员法〉的决定", "甲规定", "乙办法"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Citations = %q，应为 %q", got, want)
	}
}
