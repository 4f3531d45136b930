// Package browsertest holds djkb's real-browser tests. They build the sample
// site in this repository, serve it over HTTP and open it from file://, and
// drive the system's headless Chromium through chromedp: a reader's journey,
// keyboard use, console errors and failed requests, the axe-core
// accessibility checks and the README screenshots.
//
// Without Chromium the tests are skipped, except under CI, where they fail.
// The axe-core checks need `npm ci` at the repository root.
package browsertest
