package release

import "strings"

// segment is one piece of a paragraph's text: the text of a w:t, or the tab
// or line break a w:tab, w:br or w:cr stands for.
type segment struct {
	text       string
	start, end int  // the whole element in the part
	tagEnd     int  // w:t: where its start tag ends
	contentEnd int  // w:t: where its end tag begins
	isText     bool // a w:t, whose text can be rewritten
}

// paragraph gathers the text of one w:p as its runs end, so a passage split
// across runs is found whole.
type paragraph struct {
	segs     []segment
	fallback bool // inside mc:Fallback, the copy Word keeps for old readers
}

// rewrite adds the edits that make the paragraph's replacements: the new text
// goes into the w:t where a passage starts, and what the passage covered in
// later runs is cut from them. Runs no passage touches are left as they are.
func (p *paragraph) rewrite(data []byte, m *matcher, ed *edits) {
	if len(p.segs) == 0 {
		return
	}
	var b strings.Builder
	offs := make([]int, len(p.segs)+1)
	for i, s := range p.segs {
		offs[i] = b.Len()
		b.WriteString(s.text)
	}
	offs[len(p.segs)] = b.Len()
	text := b.String()
	rs := m.find(text, !p.fallback)
	if len(rs) == 0 {
		return
	}
	for i, s := range p.segs {
		newText, changed := cut(text, offs[i], offs[i+1], rs)
		switch {
		case !changed:
		case newText == "":
			ed.add(s.start, s.end, "")
		case s.isText:
			ed.add(s.start, s.end, preserveSpace(data[s.start:s.tagEnd])+escapeText(newText)+string(data[s.contentEnd:s.end]))
		}
	}
}

// cut returns text[lo:hi] with the replacements that touch it made, and
// whether any did. A replacement's text goes where its range starts.
func cut(text string, lo, hi int, rs []repl) (string, bool) {
	var b strings.Builder
	pos, changed := lo, false
	for _, r := range rs {
		if r.b <= lo || r.a >= hi {
			continue
		}
		changed = true
		if r.a >= lo {
			b.WriteString(text[pos:r.a])
			b.WriteString(r.text)
		}
		pos = min(r.b, hi)
	}
	if !changed {
		return "", false
	}
	b.WriteString(text[pos:hi])
	return b.String(), true
}

// preserveSpace returns a w:t start tag that keeps leading and trailing spaces.
func preserveSpace(tag []byte) string {
	s := string(tag)
	if strings.Contains(s, "xml:space") {
		return s
	}
	return strings.TrimSuffix(s, ">") + ` xml:space="preserve">`
}
