package review

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// trialRe finds （试行） or （暂行） in a title, full- or half-width.
var trialRe = regexp.MustCompile(`[（(]\s*(试行|暂行)\s*[)）]`)

// TitleTrial returns "试行" or "暂行" when the title carries that marker,
// else "".
func TitleTrial(title string) string {
	if m := trialRe.FindStringSubmatch(title); m != nil {
		return m[1]
	}
	return ""
}

// citationSuffixes end the titles of rules and laws. A 《…》 citation whose
// title ends otherwise (a book, a newspaper) is not a document to check.
var citationSuffixes = []string{"章程", "准则", "条例", "规则", "规定", "办法", "细则", "法", "意见", "通知", "决定", "制度",
	"规范", "指引", "纲要", "方案", "规划", "标准", "守则", "解释", "批复", "决议", "指南", "清单"}

// looksLikeRule reports whether a cited title names a rule or law.
func looksLikeRule(key string) bool {
	for _, s := range citationSuffixes {
		if strings.HasSuffix(key, s) {
			return true
		}
	}
	return false
}

// Citations returns the 《…》 titles cited in text, in order; nested
// 〈…〉 marks stay part of the title, and a stray 《 is skipped. Titles
// longer than 100 characters are taken for stray marks too.
func Citations(text string) []string {
	var out []string
	for {
		j := strings.Index(text, "》")
		if j < 0 {
			return out
		}
		if i := strings.LastIndex(text[:j], "《"); i >= 0 {
			if t := strings.TrimSpace(text[i+len("《") : j]); t != "" && utf8.RuneCountInString(t) <= 100 {
				out = append(out, t)
			}
		}
		text = text[j+len("》"):]
	}
}
