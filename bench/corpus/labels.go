package corpus

import "djkb/internal/numerals"

// articleLabel returns "第N条" with N in Chinese numerals.
func articleLabel(n int) string { return "第" + numerals.Chinese(n) + "条" }

// itemLabel returns "（N）" with N in Chinese numerals and full-width
// parentheses, the way items inside an article are numbered.
func itemLabel(n int) string { return "（" + numerals.Chinese(n) + "）" }
