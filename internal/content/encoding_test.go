package content

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// utf16 encodes text as UTF-16 without a byte order mark.
func utf16(t testing.TB, text string, order unicode.Endianness) []byte {
	data, err := unicode.UTF16(order, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// randomText is Markdown-like text of ASCII and Chinese characters and
// punctuation, ending in a line break as editors save it.
func randomText(rng *rand.Rand) string {
	ranges := [][2]rune{{' ', '~'}, {'\n', '\n'}, {0x4E00, 0x9FFF}, {0x3000, 0x303F}, {0xFF01, 0xFF5E}, {0x3400, 0x4DBF}}
	var b strings.Builder
	for n := rng.IntN(200); n >= 0; n-- {
		r := ranges[rng.IntN(len(ranges))]
		b.WriteRune(r[0] + rune(rng.IntN(int(r[1]-r[0]+1))))
	}
	b.WriteByte('\n')
	return b.String()
}

// TestUTF16WithoutBOMRoundTrips decodes random texts and the sample
// site's pages saved as UTF-16 without a byte order mark, in both byte
// orders.
func TestUTF16WithoutBOMRoundTrips(t *testing.T) {
	texts := []string{"+++\ntitle = \"一\"\n+++\n一一一\n", "一\n", "中\n", "abc\n"}
	pages, _ := filepath.Glob("../../content/*/*.md")
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		texts = append(texts, randomText(rng))
	}
	for _, text := range texts {
		for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
			got, warning, _, errMsg := decodeText(utf16(t, text, order))
			if errMsg != "" || warning == "" || string(got) != string(normalizeNewlines([]byte(text))) {
				t.Fatalf("order %v, %q: got %q, warning %q, error %q", order, text, got, warning, errMsg)
			}
		}
	}
}

// TestStrayNULIsNotUTF16 keeps refusing UTF-8 files with a NUL byte
// instead of reading them as UTF-16.
func TestStrayNULIsNotUTF16(t *testing.T) {
	pages, _ := filepath.Glob("../../content/*/*.md")
	if len(pages) == 0 {
		t.Fatal("no sample pages")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, p := range pages {
		data, _ := os.ReadFile(p)
		for range 20 {
			i := rng.IntN(len(data) + 1)
			bad := append(append(append([]byte{}, data[:i]...), 0), data[i:]...)
			if len(bad)%2 != 0 {
				bad = append(bad, '\n')
			}
			if _, _, _, errMsg := decodeText(bad); !strings.Contains(errMsg, "空字节") {
				t.Fatalf("%s with NUL at %d: error %q", p, i, errMsg)
			}
		}
	}
	for _, text := range []string{"abcdefgh\x00\nijklmnopqrstuvwxyz\n", "hello\n\x00world wide web\n"} {
		if _, _, _, errMsg := decodeText([]byte(text)); errMsg == "" {
			t.Errorf("%q decoded", text)
		}
	}
}

// FuzzDecodeText checks that decoding never panics, and that what it
// accepts is valid UTF-8 without NUL bytes or carriage returns.
func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("# 标题\n正文\n"))
	f.Add([]byte("\xff\xfe#\x00\n\x00"))
	f.Add([]byte("#\x00\n\x00"))
	f.Add([]byte("\x00#\x00\n"))
	f.Add([]byte("\xd8\x00\x0a\x00"))
	f.Add([]byte{0xc4, 0xe3, 0xba, 0xc3, '\n'})
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, line, errMsg := decodeText(data)
		if errMsg != "" {
			if line < 0 || text != nil {
				t.Fatalf("error %q at line %d with text", errMsg, line)
			}
			return
		}
		if !utf8.Valid(text) || bytes.IndexByte(text, 0) >= 0 || bytes.IndexByte(text, '\r') >= 0 {
			t.Fatalf("accepted %q", text)
		}
	})
}
