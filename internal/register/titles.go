package register

import "djkb/internal/site"

// TitleKey is the form of a regulation title used to match citations and
// versions; the model builds its version chains with it (see site.TitleKey).
func TitleKey(title string) string { return site.TitleKey(title) }
