package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// stampName is the file in a corpus folder that records how it was
// generated. It also marks the folder as one gen may overwrite.
const stampName = ".bench-corpus.json"

// generatorVersion changes whenever the same parameters would give a
// different corpus, so that `bench all` regenerates.
const generatorVersion = 1

// genStamp records the parameters of a generated corpus.
type genStamp struct {
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

// readStamp returns the stamp of dir, or false if it has none.
func readStamp(dir string) (genStamp, bool) {
	var s genStamp
	data, err := os.ReadFile(filepath.Join(dir, stampName))
	if err != nil || json.Unmarshal(data, &s) != nil {
		return s, false
	}
	return s, true
}

// writeStamp records s in dir.
func writeStamp(dir string, s genStamp) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, stampName), append(data, '\n'), 0o644)
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
	if _, ok := readStamp(dir); !ok {
		return fmt.Errorf("%s is not empty and was not made by bench gen (no %s): choose another folder", dir, stampName)
	}
	for _, name := range []string{"content", "site.toml", stampName} {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// stampFor is the stamp a complete corpus made with cfg carries. It
// includes the size of the training folder, so that a changed corpus
// of laws means a new generation.
func stampFor(cfg genConfig) genStamp {
	s := genStamp{Version: generatorVersion, Files: cfg.files, MB: cfg.mb, Seed: cfg.seed, MixReal: cfg.mixReal, Train: cfg.train, Complete: true}
	if st, err := statTree(cfg.train, ""); err == nil {
		s.TrainFiles, s.TrainBytes = st.files, st.bytes
	}
	return s
}
