package corpus

import (
	"bytes"
	"math/rand/v2"

	"djkb/internal/numerals"
)

// outline writes the headings between articles: 第一编, 第一章 and
// 第一节, with full-width spaces before their names as in real laws.
type outline struct {
	chapters, sections, parts bool
	names, sectionNames       []string

	part, chapter, section       int
	partLeft, chLeft, secLeft    int // what is left before the next heading
	sectioned                    bool
	partLevel, chLevel, secLevel string
}

// newOutline decides how a document of size bytes is divided: short
// texts are bare articles, most get chapters, a fifth get sections in
// some chapters, and texts past 300 KB are split into parts.
func newOutline(r *rand.Rand, size int, names, sectionNames []string) *outline {
	o := &outline{names: names, sectionNames: sectionNames}
	o.chapters = size > 6000 && r.IntN(100) < 85
	o.parts = o.chapters && size > 300_000
	o.sections = o.chapters && r.IntN(100) < 20
	o.partLevel, o.chLevel, o.secLevel = "##", "##", "###"
	if o.parts {
		o.chLevel, o.secLevel = "###", "####"
	}
	return o
}

// open writes the first headings, naming the first chapter first.
func (o *outline) open(b *bytes.Buffer, r *rand.Rand, first string) {
	if !o.chapters {
		return
	}
	if o.parts {
		o.newPart(b, r, first)
		first = "一般规定"
	}
	o.heading(b, o.chLevel, "第"+numerals.Chinese(1)+"章", first)
	o.chapter, o.chLeft = 1, 2+r.IntN(5)
}

// next is called before each article of the body and writes whatever
// headings are due.
func (o *outline) next(b *bytes.Buffer, r *rand.Rand) {
	if !o.chapters {
		return
	}
	if o.chLeft == 0 {
		o.newChapter(b, r)
	} else if o.sectioned && o.secLeft == 0 {
		o.newSection(b, r)
	}
	o.chLeft--
	o.secLeft--
}

// close starts a closing chapter such as 法律责任 or 附则.
func (o *outline) close(b *bytes.Buffer, name string) {
	if !o.chapters {
		return
	}
	o.chapter++
	o.sectioned = false
	o.heading(b, o.chLevel, "第"+numerals.Chinese(o.chapter)+"章", name)
}

func (o *outline) newChapter(b *bytes.Buffer, r *rand.Rand) {
	if o.parts {
		if o.partLeft--; o.partLeft <= 0 {
			o.newPart(b, r, pick(r, o.names))
		}
	}
	o.chapter++
	o.heading(b, o.chLevel, "第"+numerals.Chinese(o.chapter)+"章", pick(r, o.names))
	o.chLeft = 3 + r.IntN(14)
	o.sectioned = o.sections && r.IntN(2) == 0
	o.section = 0
	if o.sectioned {
		o.newSection(b, r)
	}
}

func (o *outline) newSection(b *bytes.Buffer, r *rand.Rand) {
	o.section++
	o.heading(b, o.secLevel, "第"+numerals.Chinese(o.section)+"节", pick(r, o.sectionNames))
	o.secLeft = 2 + r.IntN(6)
}

func (o *outline) newPart(b *bytes.Buffer, r *rand.Rand, name string) {
	o.part++
	o.heading(b, o.partLevel, "第"+numerals.Chinese(o.part)+"编", name)
	o.chapter, o.partLeft = 0, 6+r.IntN(10)
}

// heading writes "## 第一章　总则".
func (o *outline) heading(b *bytes.Buffer, level, label, name string) {
	b.WriteString(level + " " + label + "　" + name + "\n\n")
}
