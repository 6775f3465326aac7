package release

import (
	"encoding/xml"
	"strings"
)

// story rewrites one WordprocessingML part (the body, a header, a footer, the
// footnotes): tracked changes accepted, comment marks and hidden runs removed,
// custom XML unwrapped, and the needles replaced in every paragraph, text boxes
// included. Each change is an edit of the part's own bytes.
type story struct {
	data  []byte
	m     *matcher
	rep   *Report
	ed    edits
	stack []*frame
	skip  int // depth of the element being removed whole; 0 when none
}

// frame is an open element.
type frame struct {
	name          xml.Name
	start, tagEnd int
	unwrap        bool             // its tags go, what it holds stays
	para          *paragraph       // a w:p
	run           *run             // a w:r
	text          *strings.Builder // a w:t in a run
}

// run gathers a w:r's text until it ends.
type run struct {
	para       *paragraph
	segs       []segment
	commentRef bool
}

// rewriteStory returns the part's edits.
func rewriteStory(data []byte, m *matcher, rep *Report, maxDepth int) (edits, error) {
	st := &story{data: data, m: m, rep: rep}
	err := walk(data, maxDepth, func(tok xml.Token, start, end int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			st.open(t, start, end)
		case xml.EndElement:
			st.close(start, end)
		case xml.CharData:
			if top := st.top(0); st.skip == 0 && top != nil && top.text != nil {
				top.text.Write(t)
			}
		}
		return nil
	})
	return st.ed, err
}

// top returns the open element n levels above the innermost, or nil.
func (st *story) top(n int) *frame {
	if i := len(st.stack) - 1 - n; i >= 0 {
		return st.stack[i]
	}
	return nil
}

func (st *story) is(f *frame, local string) bool {
	return f != nil && f.name.Space == nsW && f.name.Local == local
}

// remove removes the open element at stack index i whole, skipping what it holds.
func (st *story) remove(i int) { st.skip = i + 1 }

func (st *story) open(t xml.StartElement, start, end int) {
	f := &frame{name: t.Name, start: start, tagEnd: end}
	st.stack = append(st.stack, f)
	if st.skip > 0 || t.Name.Space != nsW {
		return
	}
	local, parent := t.Name.Local, st.top(1)
	parentLocal := ""
	if parent != nil {
		parentLocal = parent.name.Local
	}
	switch cleaned[local] {
	case drop:
		if local == "del" && st.is(parent, "trPr") { // a deleted table row goes whole
			for i := len(st.stack) - 1; i >= 0; i-- {
				if st.is(st.stack[i], "tr") {
					st.remove(i)
					st.rep.Accepted.Deletions++
					return
				}
			}
		}
		if local == "commentReference" {
			if r := st.innermost(func(f *frame) bool { return f.run != nil }); r != nil {
				r.run.commentRef = true
			}
		}
		st.rep.tally(local, parentLocal)
		st.remove(len(st.stack) - 1)
		return
	case unwrap:
		f.unwrap = true
		st.rep.tally(local, parentLocal)
		st.ed.add(start, end, "")
		return
	}
	switch {
	case local == "p":
		f.para = &paragraph{fallback: st.innermost(func(f *frame) bool { return f.name.Space == nsMC && f.name.Local == "Fallback" }) != nil}
	case local == "r":
		f.run = &run{}
		if p := st.innermost(func(f *frame) bool { return f.para != nil }); p != nil {
			f.run.para = p.para
		}
	case local == "t" && st.is(parent, "r"):
		f.text = &strings.Builder{}
	case hides(t) && st.is(parent, "rPr") && st.is(st.top(2), "r"):
		st.rep.HiddenRuns++
		st.remove(len(st.stack) - 3)
	}
}

// innermost returns the innermost open element that has, or nil.
func (st *story) innermost(has func(*frame) bool) *frame {
	for i := len(st.stack) - 1; i >= 0; i-- {
		if has(st.stack[i]) {
			return st.stack[i]
		}
	}
	return nil
}

func (st *story) close(start, end int) {
	f := st.stack[len(st.stack)-1]
	st.stack = st.stack[:len(st.stack)-1]
	if st.skip > 0 {
		if st.skip == len(st.stack)+1 {
			st.ed.add(f.start, end, "")
			st.skip = 0
		}
		return
	}
	if f.name.Space != nsW {
		return
	}
	if f.unwrap {
		st.ed.add(start, end, "")
		return
	}
	parent := st.top(0)
	switch f.name.Local {
	case "t":
		if f.text != nil {
			parent.run.segs = append(parent.run.segs, segment{text: f.text.String(), start: f.start, end: end,
				tagEnd: f.tagEnd, contentEnd: start, isText: true})
		}
	case "tab", "br", "cr":
		if parent != nil && parent.run != nil {
			text := "\n"
			if f.name.Local == "tab" {
				text = "\t"
			}
			parent.run.segs = append(parent.run.segs, segment{text: text, start: f.start, end: end})
		}
	case "r":
		st.endRun(f, end)
	case "p":
		f.para.rewrite(st.data, st.m, &st.ed)
	}
}

// endRun hands a run's text to its paragraph, or removes a run that only held a comment's reference.
func (st *story) endRun(f *frame, end int) {
	r := f.run
	if r.commentRef && !hasText(r.segs) {
		st.ed.add(f.start, end, "")
		return
	}
	if r.para != nil {
		r.para.segs = append(r.para.segs, r.segs...)
	}
}

func hasText(segs []segment) bool {
	for _, s := range segs {
		if s.isText && s.text != "" {
			return true
		}
	}
	return false
}
