package corpus

import (
	"bytes"
	"math/rand/v2"
	"strings"
)

// writeFrontMatter writes the YAML or TOML block of p, if it has one.
// YAML blocks imitate files brought from other tools (sidebar: auto, or
// a title and tags); TOML blocks follow the djkb regulation schema.
func writeFrontMatter(b *bytes.Buffer, p *docPlan, r *rand.Rand) {
	switch p.fm {
	case fmYAML:
		b.WriteString("---\n")
		if r.IntN(2) == 0 {
			b.WriteString("sidebar: auto\n")
		} else {
			b.WriteString("title: " + tomlString(p.meta.title) + "\n")
			b.WriteString("tags:\n")
			for _, t := range p.tags {
				b.WriteString("  - " + t + "\n")
			}
		}
		b.WriteString("---\n\n")
	case fmTOML:
		b.WriteString("+++\n")
		kv := func(k, v string) { b.WriteString(k + " = " + v + "\n") }
		kv("title", tomlString(p.meta.title))
		kv("doc_number", tomlString(p.meta.docNumber))
		kv("system", tomlString(p.meta.system))
		kv("form", tomlString(p.meta.form))
		if p.cat.sector != "" {
			kv("sector", tomlString(p.cat.sector))
		}
		kv("issuer", tomlList(p.meta.issuers))
		kv("issued", p.issued.iso())
		kv("effective", p.effective.iso())
		kv("status", tomlString(p.status))
		kv("trial", tomlString(trialOf(p.meta.title)))
		if p.supersedes != "" {
			kv("supersedes", tomlString(p.supersedes))
		}
		if p.supersededBy != "" {
			kv("superseded_by", tomlString(p.supersededBy))
		}
		kv("tags", tomlList(p.tags))
		b.WriteString("+++\n\n")
	}
}

// tomlString quotes s as a TOML basic string (also valid YAML).
func tomlString(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// tomlList writes a TOML array of strings.
func tomlList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = tomlString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
