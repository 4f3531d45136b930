package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"djkb/internal/chromium"
	search "djkb/internal/search/searchtest"
)

// seedWarm and seedTyped draw the warm and the typed queries, apart from
// the quality ones and from each other.
const (
	seedWarm  = 99
	seedTyped = 98
)

// answer is what the page returns for one query.
type answer struct {
	Paths  []string `json:"paths"`
	Titles []string `json:"titles"`
	Ms     float64  `json:"ms"`
	Files  int      `json:"files"` // index files the query loaded
	Total  int      `json:"total"`
	Err    string   `json:"err"`
}

// measure serves the site, starts Chromium and runs the quality and speed
// measurements.
func measure(c config, docs []search.Doc, qs []query) (*report, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(c.site))}
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
	for i := 0; i < c.fresh && i < len(rares); i++ {
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
	if c.warm > 0 {
		wtab, cancelWarm, err := quietTab(ctx, page)
		if err != nil {
			return nil, err
		}
		defer cancelWarm()
		wa, err := ask(wtab, rareQueries(docs, c.warm+1, seedWarm))
		if err != nil {
			return nil, err
		}
		for _, a := range wa[min(1, len(wa)):] {
			rep.Warm = append(rep.Warm, a.Ms)
			rep.WarmFiles = append(rep.WarmFiles, float64(a.Files))
		}
	}
	// Typed queries, the same way, into the search box.
	if c.typed > 0 {
		ttab, cancelTyped, err := quietTab(ctx, page)
		if err != nil {
			return nil, err
		}
		defer cancelTyped()
		// Each half of the queries one way, so that none finds its files
		// loaded by the other.
		qs := rareQueries(docs, 2*c.typed+2, seedTyped)
		if rep.Typed, err = typeQueries(ttab, qs[:len(qs)/2], false); err != nil {
			return nil, err
		}
		if rep.Committed, err = typeQueries(ttab, qs[len(qs)/2:], true); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// rareQueries draws the rare-phrase queries among n queries of seed.
func rareQueries(docs []search.Doc, n int, seed uint64) []query {
	var out []query
	for _, q := range sampleQueries(docs, n, seed) {
		if only != "" && !strings.HasPrefix(q.Path, only) {
			continue
		}
		if q.Kind == "rare" {
			out = append(out, q)
		}
	}
	return out
}

// quietTab opens page in a new tab with the DevTools domains off.
func quietTab(ctx context.Context, page string) (context.Context, context.CancelFunc, error) {
	tab, cancel := chromedp.NewContext(ctx)
	if err := chromedp.Do(tab, chromedp.Navigate(page)); err != nil {
		cancel()
		return nil, nil, err
	}
	if err := quiet(tab); err != nil {
		cancel()
		return nil, nil, err
	}
	return tab, cancel, nil
}

// typeQueries types each query into the search page's box and times it
// until the results are on the page. Without ime, the query comes as one
// input event, as typed or pasted, and the box's pause before it searches
// is included; with ime, it comes as an input method commits a phrase (an
// input event while composing, then compositionend). The first query is
// not timed; a pause follows each.
func typeQueries(tab context.Context, qs []query, ime bool) ([]float64, error) {
	var texts []string
	for _, q := range qs {
		texts = append(texts, q.Q)
	}
	js := fmt.Sprintf(`(async (qs, ime) => {
		await djkbSearch.ready;
		const box = document.getElementById('djkb-search'), input = document.getElementById('search-q');
		const type = (q) => new Promise((ok) => {
			const t0 = performance.now();
			let busy = false;
			const obs = new MutationObserver(() => {
				if (box.hasAttribute('aria-busy')) busy = true;
				else if (busy) { obs.disconnect(); ok(performance.now() - t0); }
			});
			obs.observe(box, {attributes: true, attributeFilter: ['aria-busy']});
			input.value = q;
			input.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: ime}));
			if (ime) input.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: q}));
		});
		const out = [];
		for (const q of qs) {
			out.push(await type(q));
			await new Promise((ok) => setTimeout(ok, 300));
		}
		return out.slice(1);
	})(%s, %t)`, jsonString(texts), ime)
	return chromedp.Run(tab, chromedp.Evaluate[[]float64](js, chromedp.EvalAwaitPromise))
}

// quiet turns off the DevTools domains that chromedp enables on every tab
// and that a person's browser does not run: with Network on, Chromium
// reports each shard load to the driver as it happens, which costs the page
// a few milliseconds a query on this 2-core machine. Warm queries and fresh
// pages are timed without them (fresh pages count their bytes from Resource
// Timing instead).
func quiet(tab context.Context) error {
	for _, c := range []cdp.Command[cdp.Empty, cdp.Empty]{network.Disable, css.Disable, dom.Disable} {
		if _, err := chromedp.Call(tab, c, cdp.Empty{}); err != nil {
			return err
		}
	}
	return nil
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
			performance.setResourceTimingBufferSize(10000);
			const out = [];
			for (const q of qs) {
				performance.clearResourceTimings();
				const t0 = performance.now();
				try {
					const r = await djkbSearch.search(q, {limit: 10});
					const ms = performance.now() - t0;
					out.push({paths: r.results.map(x => x.path), titles: r.results.map(x => x.title), ms: ms, total: r.total,
						files: performance.getEntriesByType('resource').filter(e => e.startTime >= t0).length});
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

// freshRun opens the search page in a browser context of its own (so
// nothing is cached), asks one query, and counts from the page's Resource
// Timing entries what was fetched until the answer. DevTools' Network
// domain stays off (see quiet), so the timing is what a person gets.
func freshRun(ctx context.Context, page, q string) (freshResult, error) {
	tab, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := quiet(tab); err != nil {
		return freshResult{}, err
	}
	if err := chromedp.Do(tab, chromedp.Navigate(page)); err != nil {
		return freshResult{}, err
	}
	js := fmt.Sprintf(`djkbSearch.ready.then(async () => {
		const ready = performance.now();
		const r = await djkbSearch.search(%s, {limit: 10});
		const answer = performance.now();
		await new Promise((ok) => setTimeout(ok, 50)); // loads still in flight at the answer
		const files = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
			.filter((e) => e.responseEnd <= answer)
			.map((e) => ({url: e.name, body: e.decodedBodySize, wire: e.transferSize}));
		return {ready: ready, query: answer - ready, answer: answer, n: r.results.length, files: files};
	})`, jsonString(q))
	type file struct {
		URL        string
		Body, Wire int64
	}
	type res struct {
		Ready, Query, Answer float64
		N                    int
		Files                []file
	}
	r, err := chromedp.Run(tab, chromedp.Evaluate[res](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return freshResult{}, err
	}
	out := freshResult{Query: q, Requests: len(r.Files), QueryMs: r.Query, AnswerMs: r.Answer, ReadyMs: r.Ready, ResultLen: r.N}
	for _, f := range r.Files {
		out.Bytes += f.Body
		out.Wire += f.Wire
		u := f.URL
		out.Files = append(out.Files, fmt.Sprintf("%s:%.1f", u[strings.LastIndex(u[:strings.LastIndex(u, "/")], "/")+1:], float64(f.Body)/1024))
	}
	slices.Sort(out.Files)
	return out, nil
}

func jsonString(v any) string {
	b, _ := jsonMarshal(v)
	return string(b)
}
