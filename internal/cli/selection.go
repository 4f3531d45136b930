package cli

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"strings"

	model "djkb/internal/site"
)

// readSelection reads the list of a 选编: one regulation a line (a path
// relative to content/ or to the site, or a page's URL, as the search
// page's bookmarks are exported), or a JSON array of such texts or of
// objects with a "path" or "url". Lines starting with # are comments. It
// returns the content paths, or an error naming the line that names no
// regulation.
func readSelection(file string, s *model.Site) ([]string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("无法读取选编清单 %s：%v", file, err)
	}
	var items []string
	var list []any
	if json.Unmarshal(data, &list) == nil {
		for _, v := range list {
			switch v := v.(type) {
			case string:
				items = append(items, v)
			case map[string]any:
				p, _ := v["path"].(string)
				if p == "" {
					p, _ = v["url"].(string)
				}
				items = append(items, p)
			}
		}
	} else {
		items = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	}
	byURL := map[string]string{}
	for _, p := range s.Pages {
		byURL[strings.Trim(p.URL, "/")] = p.Src.Path
	}
	var out []string
	for i, it := range items {
		it = strings.TrimSpace(it)
		if it == "" || strings.HasPrefix(it, "#") {
			continue
		}
		p := strings.TrimPrefix(strings.TrimPrefix(it, "content/"), "/")
		if u, err := url.Parse(it); err == nil && u.Path != "" {
			if q, ok := byURL[strings.Trim(strings.TrimSuffix(u.Path, "index.html"), "/")]; ok {
				p = q
			} else if i := strings.Index(u.Path, "/regulations/"); i >= 0 {
				if q, ok := byURL[strings.Trim(strings.TrimSuffix(u.Path[i:], "index.html"), "/")]; ok {
					p = q
				}
			}
		}
		if path.Ext(p) == "" {
			p += ".md"
		}
		if pg := s.Page(p); pg == nil || pg.Reg() == nil {
			return nil, fmt.Errorf("%s:%d: 错误：“%s”不是知识库中的法规制度：请写 content/regulations/ 下的文件路径或页面网址", file, i+1, it)
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: 错误：选编清单是空的：每行写一份法规的路径，如 regulations/本单位制度/某办法.md", file)
	}
	return out, nil
}
