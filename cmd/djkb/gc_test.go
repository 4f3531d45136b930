package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestCollectorSettings(t *testing.T) {
	for _, tc := range []struct {
		args []string
		gogc string
		set  bool
	}{
		{[]string{"build"}, "", true},
		{nil, "", true},
		{[]string{"serve"}, "", false},
		{[]string{"build"}, "100", false},
	} {
		set := collectorSettings(tc.args, func(k string) string {
			if k == "GOGC" {
				return tc.gogc
			}
			return ""
		})
		if set != tc.set {
			t.Errorf("%v GOGC=%q: %v, want %v", tc.args, tc.gogc, set, tc.set)
		}
	}
}

// The pace follows the live heap: generous for a small one, half again a
// large one, never outside its bounds, and never rising as the heap grows.
func TestGCPercentFor(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int
	}{
		{0, maxGCPercent},
		{64 << 20, maxGCPercent},
		{256 << 20, 100},
		{512 << 20, minGCPercent},
		{4 << 30, minGCPercent},
	} {
		if got := gcPercentFor(tc.live); got != tc.want {
			t.Errorf("gcPercentFor(%d MiB) = %d, want %d", tc.live>>20, got, tc.want)
		}
	}
	last := maxGCPercent
	for live := uint64(1 << 20); live < 8<<30; live += live / 3 {
		p := gcPercentFor(live)
		if p > last || p < minGCPercent || p > maxGCPercent {
			t.Fatalf("gcPercentFor(%d MiB) = %d after %d", live>>20, p, last)
		}
		last = p
	}
}

// tuneCollector sets the pace again after a collection.
func TestTuneCollectorFollowsCollections(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	tuneCollector()
	debug.SetGCPercent(7) // a value tuneCollector never chooses
	for range 10 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // finalizers run on a goroutine of their own
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		if p != 7 {
			return
		}
	}
	t.Fatal("the collector's pace was not set again after ten collections")
}

// After a peak over reuseAbove the heap may grow back to reusedPeak of
// the peak, never beyond what gcPercentFor allows or has allowed: a
// sequence of live heaps that rises and falls gets gcPercentFor's pace
// while rising and room up to the share of the peak after it, and the
// peak follows gcPercentFor's heaps only.
func TestPacerReusesThePeak(t *testing.T) {
	var p pacer
	goal := func(live uint64, pct int) uint64 { return live + live*uint64(pct)/100 }
	var allowed uint64 // the largest heap gcPercentFor allowed so far
	for _, mib := range []uint64{8, 64, 300, 900, 1500, 2200, 1000, 700, 1200, 1800, 2600, 400, 2600} {
		live := mib << 20
		got, old := p.next(live), gcPercentFor(live)
		allowed = max(allowed, goal(live, old))
		want := goal(live, old)
		if allowed > reuseAbove {
			want = max(want, allowed*reusedPeak/100)
		}
		if g := goal(live, got); g > want+live/100 || g+live/100 < want {
			t.Fatalf("live %d MiB: GOGC %d lets the heap grow to %d MiB, want %d MiB", mib, got, g>>20, want>>20)
		}
	}
	if got := new(pacer).next(0); got != maxGCPercent {
		t.Errorf("next(0) = %d, want %d", got, maxGCPercent)
	}
}
