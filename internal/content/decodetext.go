package content

// DecodeText turns a text file's bytes into UTF-8 with "\n" line endings, as
// content files are read: UTF-8 (with or without a byte order mark), UTF-16
// and GBK/GB18030 are recognised. It returns a warning when it converted the
// encoding, and an error message with its 1-based line when the bytes cannot
// be read as text. djkb import reads plain-text documents through it.
func DecodeText(data []byte) (text []byte, warning string, errLine int, errMsg string) {
	return decodeText(data)
}
