package release

import (
	"fmt"
	"sort"
)

// edit replaces data[start:end] of one part with text.
type edit struct {
	start, end int
	text       string
}

// edits collects the changes to one part.
type edits []edit

func (e *edits) add(start, end int, text string) {
	if start == end && text == "" {
		return
	}
	*e = append(*e, edit{start, end, text})
}

// apply returns data with the edits made. An edit inside a range another edit
// removes is dropped with it; edits that cross are a bug and an error.
func (e edits) apply(data []byte) ([]byte, error) {
	sort.SliceStable(e, func(i, j int) bool {
		if e[i].start != e[j].start {
			return e[i].start < e[j].start
		}
		return e[i].end > e[j].end // the wider first, so what it holds is dropped
	})
	out := make([]byte, 0, len(data))
	pos := 0
	for _, ed := range e {
		switch {
		case ed.start < pos && ed.end <= pos:
			continue // inside an edit already made
		case ed.start < pos:
			return nil, fmt.Errorf("overlapping edits at %d–%d", ed.start, ed.end)
		}
		out = append(out, data[pos:ed.start]...)
		out = append(out, ed.text...)
		pos = ed.end
	}
	return append(out, data[pos:]...), nil
}
