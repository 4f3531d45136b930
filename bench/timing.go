package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// timedRun is one timed run of djkb.
type timedRun struct {
	wall   time.Duration
	cpu    time.Duration // user and system time
	rssKiB int64
	output string // what djkb printed, stdout and stderr together
}

// timeCommand runs bin with args once and measures it. With children, it
// also samples the processes bin starts (Chromium, for a PDF) and counts
// their CPU time and memory in: see sampleTree. A failed run is an error
// that quotes the end of what djkb printed.
func timeCommand(ctx context.Context, bin string, args []string, children bool) (timedRun, error) {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return timedRun{}, err
	}
	stop, sampled := make(chan struct{}), make(chan treeSample, 1)
	if children {
		go func() { sampled <- sampleTree(cmd.Process.Pid, stop) }()
	}
	err := cmd.Wait()
	run := timedRun{wall: time.Since(start), output: out.String()}
	close(stop)
	if ps := cmd.ProcessState; ps != nil {
		run.rssKiB = maxRSSKiB(ps)
		run.cpu = ps.UserTime() + ps.SystemTime()
	}
	if children {
		tree := <-sampled
		run.cpu, run.rssKiB = max(run.cpu, tree.cpu), max(run.rssKiB, tree.rssKiB)
	}
	if err != nil {
		return run, fmt.Errorf("%s %s: %w\n%s", bin, strings.Join(args, " "), err, lastLines(run.output, 20))
	}
	return run, nil
}

// timeStats summarises the wall times of several runs.
type timeStats struct {
	median, min, max time.Duration
}

// summarise returns the median, min and max of times (not empty).
func summarise(times []time.Duration) timeStats {
	s := slices.Clone(times)
	slices.Sort(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return timeStats{median: med, min: s[0], max: s[n-1]}
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// ms converts d to milliseconds.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
