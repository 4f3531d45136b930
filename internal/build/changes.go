package build

import (
	"path"
	"strings"
)

// Change is what kind of file changed, which decides how much a Session
// rebuilds.
type Change int

const (
	// ChangeIgnored files do not affect the site: editors' temporary and
	// backup files, hidden files, files outside the site's folders.
	ChangeIgnored Change = iota
	// ChangeContent is a Markdown file or another file below content/.
	ChangeContent
	// ChangeStatic is a file below static/.
	ChangeStatic
	// ChangeEverything is site.toml or a layout: every page may change.
	ChangeEverything
)

// Classify says what a change to the file at p (relative to the site
// folder, with "/" or "\") affects.
func Classify(p string) Change {
	p = path.Clean(strings.ReplaceAll(p, "\\", "/"))
	base := path.Base(p)
	if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$") || strings.HasSuffix(base, "~") ||
		strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") || strings.HasSuffix(base, ".tmp") || base == "4913" {
		return ChangeIgnored
	}
	top, _, _ := strings.Cut(p, "/")
	switch top {
	case "site.toml", "layouts":
		return ChangeEverything
	case "content":
		return ChangeContent
	case "static":
		return ChangeStatic
	}
	return ChangeIgnored
}
