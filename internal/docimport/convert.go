package docimport

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"djkb/internal/content"
)

// The pandoc filters, written to a temporary folder for each run.
var (
	//go:embed filter.lua
	filterLua []byte
	//go:embed title.lua
	titleLua []byte
)

// ErrNoPandoc says that pandoc, which reads Word and HTML files, is missing.
var ErrNoPandoc = errors.New("没有找到 pandoc（读取 Word 和网页文件要用它）：请先安装，如 sudo apt-get install pandoc")

// pandocTimeout bounds one conversion, so that a broken file cannot hang
// the import of a folder.
const pandocTimeout = 2 * time.Minute

// converted is a document read into Markdown, with the images it holds.
type converted struct {
	markdown string
	images   []string // files to put beside the page, by their names in markdown
	tables   int      // tables made simple: merged cells or paragraphs in a cell
	html     bool     // images are paths relative to the input file's folder
	tmp      string   // a folder to remove once the page is written
}

// formats maps the file extensions djkb import reads to pandoc's readers;
// "" is plain text, which needs no pandoc.
var formats = map[string]string{".docx": "docx", ".odt": "odt", ".html": "html", ".htm": "html", ".txt": ""}

// unsupported explains the formats editors meet that cannot be read.
var unsupported = map[string]string{
	".doc":  "这是旧版 Word 文件（.doc），无法直接导入：请用 Word 或 WPS 打开，“另存为”Word 文档（.docx）后再导入",
	".wps":  "这是 WPS 文字文件（.wps），无法直接导入：请用 WPS 打开，“另存为”Word 文档（.docx）后再导入",
	".rtf":  "RTF 文件无法直接导入：请用 Word 或 WPS 打开，“另存为”Word 文档（.docx）后再导入",
	".pdf":  "PDF 文件无法导入：请找到原始的 Word 文件，或复制文字另存为 .txt 后再导入",
	".ofd":  "OFD 版式文件无法导入：请找到原始的 Word 文件，或复制文字另存为 .txt 后再导入",
	".xlsx": "表格文件无法导入：请把内容放进 Word 文档（.docx）后再导入",
	".xls":  "表格文件无法导入：请把内容放进 Word 文档（.docx）后再导入",
}

// pandocPath finds pandoc, or returns ErrNoPandoc.
func pandocPath() (string, error) {
	p, err := exec.LookPath("pandoc")
	if err != nil {
		return "", ErrNoPandoc
	}
	return p, nil
}

// runPandoc converts a Word or HTML file to GitHub-flavoured Markdown, the
// dialect the site's Markdown reads, with no raw HTML (the site would drop
// it). pandoc runs in its sandbox, which reads nothing but the file. Word
// files have their images extracted into tmp; HTML files do not, as that
// would fetch images from the network: the caller copies their local ones.
func runPandoc(pandoc, file, format, tmp string) (*converted, error) {
	filter := filepath.Join(tmp, "filter.lua")
	title := filepath.Join(tmp, "title.lua")
	if err := os.WriteFile(filter, filterLua, 0o600); err != nil {
		return nil, err
	}
	if err := os.WriteFile(title, titleLua, 0o600); err != nil {
		return nil, err
	}
	media := filepath.Join(tmp, "media")
	if format == "html" {
		format = "html-native_divs-native_spans" // a page's layout is no part of the text
	}
	args := []string{"-f", format, "-t", "gfm-raw_html", "--wrap=none", "--sandbox", "--lua-filter=" + filter}
	if !strings.HasPrefix(format, "html") {
		args = append(args, "--lua-filter="+title, "--extract-media="+media)
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), pandocTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, pandoc, append(args, "--", abs)...)
	cmd.Dir = tmp
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, errors.New("pandoc 转换超时：文件可能已损坏，请用 Word 或 WPS 打开后重新保存")
		}
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return nil, fmt.Errorf("pandoc 无法读取该文件（%s）：文件可能已损坏或不是它的扩展名所说的格式，请用 Word 或 WPS 打开后另存为 .docx", msg)
	}
	c := &converted{markdown: stdout.String(), tables: strings.Count(stderr.String(), "djkb:table"), html: strings.HasPrefix(format, "html")}
	for _, m := range imageDestRe.FindAllStringSubmatch(c.markdown, -1) {
		c.images = append(c.images, m[2])
	}
	return c, nil
}

// imageDestRe finds the destination of each image pandoc wrote.
var imageDestRe = regexp.MustCompile(`!\[([^\]]*)\]\(<?([^)>\s]+)>?(?:\s+"[^"]*")?\)`)

// readText reads a plain-text file in UTF-8, UTF-16 or GBK/GB18030, as
// content files are read, into Markdown: each line a paragraph, unless the
// file breaks its paragraphs over lines and separates them by blank lines.
func readText(data []byte) (*converted, string, error) {
	text, warning, line, msg := content.DecodeText(data)
	if msg != "" {
		return nil, "", fmt.Errorf("第 %d 行：%s", line, msg)
	}
	var lines []string
	for _, l := range strings.Split(string(text), "\n") {
		lines = append(lines, strings.Trim(l, spaces))
	}
	wrapped := wrappedParagraphs(lines)
	var blocks []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			blocks = append(blocks, escapeText(cur.String()))
			cur.Reset()
		}
	}
	for _, l := range lines {
		if l == "" || !wrapped || enumRe.MatchString(l) || parenthesised(l) {
			flush()
		}
		cur.WriteString(l)
	}
	flush()
	return &converted{markdown: strings.Join(blocks, "\n\n")}, warning, nil
}

// wrappedParagraphs reports whether text breaks its paragraphs over several
// lines and separates them by blank lines: lines that go on in the next line
// are not many more than the breaks between paragraphs.
func wrappedParagraphs(lines []string) bool {
	goOn, breaks := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		switch {
		case lines[i] == "":
		case lines[i+1] != "":
			goOn++
		case i+2 < len(lines) && lines[i+2] != "":
			breaks++
		}
	}
	return breaks > 0 && goOn > 0 && goOn <= 2*breaks
}

// escapeText escapes what Markdown would read as markup in a line of plain
// text: marks at its start that make a heading, quote, list or table, and
// characters that make emphasis, links, code or HTML anywhere.
func escapeText(s string) string {
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune("\\`*_[]<>|", r) || i == 0 && strings.ContainsRune("#>+-=~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if m := listStartRe.FindStringIndex(out); m != nil {
		out = out[:m[1]-1] + "\\" + out[m[1]-1:]
	}
	return out
}

// listStartRe finds "1." or "1)" that would start an ordered list.
var listStartRe = regexp.MustCompile(`^[0-9]{1,9}[.)]`)

// blocks splits Markdown at its blank lines.
func blocks(md string) []string {
	var out []string
	for _, b := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n\n") {
		if b = strings.Trim(b, "\n"); strings.TrimSpace(b) != "" {
			out = append(out, b)
		}
	}
	return out
}
