package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// treeSample is what sampleTree saw of a process and its descendants.
type treeSample struct {
	cpu    time.Duration
	rssKiB int64
}

// sampleTree samples the process root and its descendants every 100 ms
// until stop is closed: their CPU time is the last sampled, and their peak
// RSS the largest sum of their resident sizes (shared pages count once per
// process, so it overstates).
func sampleTree(root int, stop <-chan struct{}) treeSample {
	const tick = 100 * time.Millisecond
	ticks := map[int]int64{} // pid → user+system clock ticks last seen
	var peak int64
	page := int64(os.Getpagesize() / 1024)
	for {
		procs := readProcs()
		var rss int64
		for pid, p := range procs {
			if descends(pid, root, procs) {
				ticks[pid] = max(ticks[pid], p.ticks)
				rss += p.rssPages * page
			}
		}
		peak = max(peak, rss)
		select {
		case <-stop:
			var sum int64
			for _, t := range ticks {
				sum += t
			}
			return treeSample{cpu: time.Duration(sum) * time.Second / clockTicks, rssKiB: peak}
		case <-time.After(tick):
		}
	}
}

// clockTicks is USER_HZ, the unit of CPU times in /proc/PID/stat: 100 on
// Linux.
const clockTicks = 100

// proc is one line of /proc/PID/stat.
type proc struct {
	ppid            int
	ticks, rssPages int64
}

// readProcs reads /proc/*/stat; it returns nothing where there is no /proc.
func readProcs() map[int]proc {
	out := map[int]proc{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		i := bytes.LastIndexByte(data, ')')
		if err != nil || i < 0 {
			continue
		}
		f := strings.Fields(string(data[i+1:]))
		if len(f) < 22 { // state ppid … utime(12) stime(13) … rss(22)
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		rss, _ := strconv.ParseInt(f[21], 10, 64)
		out[pid] = proc{ppid: ppid, ticks: ut + st, rssPages: rss}
	}
	return out
}

// descends reports whether pid is root or one of its descendants.
func descends(pid, root int, procs map[int]proc) bool {
	for range 64 {
		if pid == root {
			return true
		}
		p, ok := procs[pid]
		if !ok || p.ppid <= 1 {
			return false
		}
		pid = p.ppid
	}
	return false
}

// loadAverage returns the 1-, 5- and 15-minute load averages, or "?".
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}
