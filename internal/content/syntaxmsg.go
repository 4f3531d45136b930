package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// The TOML and YAML parsers word their errors in English for programmers.
// An editor gets each one in Chinese, saying what to write instead; a
// message not known here gets the general advice, never the English.

// syntaxRule turns a parser message that matches re into Chinese; m holds
// the submatches.
type syntaxRule struct {
	re  *regexp.Regexp
	msg func(m []string) string
}

func rule(re, msg string) syntaxRule {
	return syntaxRule{regexp.MustCompile(re), func([]string) string { return msg }}
}

const (
	genericMessage = "这一行不符合元数据的写法。每行写一个“键名 = 值”：文字加英文双引号，如“title = \"……\"”；日期写成“2026-03-01”；列表写成“tags = [\"甲\", \"乙\"]”"
	quoteAdvice    = "文字要用英文双引号括起，开头和结尾各一个，写在同一行，如“title = \"……\"”；文字中本身有双引号时，请改用中文引号“”"
	listAdvice     = "列表的各项之间用英文逗号分隔，整个列表以“]”结束，如“tags = [\"甲\", \"乙\"]”；请检查这一行及上面几行的方括号是否成对"
	tableAdvice    = "花括号中的各项用英文逗号分隔，写在同一行，并以“}”结束，如“history = [{date = 2020-07-01, event = \"印发\"}]”"
	keyAdvice      = "每行写一个“键名 = 值”，键名之后是英文等号，如“title = \"……\"”；键名只用英文字母、数字、下划线和连字符，中文或带空格的文字应写在等号右边并加引号"
	numberAdvice   = "数字写法不对：年份等数字只写阿拉伯数字，如“year = 2024”；如果这是一段文字，请加上英文双引号"
)

var tomlRules = []syntaxRule{
	{regexp.MustCompile(`^invalid datetime: "(.*)"`), func(m []string) string { return dateMessage(m[1]) }},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got '(.*)' instead`), func(m []string) string {
		return fmt.Sprintf("值的后面还有多余的内容“%s”。每个键单独占一行，请把它移到下一行；如果它是这段文字的一部分，请把整段文字放在一对英文双引号中", m[1])
	}},
	rule(`^(unexpected EOF; expected ['"]{1,3}|strings cannot contain newlines)`, "引号没有结束。"+quoteAdvice),
	rule(`^unexpected ('""""""'|"''''''")`, "引号太多。"+quoteAdvice),
	rule(`^(unexpected EOF; expected value|expected value but found)`, "等号右边的值写法不对："+quoteAdvice+"；日期写成“2026-03-01”，不加引号；列表写成“tags = [\"甲\", \"乙\"]”"),
	rule(`^(expected a comma \(','\) or array terminator|unexpected comma)`, listAdvice),
	rule(`^(expected a comma or an inline table terminator|newlines not allowed within inline tables)`, tableAdvice),
	rule(`^(expected '\.' or '=', but got|unexpected EOF; expected key separator|unexpected '='|unexpected '\.'|unexpected '=': key name appears blank)`, keyAdvice),
	rule(`^(expected end of table array name|unexpected end of table name|unexpected table separator|expected '\.' or '\]' to end table name)`, "方括号中的表名写法不对：请写成“[digest]”这样，方括号成对、中间是英文键名；一般的字段不需要方括号，写成“键名 = 值”即可"),
	rule(`^(invalid escape in string|expected (two|four|eight) hexadecimal digits after)`, "双引号中的反斜杠“\\”后面跟了不认识的字符：反斜杠本身请写成两个“\\\\”，或把双引号换成英文单引号"),
	rule(`^(invalid float|Invalid (integer|float)|floats must start|cannot use sign|expected a digit|not a (binary|octal|hexadecimal) number|.* is out of range for)`, numberAdvice),
	{regexp.MustCompile(`^Key '(.*)' (has already been defined|was already created)`), func(m []string) string {
		return fmt.Sprintf("键“%s”写了不止一次：请删去多余的一行，或把它们合并成一行", m[1])
	}},
	{regexp.MustCompile(`^"(.*)" is not a table`), func(m []string) string {
		return fmt.Sprintf("“%s”前面已写成一个值，不能再当作表使用：请删去多余的一行", m[1])
	}},
	rule(`control characters`, "这一行含有看不见的控制字符（可能是从别处复制来的）：请删去这一行重新输入"),
	rule(`^(invalid UTF-8|files cannot contain NULL)`, "这一行含有无法识别的字符：请把文件另存为 UTF-8 编码后重新输入这一行"),
}

var yamlRules = []syntaxRule{
	rule(`mapping values are not allowed|could not find expected ':'`, "冒号的位置不对：每行写一个“键名: 值”，冒号后面空一格；值中本身含有冒号时，请把值放在英文双引号中，如“title: \"……\"”"),
	rule(`did not find expected key|did not find expected '-' indicator|block sequence entries are not allowed`, "缩进不对齐：同一层的键要从同一列开始，列表的每一项以“- ”开头并比上一级多缩进两个空格"),
	rule(`found a tab character`, "缩进中有制表符（Tab）：YAML 只能用空格缩进，请把 Tab 换成两个空格"),
	rule(`did not find expected ',' or '\]'`, "方括号中的列表没有结束：各项用英文逗号分隔，以“]”结束，如“tags: [甲, 乙]”"),
	rule(`did not find expected ',' or '\}'`, "花括号没有结束：各项用英文逗号分隔，以“}”结束"),
	rule(`found unexpected end of stream|while scanning a quoted scalar`, "引号没有结束：文字开头和结尾的引号要成对，如“title: \"……\"”"),
	rule(`found character that cannot start any token|did not find expected node content|found undefined tag handle|found unexpected non-alphabetical|did not find expected alphabetic`, "这一行的值以 YAML 不接受的符号开头（如 @、`、%、!、&、*）：请把整个值放在英文双引号中，如“title: \"……\"”"),
	{regexp.MustCompile(`mapping key "(.*)" already defined`), func(m []string) string {
		return fmt.Sprintf("键“%s”写了不止一次：请删去多余的一行", m[1])
	}},
	{regexp.MustCompile(`unknown anchor '(.*)' referenced`), func(m []string) string {
		return fmt.Sprintf("引用了不存在的锚点“*%s”：请删去这个引用，直接写出值", m[1])
	}},
	rule(`value contains itself|excessive aliasing`, "锚点（&）和引用（*）互相套用：请删去引用，直接写出值"),
	rule(`invalid map key`, "键名不能是列表或表：请写成“键名: 值”"),
	rule(`cannot unmarshal`, "元数据应由“键名: 值”这样的行组成，键名之后是英文冒号和一个空格，如“title: 甲”"),
	rule(`control characters are not allowed|incorrect (leading|trailing) UTF-8`, "这一行含有无法识别的字符：请删去这一行重新输入"),
}

// translate returns the Chinese message of the first rule matching msg.
func translate(rules []syntaxRule, msg string) string {
	for _, r := range rules {
		if m := r.re.FindStringSubmatch(msg); m != nil {
			return r.msg(m)
		}
	}
	return genericMessage
}

// tomlMessage is the Chinese message for a TOML error on line (the text of
// the line the parser names), with a hint when the line holds Chinese
// punctuation where TOML needs ASCII.
func tomlMessage(pe toml.ParseError, block []byte) string {
	msg := pe.Message
	if start := pe.Position.Start; strings.HasPrefix(msg, "expected a top-level item to end") && start >= 0 && start < len(block) {
		// Name all that follows the value, not just its first character.
		rest := block[start:lineEnd(block, start)]
		msg = fmt.Sprintf("expected a top-level item to end with a newline, comment, or EOF, but got '%s' instead", clipRunes(string(bytes.TrimSpace(rest)), 20))
	}
	return translate(tomlRules, msg) + punctuationHint(lineOf(block, pe.Position.Line))
}

// clipRunes shortens s to n characters.
func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "……"
	}
	return s
}

func yamlMessage(err error, line []byte) string {
	if bytes.HasPrefix(bytes.TrimLeft(line, " "), []byte{'\t'}) {
		return "缩进中有制表符（Tab）：YAML 只能用空格缩进，请把 Tab 换成两个空格"
	}
	return translate(yamlRules, err.Error()) + punctuationHint(line)
}

// fullWidth maps the Chinese punctuation an editor types by habit to what
// the front matter needs.
var fullWidth = []struct{ cn, ascii string }{
	{"＝", "="}, {"：", ":"}, {"“", `"`}, {"”", `"`}, {"，", ","}, {"【", "["}, {"】", "]"}, {"［", "["}, {"］", "]"},
}

func punctuationHint(line []byte) string {
	// Inside a quoted value Chinese punctuation is text; only what stands
	// outside the quotes can be meant as syntax.
	outside := quotedRe.ReplaceAll(line, nil)
	for _, p := range fullWidth {
		if bytes.Contains(outside, []byte(p.cn)) {
			return fmt.Sprintf("。这一行有中文标点“%s”：在引号之外请改用英文的“%s”", p.cn, p.ascii)
		}
	}
	return ""
}

var quotedRe = regexp.MustCompile(`"[^"]*"|'[^']*'`)

var tomlDateRe = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})`)

// dateMessage explains why s is not a date: a day the month does not have,
// or a form TOML does not read.
func dateMessage(s string) string {
	m := tomlDateRe.FindStringSubmatch(s)
	if m == nil {
		return fmt.Sprintf("日期“%s”写法不对：请写成“2026-03-01”这样的 年-月-日，月和日各两位，不加引号", s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	switch {
	case mo < 1 || mo > 12:
		return fmt.Sprintf("日期“%s”不存在：月份只能是 01 到 12，请改为实际的日期", s)
	case d < 1 || d > daysIn(y, mo):
		return fmt.Sprintf("日期“%s”不存在：%d年%d月只有 %d 天，请改为实际的日期", s, y, mo, daysIn(y, mo))
	case len(m[2]) < 2 || len(m[3]) < 2:
		return fmt.Sprintf("日期“%s”写法不对：月和日要写两位，如“%04d-%02d-%02d”", s, y, mo, d)
	}
	return fmt.Sprintf("日期“%s”写法不对：请写成“2026-03-01”这样的 年-月-日，不加引号；需要时间时写成“2026-03-01 09:30:00”", s)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
