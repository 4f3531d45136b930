// Package vectors keeps the test vectors that the Go and JavaScript halves
// of the search share: JSON files in a package's testdata, written from the
// Go code's answers and read by the tests in static/js/test. Tests use it;
// the binary does not.
package vectors

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// Check compares v, as a JSON array with one element per line, with the
// file at path, or rewrites the file when update is set (go test -update).
func Check(t testing.TB, path string, v any, update bool) {
	t.Helper()
	buf, err := jsonLines(v)
	if err != nil {
		t.Fatal(err)
	}
	if update {
		if err := os.WriteFile(path, buf, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(old, buf) {
		t.Errorf("%s is out of date with the Go code: run go test -update in its package, then node --test static/js/test/", path)
	}
}

// jsonLines encodes a slice as a JSON array with one element per line.
func jsonLines(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i := 0; i < rv.Len(); i++ {
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rv.Index(i).Interface()); err != nil {
			return nil, err
		}
		if i < rv.Len()-1 {
			buf.Truncate(buf.Len() - 1)
			buf.WriteString(",\n")
		}
	}
	buf.WriteString("]\n")
	return buf.Bytes(), nil
}
