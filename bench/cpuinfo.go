package main

import (
	"os"
	"strings"
)

// cpuModel names this machine's processor, for the JSON lines: figures
// taken on different processors do not compare, and a cloud machine's
// "model name" alone can be as vague as "AMD EPYC", so the family and
// model numbers follow it. It is empty where /proc/cpuinfo is missing.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	return parseCPUInfo(string(b))
}

// parseCPUInfo reads the first processor's entry of /proc/cpuinfo.
func parseCPUInfo(text string) string {
	fields := map[string]string{}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			break // the end of the first processor
		}
		if k, v, ok := strings.Cut(line, ":"); ok {
			fields[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	name := fields["model name"]
	if fam, model := fields["cpu family"], fields["model"]; fam != "" && model != "" {
		name = strings.TrimSpace(name + " (family " + fam + ", model " + model + ")")
	}
	return name
}
