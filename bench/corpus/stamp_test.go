package corpus

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStampMatchesItsConfig checks what lets bench all and bench digest
// reuse a corpus: the stamp of a generated folder is StampFor its Config,
// and no other.
func TestStampMatchesItsConfig(t *testing.T) {
	cfg := Config{Out: filepath.Join(t.TempDir(), "c"), Files: 20, MB: 0.2, Seed: 9, Train: filepath.Join(t.TempDir(), "none")}
	if _, err := Generate(cfg, io.Discard); err != nil {
		t.Fatal(err)
	}
	have, ok := ReadStamp(cfg.Out)
	if !ok || have != StampFor(cfg) {
		t.Fatalf("stamp %+v, want %+v", have, StampFor(cfg))
	}
	cfg.Seed = 10
	if have == StampFor(cfg) {
		t.Error("a new seed should not match the old stamp")
	}
	if err := prepareOut(cfg.Out); err != nil {
		t.Errorf("regenerating over a stamped corpus: %v", err)
	}
}

func TestGenRefusesAForeignFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	err := prepareOut(dir)
	if err == nil || !strings.Contains(err.Error(), "not made by bench gen") {
		t.Errorf("got %v, want a refusal", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Error("the foreign file is gone")
	}
}
