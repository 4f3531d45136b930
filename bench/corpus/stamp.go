package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// StampName is the file in a corpus folder that records how it was
// generated. It also marks the folder as one gen may overwrite.
const StampName = ".bench-corpus.json"

// generatorVersion changes whenever the same parameters would give a
// different corpus, so that `bench all` regenerates.
const generatorVersion = 2

// Stamp records the parameters of a generated corpus.
type Stamp struct {
	Version    int     `json:"version"`
	Files      int     `json:"files"`
	MB         float64 `json:"mb"`
	Seed       uint64  `json:"seed"`
	MixReal    bool    `json:"mix_real"`
	Train      string  `json:"train"`
	TrainFiles int     `json:"train_files"`
	TrainBytes int64   `json:"train_bytes"`
	Complete   bool    `json:"complete"`
}

// ReadStamp returns the stamp of dir, or false if it has none.
func ReadStamp(dir string) (Stamp, bool) {
	var s Stamp
	data, err := os.ReadFile(filepath.Join(dir, StampName))
	if err != nil || json.Unmarshal(data, &s) != nil {
		return s, false
	}
	return s, true
}

// writeStamp records s in dir.
func writeStamp(dir string, s Stamp) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, StampName), append(data, '\n'), 0o644)
}

// prepareOut makes dir ready for a new corpus: it creates it, or
// empties a folder that an earlier gen made. It refuses any other
// non-empty folder rather than delete someone's files.
func prepareOut(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, ok := ReadStamp(dir); !ok {
		return fmt.Errorf("%s is not empty and was not made by bench gen (no %s): choose another folder", dir, StampName)
	}
	for _, name := range []string{"content", "site.toml", StampName} {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// StampFor is the stamp a complete corpus made with cfg carries. It
// includes the size of the training folder, so that a changed corpus
// of laws means a new generation.
func StampFor(cfg Config) Stamp {
	s := Stamp{Version: generatorVersion, Files: cfg.Files, MB: cfg.MB, Seed: cfg.Seed, MixReal: cfg.MixReal, Train: cfg.Train, Complete: true}
	if st, err := TreeSize(cfg.Train, ""); err == nil {
		s.TrainFiles, s.TrainBytes = st.Files, st.Bytes
	}
	return s
}
