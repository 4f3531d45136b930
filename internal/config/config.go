// Package config reads a site's site.toml into typed settings with defaults.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"djkb/internal/content"
	"djkb/internal/sitefs"
)

// FileName is the name of the configuration file in a site folder.
const FileName = "site.toml"

// Taxonomy names a front-matter field whose values get their own list pages.
type Taxonomy struct {
	Key  string `toml:"key"`  // front-matter key or derived field (year, section)
	Name string `toml:"name"` // Chinese label, e.g. 专题
	Path string `toml:"path"` // URL segment, e.g. tags
}

// Cleanup holds the limits of the regulation clean-up checks and the
// current clean-up batch.
type Cleanup struct {
	TrialYears  int `toml:"trial_years"`  // longest allowed trial period
	ReviewYears int `toml:"review_years"` // longest time between two reviews
	// Batch is the name of the current batch, copied from Current so that
	// code reading only the name need not know the batch's other keys.
	Batch   string    `toml:"-"`
	Current BatchInfo `toml:"batch"`
	// FilingDays is how long after 印发 a document must be filed (报备).
	FilingDays int `toml:"filing_days"`
	// FilingSince leaves documents issued before it out of the filing check
	// (备案审查 kept on paper before the knowledge base).
	FilingSince time.Time `toml:"filing_since"`
	// FilingIssuers are the organ's own issuing bodies, whose 党内规范性文件
	// and 本单位制度 are filed; default: the site's unit.
	FilingIssuers []string `toml:"filing_issuers"`
}

// The kinds of clean-up batch.
var BatchKinds = []string{"定期", "即时", "专项"}

// BatchInfo describes a clean-up batch: `batch = "名称"`, or a table
// [cleanup.batch] with the kind, the upper-level document that triggered a
// 专项 batch, and, once the 清理决定 is issued, published and the
// decision's title, 文号 and date.
type BatchInfo struct {
	Name      string    `toml:"name" json:"name"`
	Kind      string    `toml:"kind" json:"kind"`
	Trigger   string    `toml:"trigger" json:"trigger"`
	Published bool      `toml:"published" json:"published"`
	Decision  string    `toml:"decision" json:"decision"`
	DocNumber string    `toml:"doc_number" json:"doc_number"`
	Date      time.Time `toml:"date" json:"date,omitzero"`
}

// UnmarshalTOML reads a batch written as its name alone or as a table.
func (b *BatchInfo) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*b = BatchInfo{Name: v}
		return nil
	case map[string]any:
		var text bytes.Buffer
		if err := toml.NewEncoder(&text).Encode(v); err != nil {
			return err
		}
		type plain BatchInfo
		var p plain
		if _, err := toml.Decode(text.String(), &p); err != nil {
			return err
		}
		*b = BatchInfo(p)
		return nil
	}
	return fmt.Errorf("cleanup.batch 应是批次名称（如 batch = \"2026年度清理\"）或 [cleanup.batch] 表")
}

// Digest holds the cover texts of the printable compilation.
type Digest struct {
	Title string `toml:"title"`
	Unit  string `toml:"unit"`
	Notes string `toml:"notes"` // extra paragraph for 编辑说明
	// Source says where the texts come from, for the 编辑说明.
	Source string `toml:"source"`
}

// Config is a site's configuration.
type Config struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	Unit        string `toml:"unit"`     // the organ that keeps the knowledge base
	BaseURL     string `toml:"base_url"` // absolute URL for sitemap and feed; optional
	// FileLinks makes every link to a page end in index.html, so that a
	// build works opened from a file share (file://) as well as over HTTP.
	// On by default: a site copied to a shared drive must work as built.
	// Off gives the shorter addresses that only a web server resolves.
	FileLinks bool `toml:"file_links"`
	// UnsafeHTML lets raw HTML in Markdown through; off by default.
	UnsafeHTML bool `toml:"unsafe_html"`
	PageSize   int  `toml:"page_size"`
	// ListPages caps the numbered pages of one list (a section's, a
	// taxonomy term's): a longer list shows its first ListPages pages and
	// points to the filters, the classifications and search for the rest,
	// rather than thousands of near-identical pages. 0: no cap.
	ListPages     int        `toml:"list_pages"`
	SummaryLength int        `toml:"summary_length"`
	RecentCount   int        `toml:"recent_count"`
	Search        bool       `toml:"search"`
	Taxonomies    []Taxonomy `toml:"taxonomies"`
	Cleanup       Cleanup    `toml:"cleanup"`
	Digest        Digest     `toml:"digest"`
}

// DefaultListPages is the default cap of a list's numbered pages: at the
// default page size, the first thousand entries of a list.
const DefaultListPages = 50

// DefaultTaxonomies are used when site.toml names none: the taxonomies of
// the content schema.
var DefaultTaxonomies = defaultTaxonomies()

func defaultTaxonomies() []Taxonomy {
	var out []Taxonomy
	for _, f := range content.TaxonomyFields() {
		out = append(out, Taxonomy{Key: f.Key, Name: f.Label, Path: f.Path})
	}
	return out
}

// Default returns the configuration of a site whose site.toml is empty.
func Default() Config {
	return Config{
		Title:         "机关党建知识库",
		FileLinks:     true,
		PageSize:      20,
		ListPages:     DefaultListPages,
		SummaryLength: 120,
		RecentCount:   10,
		Search:        true,
		Taxonomies:    DefaultTaxonomies,
		Cleanup:       Cleanup{TrialYears: 5, ReviewYears: 5, FilingDays: 30},
	}
}

// Error is a problem in site.toml, with its line where known.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: 错误：%s", FileName, e.Line, e.Msg)
	}
	return FileName + ": 错误：" + e.Msg
}

// Load reads siteDir/site.toml. A missing file is an error: it marks a site folder.
func Load(siteDir string) (Config, error) {
	data, err := sitefs.New(siteDir).ReadFile(FileName)
	if err != nil {
		var refused *sitefs.Error
		if errors.Is(err, os.ErrNotExist) {
			return Config{}, &Error{Msg: fmt.Sprintf("在 %s 中找不到 site.toml：请在站点文件夹中运行，或用 -s 指定站点文件夹", siteDir)}
		}
		if errors.As(err, &refused) {
			return Config{}, &Error{Msg: refused.Msg}
		}
		return Config{}, &Error{Msg: "无法读取：" + err.Error()}
	}
	return Parse(data)
}

// Parse reads the TOML text of site.toml.
func Parse(data []byte) (Config, error) {
	cfg := Default()
	cfg.Taxonomies = nil
	md, err := toml.Decode(string(data), &cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return Config{}, &Error{Line: pe.Position.Line, Msg: "TOML 格式有误（" + pe.Message + "），请检查引号、等号和括号是否配对"}
		}
		return Config{}, &Error{Msg: "配置项类型不对：" + err.Error()}
	}
	if !md.IsDefined("taxonomies") {
		cfg.Taxonomies = DefaultTaxonomies
	}
	if !md.IsDefined("search") {
		cfg.Search = true
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = 20
	}
	if cfg.ListPages < 0 {
		cfg.ListPages = DefaultListPages
	}
	if cfg.SummaryLength <= 0 {
		cfg.SummaryLength = 120
	}
	if cfg.RecentCount <= 0 {
		cfg.RecentCount = 10
	}
	if cfg.Cleanup.TrialYears <= 0 {
		cfg.Cleanup.TrialYears = 5
	}
	if cfg.Cleanup.ReviewYears <= 0 {
		cfg.Cleanup.ReviewYears = 5
	}
	if cfg.Cleanup.FilingDays <= 0 {
		cfg.Cleanup.FilingDays = 30
	}
	if len(cfg.Cleanup.FilingIssuers) == 0 && cfg.Unit != "" {
		cfg.Cleanup.FilingIssuers = []string{cfg.Unit}
	}
	cfg.Cleanup.Batch = cfg.Cleanup.Current.Name
	if b := cfg.Cleanup.Current; b.Name == "" && b != (BatchInfo{}) {
		return Config{}, &Error{Msg: "[cleanup.batch] 缺少 name：请写上本次清理批次的名称，如 name = \"2026年度集中清理\""}
	}
	if k := cfg.Cleanup.Current.Kind; k != "" && !slices.Contains(BatchKinds, k) {
		return Config{}, &Error{Msg: fmt.Sprintf("[cleanup.batch] 的 kind “%s”无法识别，只能是 定期、即时 或 专项", k)}
	}
	if b := cfg.Cleanup.Current; b.Kind == "专项" && b.Trigger == "" {
		return Config{}, &Error{Msg: "[cleanup.batch] 是专项清理，请在 trigger 中写明引发这次清理的上位文件，如 trigger = \"中国共产党党员教育管理工作条例\""}
	}
	if cfg.Digest.Title == "" {
		cfg.Digest.Title = cfg.Title + "法规制度汇编"
	}
	if cfg.Digest.Unit == "" {
		cfg.Digest.Unit = cfg.Unit
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	seen := map[string]bool{}
	for i, t := range cfg.Taxonomies {
		if t.Key == "" || t.Path == "" {
			return Config{}, &Error{Msg: fmt.Sprintf("第 %d 个 [[taxonomies]] 缺少 key 或 path", i+1)}
		}
		if t.Name == "" {
			cfg.Taxonomies[i].Name = t.Key
		}
		if seen[t.Path] {
			return Config{}, &Error{Msg: fmt.Sprintf("[[taxonomies]] 的 path %q 重复了，每个分类需要不同的 path", t.Path)}
		}
		seen[t.Path] = true
	}
	return cfg, nil
}
