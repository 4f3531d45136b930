// Package compilation compiles the printable 汇编 of a site's regulations: one
// self-contained HTML document with a cover, 编辑说明, 目录, every selected
// regulation on its own pages with its header line and 修订沿革, and the
// clean-up appendices. PrintPDF prints it through headless Chromium with
// the right page numbers in the table of contents.
package compilation

import (
	"cmp"
	"io/fs"
	"time"

	"djkb/internal/content"
	"djkb/internal/register"
	"djkb/internal/site"
)

// Unrecorded is the --status value that selects regulations recording no
// status of their own (files copied in without front matter) and presumed
// in force.
const Unrecorded = "未标注"

// DefaultStatuses is the default selection: what is in force, including
// regulations that record no status and are presumed in force.
var DefaultStatuses = []string{content.InForce, Unrecorded}

// Options choose what the digest holds.
type Options struct {
	Statuses []string // 效力状态 to include, with Unrecorded; default DefaultStatuses
	Systems  []string // 体系 (or first-level folder) to include; all when empty
	Tags     []string // include regulations with any of these tags; all when empty
	// Paths, when given, makes a 选编: only these regulations (paths
	// relative to content/), whatever the other filters.
	Paths []string
	Title string // the cover title of a 选编; default site.toml [digest] title
	// NoIndex leaves the 索引 out of the PDF, which saves marking every
	// occurrence of its terms and printing it.
	NoIndex  bool
	AsOf     time.Time // the 截至 date: statuses are taken as of this day; default today
	SiteDir  string    // for the site's own layouts/digest.html and static/css/digest.css
	Defaults fs.FS     // the embedded layouts/ and static/
	// PrintRuns is how many runs PDF prints the body in; 0 lets it choose
	// by the length of the body.
	PrintRuns int
}

// Digest is a compiled 汇编, ready to render.
type Digest struct {
	Title    string
	Unit     string
	AsOf     time.Time
	Notes    []string // paragraphs of 编辑说明
	Groups   []*Group // the selected regulations by system and sector or form
	Items    []*Item  // the same, in document order
	Appendix []*Appendix
	Batch    string // the clean-up batch the statuses rely on
	// HasIndex is set while printing a PDF with a 索引, whose entries
	// IndexEntries holds once the body is printed.
	HasIndex     bool
	IndexEntries []IndexEntry

	site  *site.Site
	opts  Options
	byURL map[*site.Page]*Item
}

// Group is one 体系 (system) of the digest.
type Group struct {
	ID        string // element id, "g1"
	Title     string
	Subgroups []*Subgroup
	// Continued is set in a part of the body printed on its own that starts
	// inside the group: its heading and id are in the part before.
	Continued bool
}

// Subgroup is one sector (板块) or form (名称类别) within a system; its
// Title is "" when the system is not divided.
type Subgroup struct {
	ID        string // element id, "g1-2"
	Title     string
	Items     []*Item
	Continued bool // as for Group
}

// New selects, orders and renders the regulations of s.
func New(s *site.Site, opts Options) (*Digest, error) {
	if len(opts.Statuses) == 0 {
		opts.Statuses = DefaultStatuses
	}
	if opts.AsOf.IsZero() {
		opts.AsOf = register.Today()
	}
	reg := register.New(s)
	d := &Digest{
		Title: cmp.Or(opts.Title, s.Config.Digest.Title), Unit: s.Config.Digest.Unit, AsOf: opts.AsOf,
		site: s, opts: opts, byURL: map[*site.Page]*Item{},
	}
	scope := inScope(reg, opts)
	d.Groups = arrange(selectItems(reg, scope, opts))
	for _, g := range d.Groups {
		for _, sg := range g.Subgroups {
			for _, it := range sg.Items {
				it.ID = "d" + itoa(len(d.Items)+1)
				d.Items = append(d.Items, it)
				d.byURL[it.Page] = it
			}
		}
	}
	if err := d.renderItems(); err != nil {
		return nil, err
	}
	d.Batch, _, _ = register.Batch(s, reg)
	d.Appendix = appendices(d, reg, scope)
	d.Notes = notes(d)
	return d, nil
}
