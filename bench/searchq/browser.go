package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"djkb/internal/chromium"
	"djkb/internal/search"
)

// seedWarm draws the warm queries, apart from the quality ones.
const seedWarm = 99

// answer is what the page returns for one query.
type answer struct {
	Paths  []string `json:"paths"`
	Titles []string `json:"titles"`
	Ms     float64  `json:"ms"`
	Total  int      `json:"total"`
	Err    string   `json:"err"`
}

// measure serves the site, starts Chromium and runs the quality and speed
// measurements.
func measure(site string, docs []search.Doc, qs []query, fresh, warm int) (*report, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(site))}
	go srv.Serve(ln)
	defer srv.Close()
	page := "http://" + ln.Addr().String() + "/search/"

	ctx, cancel, err := chromium.New(context.Background(), chromium.Browse)
	if err != nil {
		return nil, err
	}
	defer cancel()
	rep := &report{}
	var rares []query
	for _, q := range qs {
		if q.Kind == "rare" {
			rares = append(rares, q)
		}
	}
	// Fresh pages first, while nothing is cached anywhere.
	for i := 0; i < fresh && i < len(rares); i++ {
		f, err := freshRun(ctx, page, rares[i].Q)
		if err != nil {
			return nil, err
		}
		rep.Fresh = append(rep.Fresh, f)
	}
	// Quality and warm speed in one page.
	tab, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()
	if err := chromedp.Do(tab, chromedp.Navigate(page)); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`djkbSearch.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, err
	}
	answers, err := ask(tab, qs)
	if err != nil {
		return nil, err
	}
	rep.judge(docs, qs, answers)
	// Warm queries: a new page answers one query, then the timed ones,
	// each a rare phrase it has not seen (drawn with another seed).
	var ws []query
	for _, q := range sampleQueries(docs, warm+1, seedWarm) {
		if only != "" && !strings.HasPrefix(q.Path, only) {
			continue
		}
		if q.Kind == "rare" {
			ws = append(ws, q)
		}
	}
	wtab, cancelWarm := chromedp.NewContext(ctx)
	defer cancelWarm()
	if err := chromedp.Do(wtab, chromedp.Navigate(page)); err != nil {
		return nil, err
	}
	wa, err := ask(wtab, ws)
	if err != nil {
		return nil, err
	}
	for _, a := range wa[min(1, len(wa)):] {
		rep.Warm = append(rep.Warm, a.Ms)
	}
	return rep, nil
}

// ask runs the queries one after the other in the page, in batches.
func ask(tab context.Context, qs []query) ([]answer, error) {
	var out []answer
	for i := 0; i < len(qs); i += 50 {
		var batch []string
		for _, q := range qs[i:min(i+50, len(qs))] {
			batch = append(batch, q.Q)
		}
		js := fmt.Sprintf(`(async (qs) => {
			await djkbSearch.ready;
			const out = [];
			for (const q of qs) {
				const t0 = performance.now();
				try {
					const r = await djkbSearch.search(q, {limit: 10});
					out.push({paths: r.results.map(x => x.path), titles: r.results.map(x => x.title), ms: performance.now() - t0, total: r.total});
				} catch (e) {
					out.push({paths: [], titles: [], ms: performance.now() - t0, err: String(e)});
				}
			}
			return out;
		})(%s)`, jsonString(batch))
		as, err := chromedp.Run(tab, chromedp.Evaluate[[]answer](js, chromedp.EvalAwaitPromise))
		if err != nil {
			return nil, err
		}
		out = append(out, as...)
	}
	return out, nil
}

// freshResult is one fresh-page run.
type freshResult struct {
	Query     string   `json:"query"`
	Bytes     int64    `json:"bytes"`    // response bodies, all requests of the page
	Wire      int64    `json:"wire"`     // bytes on the wire, headers included
	Requests  int      `json:"requests"` // requests made
	QueryMs   float64  `json:"queryMs"`  // from search() to its answer
	AnswerMs  float64  `json:"answerMs"` // from navigation start to the answer
	ReadyMs   float64  `json:"readyMs"`  // from navigation start to djkbSearch.ready
	ResultLen int      `json:"results"`
	Files     []string `json:"files"` // what was fetched, KB
}

// freshRun opens the search page in a new tab with the cache off, asks one
// query and counts what was fetched until the answer.
func freshRun(ctx context.Context, page, q string) (freshResult, error) {
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	var mu sync.Mutex
	var body, wire int64
	reqs := map[network.RequestID]string{}
	sizes := map[network.RequestID]int64{}
	if err := chromedp.Listen(tab, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			reqs[e.RequestID] = e.Request.URL
		case *network.EventDataReceived:
			body += e.DataLength
			sizes[e.RequestID] += e.DataLength
		case *network.EventLoadingFinished:
			wire += int64(e.EncodedDataLength)
		}
	}); err != nil {
		return freshResult{}, err
	}
	if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
		return freshResult{}, err
	}
	if _, err := chromedp.Call(tab, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return freshResult{}, err
	}
	if err := chromedp.Do(tab, chromedp.Navigate(page)); err != nil {
		return freshResult{}, err
	}
	js := fmt.Sprintf(`djkbSearch.ready.then(async () => {
		const ready = performance.now();
		const t0 = performance.now();
		const r = await djkbSearch.search(%s, {limit: 10});
		const t1 = performance.now();
		return {ready: ready, query: t1 - t0, answer: t1, n: r.results.length};
	})`, jsonString(q))
	type res struct {
		Ready, Query, Answer float64
		N                    int
	}
	r, err := chromedp.Run(tab, chromedp.Evaluate[res](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return freshResult{}, err
	}
	time.Sleep(50 * time.Millisecond) // let the last loadingFinished events arrive
	mu.Lock()
	defer mu.Unlock()
	var files []string
	for id, u := range reqs {
		files = append(files, fmt.Sprintf("%s:%.1f", u[strings.LastIndex(u[:strings.LastIndex(u, "/")], "/")+1:], float64(sizes[id])/1024))
	}
	slices.Sort(files)
	return freshResult{Query: q, Bytes: body, Wire: wire, Requests: len(reqs), QueryMs: r.Query, AnswerMs: r.Answer, ReadyMs: r.Ready, ResultLen: r.N, Files: files}, nil
}

func jsonString(v any) string {
	b, _ := jsonMarshal(v)
	return string(b)
}
