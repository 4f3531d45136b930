// Package docimport turns documents editors receive — Word (.docx, WPS
// saved as .docx), HTML and plain text in UTF-8 or GBK — into Markdown
// pages of a site, for djkb import. pandoc reads Word and HTML; the
// recogniser (recognise.go) finds the title, 文号, 制定机关 and dates of a
// 红头文件 and its 题注, and writes 编, 章, 节 and 第X条 as the site's
// regulations are written, so that article anchors work. It never
// overwrites a file, and lists per file what it could not read.
package docimport

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/scaffold"
)

// Request says what to import and where to.
type Request struct {
	SiteDir string
	Kind    string   // regulation (the default), case or brand
	Section string   // optional sub-folder below the kind's folder, e.g. 党内法规
	Paths   []string // files and folders; a folder's supported files are all imported
}

// Result is what became of one input file.
type Result struct {
	Input  string            // as given or found in a given folder
	Output string            // the page written, relative to the site folder; "" when none
	Images []string          // images written beside the page, relative to the site folder
	Diags  []diag.Diagnostic // what to check, or why nothing was written
}

// Import imports every file of req. It returns ErrNoPandoc when a Word or
// HTML file is to be read and pandoc is missing; the text files are
// imported all the same.
func Import(req Request) ([]Result, error) {
	if req.Kind == "" {
		req.Kind = "regulation"
	}
	folder, ok := scaffold.Kinds[req.Kind]
	if !ok {
		return nil, fmt.Errorf("不认识的类型“%s”：请写 regulation（法规制度）、case（典型案例）或 brand（党建品牌）", req.Kind)
	}
	if slices.Contains(strings.Split(filepath.ToSlash(req.Section), "/"), "..") || filepath.IsAbs(req.Section) {
		return nil, errors.New("栏目不能包含“..”，也不能是绝对路径：请写 content/" + folder + "/ 下的子文件夹名，如 党内法规")
	}
	files, results := inputs(req.Paths)
	pandoc, perr := pandocPath()
	needed := false
	for _, f := range files {
		if formats[strings.ToLower(filepath.Ext(f))] != "" && perr != nil {
			needed = true
			continue
		}
		results = append(results, importFile(req, folder, pandoc, f))
	}
	if needed {
		return results, perr
	}
	return results, nil
}

// inputs lists the files to import, and results for the given files that
// cannot be: missing, or of a format that must be saved as .docx first.
func inputs(paths []string) (files []string, refused []Result) {
	refuse := func(f, format string, args ...any) {
		var l diag.List
		l.Errorf(f, 0, format, args...)
		refused = append(refused, Result{Input: f, Diags: l.Items()})
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		switch {
		case err != nil:
			refuse(p, "找不到这个文件或文件夹：请检查路径")
		case !st.IsDir():
			ext := strings.ToLower(filepath.Ext(p))
			if _, ok := formats[ext]; ok {
				files = append(files, p)
			} else if why, ok := unsupported[ext]; ok {
				refuse(p, "%s", why)
			} else {
				refuse(p, "不支持“%s”格式：能导入的有 Word（.docx）、网页（.html）和纯文本（.txt）", ext)
			}
		default:
			filepath.WalkDir(p, func(f string, d fs.DirEntry, err error) error {
				name := d.Name()
				switch {
				case err != nil:
					refuse(f, "无法读取：%v", err)
				case f != p && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")):
					if d.IsDir() {
						return filepath.SkipDir
					}
				case d.IsDir():
				default:
					ext := strings.ToLower(filepath.Ext(name))
					if _, ok := formats[ext]; ok {
						files = append(files, f)
					} else if why, ok := unsupported[ext]; ok {
						refuse(f, "%s", why)
					}
				}
				return nil
			})
		}
	}
	return files, refused
}

// importFile converts, recognises and writes one file.
func importFile(req Request, folder, pandoc, file string) (res Result) {
	res.Input = file
	var diags diag.List
	defer func() { res.Diags = diags.Items() }()
	c, warning, err := read(pandoc, file)
	if c != nil && c.tmp != "" {
		defer os.RemoveAll(c.tmp)
	}
	if err != nil {
		diags.Errorf(file, 0, "%v", err)
		return res
	}
	doc := Recognise(blocks(c.markdown))
	if doc.Title == "" {
		doc.Title = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	}
	rel := filepath.Join(content.Dir, folder, filepath.FromSlash(req.Section), scaffold.FileName(doc.Title))
	abs := filepath.Join(req.SiteDir, rel)
	res.Output = filepath.ToSlash(rel)
	if _, err := os.Lstat(abs); err == nil {
		res.Output = ""
		diags.Errorf(file, 0, "%s 已经存在，没有覆盖：如要重新导入，请先删除或改名该文件", filepath.ToSlash(rel))
		return res
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		res.Output = ""
		diags.Errorf(file, 0, "无法建立文件夹：%v", err)
		return res
	}
	at := filepath.ToSlash(rel)
	if warning != "" {
		diags.Warnf(at, 0, "%s", warning)
	}
	body, images := placeImages(doc.Body, c, file, abs, at, &diags)
	doc.Body = body
	for _, img := range images {
		res.Images = append(res.Images, path.Join(path.Dir(at), img))
	}
	switch len(images) {
	case 0:
	case 1:
		diags.Warnf(at, 0, "文中有 1 张图片，已另存在本文件旁（%s）：请核对图片的位置和说明文字", images[0])
	default:
		diags.Warnf(at, 0, "文中有 %d 张图片，已另存在本文件旁（%s 等）：请核对图片的位置和说明文字", len(images), images[0])
	}
	if c.tables > 0 {
		diags.Warnf(at, 0, "有 %d 个表格有合并单元格或单元格内分段，已改为简单表格：请对照原件核对", c.tables)
	}
	if strings.Contains(doc.Body, "[TABLE]") {
		diags.Warnf(at, 0, "有表格没能转换，显示为 [TABLE]：请对照原件重新录入")
	}
	for _, p := range doc.Problems {
		diags.Warnf(at, 0, "%s", p)
	}
	text := page(req, doc, file)
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err == nil {
		_, err = f.WriteString(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		res.Output = ""
		diags.Errorf(file, 0, "无法写入 %s：%v", at, err)
		return res
	}
	// The page must read back as djkb reads content: report what it says.
	content.Parse(strings.TrimPrefix(at, content.Dir+"/"), []byte(text), &diags)
	return res
}

// read converts one file to Markdown: plain text itself, the others with
// pandoc. converted.tmp, when set, is a folder to remove afterwards.
func read(pandoc, file string) (*converted, string, error) {
	format := formats[strings.ToLower(filepath.Ext(file))]
	if format == "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, "", err
		}
		return readText(data)
	}
	tmp, err := os.MkdirTemp("", "djkb-import-")
	if err != nil {
		return nil, "", err
	}
	c, err := runPandoc(pandoc, file, format, tmp)
	if c == nil {
		c = &converted{}
	}
	c.tmp = tmp
	return c, "", err
}

// placeImages copies each image of the document beside the page as
// "<page>-图1.png", never over a file, and points the Markdown at it.
// Images on the network and images not found are listed and dropped.
func placeImages(body string, c *converted, file, page, at string, diags *diag.List) (string, []string) {
	stem := strings.TrimSuffix(filepath.Base(page), filepath.Ext(page))
	var written []string
	for _, dest := range c.images {
		src := dest
		if c.html {
			if strings.Contains(dest, "://") || strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "data:") {
				diags.Warnf(at, 0, "图片 %s 在网上，没有下载：请另存后放到本文件旁，再写上图片链接", dest)
				body = dropImage(body, dest)
				continue
			}
			src = filepath.Join(filepath.Dir(file), filepath.FromSlash(unescapeURL(dest)))
		}
		data, err := os.ReadFile(src)
		if err != nil {
			diags.Warnf(at, 0, "找不到图片 %s：请把图片放到本文件旁，再写上图片链接", dest)
			body = dropImage(body, dest)
			continue
		}
		name, err := writeFree(filepath.Dir(page), stem, strings.ToLower(filepath.Ext(src)), data, len(written)+1)
		if err != nil {
			diags.Warnf(at, 0, "无法保存图片 %s：%v", dest, err)
			body = dropImage(body, dest)
			continue
		}
		written = append(written, name)
		body = strings.NewReplacer("("+dest+")", "("+name+")", "(<"+dest+">)", "("+name+")").Replace(body)
	}
	return body, written
}

// writeFree writes data as dir/stem-图n.ext, or with a further number when
// that name is taken, and returns the name.
func writeFree(dir, stem, ext string, data []byte, n int) (string, error) {
	for i := 0; ; i++ {
		name := fmt.Sprintf("%s-图%d%s", stem, n, ext)
		if i > 0 {
			name = fmt.Sprintf("%s-图%d-%d%s", stem, n, i+1, ext)
		}
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) && i < 100 {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return name, err
	}
}

// dropImage replaces the images with destination dest by their alt text.
func dropImage(body, dest string) string {
	return imageDestRe.ReplaceAllStringFunc(body, func(img string) string {
		if m := imageDestRe.FindStringSubmatch(img); m[2] == dest {
			return m[1]
		}
		return img
	})
}

// unescapeURL undoes the %XX escapes pandoc writes in a local image path.
func unescapeURL(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// cleanName is a file name fit for a TOML comment: one line.
func cleanName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}
