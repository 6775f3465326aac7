package scan

import (
	"fmt"
	"time"

	"prepub/assets"
	"prepub/review/extract"
)

// Scanner holds the compiled keyword classes, statements and allow list. It is
// immutable once built and safe for concurrent use.
type Scanner struct {
	m     *matcher
	allow *AllowList
}

// levelWords are the three classification levels of the State Secrets Law.
var levelWords = []string{"绝密", "机密", "秘密"}

// New compiles keyword files into a scanner; a later file's terms override an earlier one's.
func New(files ...*TermFile) *Scanner {
	foldOnce.Do(buildFold)
	m := newMatcher()
	for _, w := range levelWords {
		m.add(w, entry{kind: entryLevel, value: w})
	}
	for _, f := range files {
		for i := range f.Classes {
			c := &f.Classes[i]
			for _, t := range c.Terms {
				m.add(Normalize(t), entry{kind: entryTerm, class: c})
			}
		}
		for _, s := range f.Statements {
			for _, t := range s.Terms {
				m.add(Normalize(t), entry{kind: entryStatement, value: s.Attribute})
			}
		}
	}
	m.index()
	return &Scanner{m: m}
}

// Default returns a scanner with the embedded keyword classes and, when given,
// an office's own keyword files added after them.
func Default(extra ...*TermFile) (*Scanner, error) {
	base, err := ParseTerms("assets/keywords.toml", assets.Keywords)
	if err != nil {
		return nil, err
	}
	return New(append([]*TermFile{base}, extra...)...), nil
}

// WithAllow returns a copy of the scanner that leaves out findings the allow list covers.
func (s *Scanner) WithAllow(a *AllowList) *Scanner {
	c := *s
	c.allow = a
	return &c
}

// Options change one scan.
type Options struct {
	Attr string    // the attribute the clerk chose (public, on-request, withheld); empty when none
	Now  time.Time // the date allow-list expiry is judged against; zero means time.Now()
	// MaxFindings is the most findings (and statements) kept before the
	// result is marked TooMany; zero means the package's MaxFindings.
	MaxFindings int
}

func (o Options) maxFindings() int {
	if o.MaxFindings > 0 {
		return o.MaxFindings
	}
	return MaxFindings
}

// Scan scans every part of a document.
func (s *Scanner) Scan(doc *extract.Document, opt Options) *Result {
	res := &Result{Findings: []Finding{}, Statements: []Statement{}}
	max := opt.maxFindings()
	for _, p := range doc.Parts {
		s.scanPart(p, res, max)
	}
	s.checkStatements(res, opt.Attr)
	if s.allow != nil {
		now := opt.Now
		if now.IsZero() {
			now = time.Now()
		}
		res.Findings, res.Allowed = s.allow.Filter(res.Findings, now)
	}
	return res
}

// ScanText scans one string as the body of a document.
func (s *Scanner) ScanText(text string, opt Options) *Result {
	return s.Scan(&extract.Document{Parts: []extract.Part{{Kind: extract.Body, Name: "正文", Text: text}}}, opt)
}

// partScan is the state of the scan of one part, or of one chunk of it.
type partScan struct {
	s     *Scanner
	p     extract.Part
	res   *Result
	max   int // the most findings, and the most statements, res may hold
	head  int // the last offset of the part's head (see atHead)
	lines lineCursor
	check *utf8Check // what the walk passes is checked for UTF-8 as it goes (unchecked.go), nil for no check
}

func newPartScan(s *Scanner, p extract.Part, res *Result, max int) *partScan {
	return &partScan{s: s, p: p, res: res, max: max, head: headEnd(p.Text)}
}

// scanPart scans one part into res: a large part in chunks on every core,
// any other in one walk.
func (s *Scanner) scanPart(p extract.Part, res *Result, max int) {
	if s.scanChunks(p, res, max) {
		return
	}
	ps := newPartScan(s, p, res, max)
	if !p.Unchecked {
		ps.walk(0, len(p.Text), after{})
		return
	}
	check := &utf8Check{text: p.Text, limit: len(p.Text)}
	ps.walkChecked(0, len(p.Text), after{}, check)
	res.notUTF8 = res.notUTF8 || check.bad
}

// add records a finding over text[i:j].
func (ps *partScan) add(cat string, sev Severity, i, j int, basis, note string) {
	if len(ps.res.Findings) >= ps.max {
		ps.res.TooMany = true
		return
	}
	raw := ps.p.Text[i:j]
	ps.res.Findings = append(ps.res.Findings, Finding{
		Category: cat, Severity: sev, Text: raw, Normalized: Normalize(raw),
		Part: ps.p.Kind, PartName: ps.p.Name, Hidden: ps.p.Hidden,
		Offset: i, Line: ps.lineAt(i), Basis: basis, Note: hiddenNote(ps.p, note),
	})
}

func hiddenNote(p extract.Part, note string) string {
	if !p.Hidden {
		return note
	}
	where := map[extract.PartKind]string{extract.Comment: "批注", extract.Deleted: "修订删除的文字",
		extract.Properties: "文档属性"}[p.Kind]
	if where == "" {
		where = "隐藏文字"
	}
	return fmt.Sprintf("【隐藏内容：位于%s，正常阅读看不到，但随文件一起发出】%s", where, note)
}

// match handles a keyword found at text[i:end] and returns where scanning goes on.
func (ps *partScan) match(i, end int, e *entry) int {
	switch e.kind {
	case entryLevel:
		return ps.level(i, end, e.value)
	case entryStatement:
		if len(ps.res.Statements) >= ps.max {
			ps.res.TooMany = true
			break
		}
		ps.res.Statements = append(ps.res.Statements, Statement{Attribute: e.value,
			Text: ps.p.Text[i:end], Part: ps.p.Kind, PartName: ps.p.Name, Hidden: ps.p.Hidden,
			Offset: i, Line: ps.lineAt(i)})
	case entryTerm:
		c := e.class
		sev, note := c.Severity, c.Note
		switch {
		case c.Mention && ps.isMention(i, end):
			sev, note = Low, "正文提及，不是标注。"+note
		case c.HeadBoost && ps.atHead(i) && ps.shortLine(i, end):
			sev = boost(sev)
			note = "位于文首单独一行，像是标注。" + note
		}
		ps.add(c.Category, sev, i, end, c.Basis, note)
	}
	return end
}

// boost raises a severity by one level, never to critical.
func boost(s Severity) Severity {
	switch s {
	case Low:
		return Medium
	case Medium:
		return High
	}
	return s
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isAlnum(c byte) bool {
	return isDigit(c) || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
}
