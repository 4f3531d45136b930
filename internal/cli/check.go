package cli

import (
	"encoding/json"
	"fmt"
	"io"

	"djkb/internal/build"
	"djkb/internal/diag"
	"djkb/internal/render"
)

// runCheck validates a site as the build does, without writing anything:
// what a content repository's CI runs.
func runCheck(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("check", stderr, &sf)
	asJSON := fs.Bool("json", false, "以 JSON 数组输出问题（path、line、severity、message）")
	drafts := fs.Bool("drafts", false, "同时检查草稿页面")
	if _, ok := parseFlags(fs, args); !ok {
		return 2
	}
	_, diags := build.Load(build.Options{SiteDir: sf.site, Drafts: *drafts, Defaults: defaults})
	if _, err := render.LoadTemplates(render.NewLayouts(sf.site, defaults), render.Funcs()); err != nil {
		diags.Add(build.TemplateDiag(err))
	}
	items := diags.Items()
	if *asJSON {
		if items == nil {
			items = []diag.Diagnostic{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(items)
	} else {
		printDiags(stderr, items)
		errs, warns := diags.Count(diag.Error), diags.Count(diag.Warning)
		if errs > 0 {
			fmt.Fprintf(stderr, "检查未通过：%d 个错误，%d 条警告。\n", errs, warns)
		} else {
			fmt.Fprintf(stdout, "检查通过：%d 个错误，%d 条警告。\n", errs, warns)
		}
	}
	if diags.HasErrors() {
		return 1
	}
	return 0
}
