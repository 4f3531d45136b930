package search_test

import (
	"testing"

	"djkb/internal/search"
	"djkb/internal/search/vectors"
)

// TestDateVectors writes what the index counts a date as (days, 0 for no
// date), for the 当时有效 filter's date in engine.js (dayOf), which must
// count alike: leap days, month ends, the first day counted, and what is
// no date.
func TestDateVectors(t *testing.T) {
	type vector struct {
		Date string `json:"date"`
		Days int    `json:"days"`
	}
	var vs []vector
	for _, d := range []string{
		"1900-01-01", "1900-02-28", "1900-03-01", "1999-12-31", "2000-02-29", "2016-04-01",
		"2019-01-01", "2020-02-29", "2024-12-31", "2079-06-06", "2100-03-01",
		"1899-12-31", "2019-02-29", "2019-13-01", "2019-04-31", "2019-1-1", "2019-01-01T00:00", "２０１９-01-01", "",
	} {
		vs = append(vs, vector{d, search.DateDays(d)})
	}
	vectors.Check(t, "testdata/date_vectors.json", vs, *update)
}
