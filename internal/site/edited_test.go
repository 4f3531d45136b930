package site

import (
	"testing"
	"time"

	"djkb/internal/content"
)

// TestEdited: 本页更新于 shows the page's own date, else the latest step of
// its 修订沿革, and nothing when neither is written.
func TestEdited(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	history := []content.Event{{Date: day(2019, 8, 19)}, {Date: day(2024, 1, 2)}, {Date: day(2021, 5, 1)}}
	for _, tc := range []struct {
		name string
		meta content.Meta
		want time.Time
	}{
		{"date wins", content.Meta{Date: day(2025, 3, 4), Regulation: &content.Regulation{History: history}}, day(2025, 3, 4)},
		{"latest history step", content.Meta{Regulation: &content.Regulation{History: history}}, day(2024, 1, 2)},
		{"nothing said", content.Meta{Regulation: &content.Regulation{}}, time.Time{}},
		{"not a regulation", content.Meta{}, time.Time{}},
	} {
		if got := edited(&content.Source{Meta: tc.meta}); !got.Equal(tc.want) {
			t.Errorf("%s: edited = %v, want %v", tc.name, got, tc.want)
		}
	}
}
