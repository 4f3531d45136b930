package rawfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadWriteEqual(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 1 << 20} {
		data := bytes.Repeat([]byte("党建知识库"), size/15+1)[:size]
		name := filepath.Join(dir, "f")
		if err := WriteFile(name, data); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(name)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("size %d: read %d bytes, %v", size, len(got), err)
		}
		if want, _ := os.ReadFile(name); !bytes.Equal(want, data) {
			t.Fatalf("size %d: os.ReadFile disagrees", size)
		}
		if !Equal(name, data) {
			t.Errorf("size %d: Equal = false for the same bytes", size)
		}
		if size > 0 {
			changed := bytes.Clone(data)
			changed[size-1] ^= 1
			if Equal(name, changed) {
				t.Errorf("size %d: Equal = true for a changed last byte", size)
			}
		}
		if Equal(name, append(bytes.Clone(data), 'x')) {
			t.Errorf("size %d: Equal = true for a longer text", size)
		}
	}
}

func TestWriteFileReplaces(t *testing.T) {
	name := filepath.Join(t.TempDir(), "f")
	if err := WriteFile(name, []byte(strings.Repeat("长", 100))); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(name, []byte("短")); err != nil {
		t.Fatal(err)
	}
	if got, _ := ReadFile(name); string(got) != "短" {
		t.Fatalf("got %q after a shorter write", got)
	}
	if st, _ := os.Stat(name); st.Mode().Perm()&0o600 != 0o600 {
		t.Errorf("mode %v: the owner cannot read and write", st.Mode())
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "缺失.md")
	if _, err := ReadFile(missing); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("ReadFile of a missing file: %v", err)
	}
	if Equal(missing, nil) {
		t.Error("Equal = true for a missing file")
	}
	if err := WriteFile(filepath.Join(dir, "无此文件夹", "f"), []byte("x")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("WriteFile into a missing folder: %v", err)
	}
	if _, err := ReadFile(dir); err == nil {
		t.Error("ReadFile of a folder succeeded")
	}
}
