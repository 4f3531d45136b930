package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// civilDate is a calendar day without a time or zone.
type civilDate struct{ y, m, d int }

// iso writes the date as 2019-07-25, the form of file names and TOML.
func (c civilDate) iso() string { return fmt.Sprintf("%04d-%02d-%02d", c.y, c.m, c.d) }

// zh writes the date as 2019年7月25日, the form of legal texts.
func (c civilDate) zh() string { return fmt.Sprintf("%d年%d月%d日", c.y, c.m, c.d) }

// addDays returns the date n days later.
func (c civilDate) addDays(n int) civilDate {
	t := time.Date(c.y, time.Month(c.m), c.d+n, 0, 0, 0, 0, time.UTC)
	return civilDate{t.Year(), int(t.Month()), t.Day()}
}

// before reports whether c comes before o.
func (c civilDate) before(o civilDate) bool {
	return c.y*10000+c.m*100+c.d < o.y*10000+o.m*100+o.d
}

// lastDate bounds every generated date, so that corpora generated in
// different years are the same.
var lastDate = civilDate{2025, 12, 31}

// randomDate draws a day between fromYear and 2025, more often recent,
// as in a real library where most rules in force are young.
func randomDate(r *rand.Rand, fromYear int) civilDate {
	span := float64(lastDate.y - fromYear + 1)
	y := fromYear + int(span*math.Sqrt(r.Float64()))
	start := civilDate{y, 1, 1}
	days := 365
	if y%4 == 0 {
		days = 366
	}
	return start.addDays(r.IntN(days))
}

// effectiveAfter draws the day a rule issued on c takes effect: the
// same day, or often the first day of a month or two later.
func effectiveAfter(r *rand.Rand, c civilDate) civilDate {
	switch r.IntN(3) {
	case 0:
		return c
	default:
		m := c.m + 1 + r.IntN(4)
		t := time.Date(c.y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return civilDate{t.Year(), int(t.Month()), 1}
	}
}

// npcTerm returns the term of the National People's Congress sitting
// on date c (the fifth began in 1978; terms start in March).
func npcTerm(c civilDate) int {
	t := 5 + (c.y-1978)/5
	if (c.y-1978)%5 == 0 && c.m < 3 {
		t--
	}
	return max(t, 5)
}
