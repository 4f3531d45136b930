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

// buildRun is one timed `djkb build`.
type buildRun struct {
	wall   time.Duration
	cpu    time.Duration // user and system time
	rssKiB int64
	output string // what djkb printed, stdout and stderr together
}

// timeBuild runs bin with args once and measures it. A failed build is
// an error that quotes the end of what djkb printed.
func timeBuild(ctx context.Context, bin string, args []string) (buildRun, error) {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	run := buildRun{wall: time.Since(start), output: out.String()}
	if cmd.ProcessState != nil {
		run.rssKiB = maxRSSKiB(cmd.ProcessState)
		run.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
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
