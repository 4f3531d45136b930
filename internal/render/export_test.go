package render

// SetMaxListEntries sets the largest section whose filter loads its whole
// list, for a test, and returns what puts it back.
func SetMaxListEntries(n int) (restore func()) {
	old := maxListEntries
	maxListEntries = n
	return func() { maxListEntries = old }
}
