package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestCollectorSettings(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		env        map[string]string
		percent    int
		adaptLimit bool
	}{
		{[]string{"build"}, nil, 50, true},
		{nil, nil, 50, true},
		{[]string{"serve"}, nil, 0, false},
		{[]string{"build"}, map[string]string{"GOGC": "100"}, 0, true},
		{[]string{"build"}, map[string]string{"GOMEMLIMIT": "1GiB"}, 50, false},
	} {
		percent, adapt := collectorSettings(tc.args, func(k string) string { return tc.env[k] })
		if percent != tc.percent || adapt != tc.adaptLimit {
			t.Errorf("%v %v: %d %v, want %d %v", tc.args, tc.env, percent, adapt, tc.percent, tc.adaptLimit)
		}
	}
}

// TestLimitFor checks that the memory limit always leaves the collector a
// quarter of the live heap or more to allocate into: a limit at or below
// the live heap keeps it running without pause.
func TestLimitFor(t *testing.T) {
	for _, live := range []uint64{0, 100 << 20, 288 << 20, 300 << 20, 700 << 20, 3 << 30} {
		limit := limitFor(live)
		if limit < baseLimit || uint64(limit) < live+live/4 {
			t.Errorf("live heap %d MiB: limit %d MiB", live>>20, limit>>20)
		}
	}
}

// TestAdaptMemoryLimit checks that the limit follows the live heap from one
// collection to the next.
func TestAdaptMemoryLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	adaptMemoryLimit()
	if got := debug.SetMemoryLimit(-1); got != baseLimit {
		t.Fatalf("limit %d MiB at first, want %d", got>>20, baseLimit>>20)
	}
	held := make([][]byte, 0, 64)
	for range 64 {
		held = append(held, make([]byte, 8<<20))
	}
	want := int64(512<<20) * 5 / 4
	for deadline := time.Now().Add(10 * time.Second); debug.SetMemoryLimit(-1) < want; {
		if time.Now().After(deadline) {
			t.Fatalf("limit %d MiB with a live heap of 512 MiB or more, want %d or more", debug.SetMemoryLimit(-1)>>20, want>>20)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(held)
}
