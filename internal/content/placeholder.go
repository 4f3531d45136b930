package content

import (
	"bytes"

	"djkb/internal/diag"
)

// placeholder is what the skeletons of djkb new (layouts/new/) leave for
// the editor to replace. Real laws and rules do not use it.
var placeholder = []byte("……")

// warnPlaceholders warns about each placeholder of a new page left in src:
// an empty 文号 and each body line still holding "……". Other pages may
// quote an ellipsis, so only regulations, cases and brands are checked.
func warnPlaceholders(src *Source, diags *diag.List) {
	if src.IsSection || src.Kind == KindPage {
		return
	}
	if r := src.Meta.Regulation; r != nil && r.DocNumber == "" {
		if v, ok := src.Front.Values["doc_number"]; ok && v == "" {
			diags.Warnf(src.File, src.Front.Line("doc_number"), "文号还是空的：请填写，如 doc_number = \"东统党发〔2026〕1号\"；没有文号的文件请删去这一行")
		}
	}
	if !bytes.Contains(src.body, placeholder) {
		return
	}
	line := src.BodyLine
	for body := src.body; len(body) > 0; line++ {
		cur, rest, _ := bytes.Cut(body, []byte{'\n'})
		if bytes.Contains(cur, placeholder) {
			diags.Warnf(src.File, line, "这一行还是模板中的占位文字“……”：请写上实际内容，或删去这一行")
		}
		body = rest
	}
}
