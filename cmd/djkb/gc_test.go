package main

import "testing"

func TestCollectorSettings(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		gogc    string
		percent int
		set     bool
	}{
		{[]string{"build"}, "", 50, true},
		{nil, "", 50, true},
		{[]string{"serve"}, "", 0, false},
		{[]string{"build"}, "100", 0, false},
	} {
		percent, set := collectorSettings(tc.args, func(k string) string {
			if k == "GOGC" {
				return tc.gogc
			}
			return ""
		})
		if percent != tc.percent || set != tc.set {
			t.Errorf("%v GOGC=%q: %d %v, want %d %v", tc.args, tc.gogc, percent, set, tc.percent, tc.set)
		}
	}
}
