package content

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding problems are reported in editors' words; the decoder returns text
// or an explanation, never mojibake.

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText turns a file's bytes into UTF-8 text with "\n" line endings.
// It returns a warning when it had to convert the encoding, and an error
// message (with the 1-based line) when the file cannot be read as text.
func decodeText(data []byte) (text []byte, warning string, errLine int, errMsg string) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		data = data[len(utf8BOM):]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return nil, "", 0, "文件看起来是 UTF-16 编码，但无法转换：请用记事本“另存为”UTF-8 编码"
		}
		data = out
		warning = "文件是 UTF-16 编码，已自动转换；建议另存为 UTF-8 编码"
	}
	if bytes.IndexByte(data, 0) >= 0 && warning == "" {
		if out, ok := decodeUTF16NoBOM(data); ok {
			data = out
			warning = "文件是 UTF-16 编码（没有字节顺序标记），已自动转换；建议另存为 UTF-8 编码"
		}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, "", lineAt(data, i), "文件中含有空字节（NUL），可能不是文本文件或已损坏：请检查该文件，或另存为 UTF-8 文本"
	}
	if !utf8.Valid(data) {
		out, ok := decodeGB18030(data)
		if !ok {
			i := firstInvalidUTF8(data)
			return nil, "", lineAt(data, i), "文件不是有效的 UTF-8 编码，也不是 GBK/GB18030 编码：请用编辑器打开该文件，“另存为”UTF-8 编码"
		}
		data = out
		warning = "文件是 GBK/GB18030 编码，已自动转换为 UTF-8；建议将文件另存为 UTF-8 编码"
	}
	return normalizeNewlines(data), warning, 0, ""
}

// decodeGB18030 decodes data as GB18030 (a superset of GBK and GB2312). It
// accepts the result only when it contains no replacement characters and
// reads as Chinese text, so a file in another encoding is refused rather than
// turned into nonsense.
func decodeGB18030(data []byte) ([]byte, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return nil, false
	}
	var han, other int
	for _, r := range string(out) {
		switch {
		case r < 0x80:
		case isChinese(r):
			han++
		default:
			other++
		}
	}
	return out, han > 0 && han >= 4*other
}

// isChinese reports whether r is a Chinese character or punctuation mark.
func isChinese(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// decodeUTF16NoBOM decodes data as UTF-16 without a byte order mark, which
// some editors save. Text in UTF-8 has no NUL bytes, and UTF-16 has one in
// each ASCII character, the line breaks included. It tries both byte
// orders and keeps the one that reads as text: lines, no control
// characters or broken surrogate pairs, and mostly ASCII and Chinese.
func decodeUTF16NoBOM(data []byte) ([]byte, bool) {
	if len(data)%2 != 0 {
		return nil, false
	}
	var best []byte
	bestScore, tie := 0, false
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data)
		if err != nil {
			continue
		}
		score := textScore(out)
		switch {
		case score > bestScore:
			best, bestScore, tie = out, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	return best, best != nil && !tie
}

// textScore counts the ASCII and Chinese characters of decoded text, or
// returns 0 when it does not read as text.
func textScore(text []byte) int {
	if bytes.IndexAny(text, "\n\r") < 0 {
		return 0
	}
	var common, other int
	for _, r := range string(text) {
		switch {
		case r == utf8.RuneError, r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f', r == 0x7F:
			return 0
		case r < 0x80 || isChinese(r):
			common++
		default:
			other++
		}
	}
	if common < 4*other {
		return 0
	}
	return common
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\r' {
			out = append(out, '\n')
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, c)
	}
	return out
}

// lineAt returns the 1-based line of byte offset i.
func lineAt(data []byte, i int) int {
	if i > len(data) {
		i = len(data)
	}
	return bytes.Count(data[:i], []byte{'\n'}) + 1
}
