//go:build linux && (amd64 || arm64)

package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestForHeapMarksTheHeap checks, in /proc/self/smaps, that every mapping
// of the range forHeap marked allows huge pages (VmFlags "hg"), and that
// the range holds the heap's next allocations.
//
// What the heap does next depends on what it did before, so the check runs
// in a new process of this test binary, with a heap as fresh as a
// command's when main calls ForHeap.
func TestForHeapMarksTheHeap(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestForHeapMarksTheHeap$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), childEnv+"=1")
		out, err := cmd.CombinedOutput()
		switch {
		case err != nil:
			t.Fatalf("%v\n%s", err, out)
		case bytes.Contains(out, []byte("--- SKIP")):
			t.Skipf("%s", out)
		}
		return
	}
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Skip("this kernel has no transparent huge pages")
	}
	lo, hi, err := forHeap(128 << 20)
	if err != nil {
		t.Fatalf("madvise: %v", err)
	}
	if hi-lo < 128<<20 {
		t.Fatalf("marked %#x–%#x, less than the 128 MiB asked for", lo, hi)
	}
	// The block forHeap let go returns to the heap at the next collection,
	// which in a command comes at once: the block is far past the first
	// heap goal.
	runtime.GC()
	next := make([]byte, 4<<20)
	if p := unsafePointer(next); p < lo || p >= hi {
		t.Errorf("the next large allocation, at %#x, is outside the marked %#x–%#x", p, lo, hi)
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var start, end uintptr
	covered := uintptr(0)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if a, b, ok := mappingRange(line); ok {
			start, end = a, b
			continue
		}
		if !strings.HasPrefix(line, "VmFlags:") || end <= lo || start >= hi {
			continue
		}
		covered += min(end, hi) - max(start, lo)
		if !strings.Contains(line, " hg") {
			t.Errorf("mapping %#x–%#x of the marked range lacks hg: %s", start, end, line)
		}
	}
	if covered < 128<<20 {
		t.Errorf("smaps shows %d MiB of the marked range mapped, want 128 or more", covered>>20)
	}
}

// mappingRange parses the first line of a mapping in smaps: "start-end perms …".
func mappingRange(line string) (start, end uintptr, ok bool) {
	field, _, _ := strings.Cut(line, " ")
	a, b, found := strings.Cut(field, "-")
	if !found {
		return 0, 0, false
	}
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return uintptr(x), uintptr(y), true
}

// childEnv marks the process that runs the check.
const childEnv = "DJKB_HUGEPAGES_TEST_CHILD"

func unsafePointer(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }
