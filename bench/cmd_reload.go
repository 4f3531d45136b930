package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// cmdReload times djkb serve from the outside, as an editor meets it: the
// real binary serves the corpus, a client listens to its reload events, and
// each timed edit runs from writing the file to receiving the reload, the
// watcher's batching included. bench serve times the same rebuild inside
// the process; this adds the file system's notification, the watcher and
// the event stream.
func cmdReload(args []string) error {
	fs := flag.NewFlagSet("reload", flag.ContinueOnError)
	corpus := fs.String("corpus", benchDir("out", "corpus"), "site folder to serve and edit (restored afterwards)")
	n := fs.Int("n", 15, "edits to time")
	bin := fs.String("djkb", "", "djkb binary (default: go build ./cmd/djkb)")
	noSearch := fs.Bool("no-search", false, "serve without the search index")
	if err := fs.Parse(args); err != nil {
		return err
	}
	files, err := markdownFiles(*corpus)
	if err != nil {
		return err
	}
	tmp, djkb, err := workspace("djkb-reload-", *bin, os.Stderr)
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	port, err := freePort()
	if err != nil {
		return err
	}
	base := fmt.Sprintf("http://127.0.0.1:%d/", port)
	cmdArgs := []string{"serve", "-s", *corpus, "--port", strconv.Itoa(port)}
	if *noSearch {
		cmdArgs = append(cmdArgs, "--no-search")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	server := exec.CommandContext(ctx, djkb, cmdArgs...)
	var log strings.Builder
	server.Stdout, server.Stderr = &log, &log
	start := time.Now()
	if err := server.Start(); err != nil {
		return err
	}
	defer server.Wait()
	defer cancel()
	if err := waitUp(base, 10*time.Minute); err != nil {
		return fmt.Errorf("%v\n%s", err, lastLines(log.String(), 20))
	}
	first := time.Since(start)

	events, err := listen(ctx, base+"_djkb/events")
	if err != nil {
		return err
	}
	if !*noSearch {
		next(events, "index", 2*time.Minute) // the first search index
	}
	settle(events, time.Second)

	var reloads []time.Duration
	for i := range *n {
		rel := files[(i*997+501)%len(files)]
		abs := filepath.Join(*corpus, rel)
		orig, err := os.ReadFile(abs)
		if err != nil {
			return err
		}
		mark := fmt.Sprintf("重载基准%d", i)
		t := time.Now()
		if err := os.WriteFile(abs, append(append([]byte{}, orig...), "\n\n"+mark+"。\n"...), 0o644); err != nil {
			return err
		}
		got, ok := nextBuild(events, time.Minute)
		elapsed := got.Sub(t)
		restoreErr := os.WriteFile(abs, orig, 0o644)
		if !ok {
			return fmt.Errorf("no reload within a minute of editing %s\n%s", rel, lastLines(log.String(), 20))
		}
		if err := pageHas(base, rel, mark); err != nil {
			return err
		}
		if restoreErr != nil {
			return restoreErr
		}
		nextBuild(events, time.Minute)
		// Let the search index written in the background after an edit
		// land before the next edit, as between an editor's saves.
		if !*noSearch {
			next(events, "index", time.Minute)
		}
		settle(events, time.Second)
		reloads = append(reloads, elapsed)
		fmt.Fprintf(os.Stderr, "bench reload: edit %d/%d (%s): %.0f ms\n", i+1, *n, rel, ms(elapsed))
	}
	st := summarise(reloads)
	fmt.Printf("| pages | first build s | edits | save to reload event, median ms (min–max) | search |\n|---:|---:|---:|---:|---|\n")
	fmt.Printf("| %d | %.1f | %d | %.0f (%.0f–%.0f) | %v |\n", len(files), first.Seconds(), len(reloads), ms(st.median), ms(st.min), ms(st.max), !*noSearch)
	fmt.Printf("{\"bench\":\"serve-reload\",\"search\":%v,\"pages\":%d,\"median_ms\":%.1f,\"min_ms\":%.1f,\"max_ms\":%.1f}\n",
		!*noSearch, len(files), ms(st.median), ms(st.min), ms(st.max))
	return nil
}

// event is one server-sent event and when it arrived.
type event struct {
	kind string // "build" or "index"
	at   time.Time
}

// listen streams the events of url until ctx ends.
func listen(ctx context.Context, url string) (<-chan event, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	out := make(chan event, 64)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if kind, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				out <- event{kind: kind, at: time.Now()}
			}
		}
	}()
	return out, nil
}

// nextBuild waits for the next reload event.
func nextBuild(events <-chan event, limit time.Duration) (time.Time, bool) {
	return next(events, "build", limit)
}

// next waits for the next event of a kind.
func next(events <-chan event, kind string, limit time.Duration) (time.Time, bool) {
	deadline := time.After(limit)
	for {
		select {
		case e, ok := <-events:
			if !ok {
				return time.Time{}, false
			}
			if e.kind == kind {
				return e.at, true
			}
		case <-deadline:
			return time.Time{}, false
		}
	}
}

// settle waits until no event has come for quiet.
func settle(events <-chan event, quiet time.Duration) {
	for {
		select {
		case _, ok := <-events:
			if !ok {
				return
			}
		case <-time.After(quiet):
			return
		}
	}
}

// waitUp waits until the server answers.
func waitUp(base string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(base); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("djkb serve did not answer in time")
}

// pageHas checks that the served page of the content file rel shows mark.
func pageHas(base, rel, mark string) error {
	u := strings.TrimSuffix(strings.TrimPrefix(rel, "content/"), ".md") + "/"
	resp, err := http.Get(base + (&url.URL{Path: u}).EscapedPath())
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil // a page with a slug lives elsewhere
	}
	body, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(body), mark) {
		return fmt.Errorf("the reloaded page %s does not show the edit (HTTP %d)", u, resp.StatusCode)
	}
	return nil
}

// freePort asks the system for a free TCP port on the loopback address.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
