package build

import (
	"djkb/internal/output"
	"djkb/internal/site"
)

// writeSearchIndex is replaced by the search stage once it lands.
func writeSearchIndex(out *output.Dir, s *site.Site) error { return nil }
