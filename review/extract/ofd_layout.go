package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file puts an OFD page's text runs back into lines. Producers split
// words across text objects (宋 | 体 | 字, 机密 | ★ | 20年): runs drawn one
// after another on one baseline are one line, ordered left to right, and a new
// line starts where the baseline changes. Drawing order is kept otherwise, so
// two columns side by side are not mixed; a piece drawn out of order that
// continues a line already seen, on its baseline and right beside it, is put
// back into that line.

// baselineTolerance is how far apart, as a share of the larger font size, two
// baselines may be and still be one line.
const baselineTolerance = 0.3

// wordGap is the gap, as a share of the font size, between two Latin runs that
// is a space between words rather than spacing within one.
const wordGap = 0.3

// textLine is runs on one baseline, and the stretch of the baseline they cover.
type textLine struct {
	runs   []run
	x0, x1 float64
}

func newLine(r run) *textLine {
	return &textLine{runs: []run{r}, x0: min(r.x, r.x1), x1: max(r.x, r.x1)}
}

func (l *textLine) add(runs ...run) {
	for _, r := range runs {
		l.runs = append(l.runs, r)
		l.x0, l.x1 = min(l.x0, r.x, r.x1), max(l.x1, r.x, r.x1)
	}
}

// layoutText returns the runs as lines in drawing order, each ending with "\n".
func layoutText(runs []run) string {
	var lines []*textLine
	for _, r := range runs {
		if n := len(lines); n > 0 && sameBaseline(lines[n-1].runs[0], r) {
			lines[n-1].add(r)
			continue
		}
		if r.text == " " {
			continue // a space never starts a line
		}
		lines = append(lines, newLine(r))
	}
	var b strings.Builder
	for _, l := range rejoin(lines) {
		writeLine(&b, l.runs)
	}
	return b.String()
}

// rejoin puts each line that continues an earlier one (same baseline, right
// beside it) into that earlier line. Lines are found by baseline in buckets of
// 1 unit, looking only at the last few lines of each bucket so the work stays linear.
func rejoin(lines []*textLine) []*textLine {
	const lookBack = 8
	buckets := map[int64][]*textLine{}
	var kept []*textLine
	for _, l := range lines {
		first := l.runs[0]
		key := int64(math.Floor(first.y))
		reach := int64(min(10, math.Ceil(baselineTolerance*first.size)+1))
		if m := continued(buckets, key, reach, lookBack, l); m != nil {
			m.add(l.runs...)
			continue
		}
		kept = append(kept, l)
		buckets[key] = append(buckets[key], l)
	}
	return kept
}

// continued returns an earlier line that l continues, or nil.
func continued(buckets map[int64][]*textLine, key, reach int64, lookBack int, l *textLine) *textLine {
	first := l.runs[0]
	for k := key - reach; k <= key+reach; k++ {
		b := buckets[k]
		for i := len(b) - 1; i >= 0 && i >= len(b)-lookBack; i-- {
			m := b[i]
			s := max(m.runs[0].size, first.size)
			if sameBaseline(m.runs[0], first) && (beside(m.x1, l.x0, s) || beside(l.x1, m.x0, s)) {
				return m
			}
		}
	}
	return nil
}

// beside reports a run ending at end followed by one starting at start, with
// at most about a character's gap (or a little overlap) between them.
func beside(end, start, size float64) bool {
	gap := start - end
	return gap >= -0.5*size && gap <= 1.0*size
}

func sameBaseline(a, b run) bool {
	return math.Abs(a.y-b.y) <= baselineTolerance*max(a.size, b.size)
}

// writeLine writes one line's runs left to right; a run drawn twice at the same
// place (fake bold, shadows) is written once.
func writeLine(b *strings.Builder, line []run) {
	sort.SliceStable(line, func(i, j int) bool { return line[i].x < line[j].x })
	var l strings.Builder
	var kept []run
	space := false // a space was drawn since the last run kept
	for _, r := range line {
		if r.text == " " {
			space = len(kept) > 0
			continue
		}
		if drawnAgain(kept, r) {
			continue
		}
		if len(kept) > 0 && needsSpace(kept[len(kept)-1], r, space) {
			l.WriteByte(' ')
		}
		l.WriteString(r.text)
		kept = append(kept, r)
		space = false
	}
	if s := strings.TrimSpace(l.String()); s != "" {
		b.WriteString(s)
		b.WriteByte('\n')
	}
}

// drawnAgain reports whether one of the last runs kept has r's text at almost r's place.
func drawnAgain(kept []run, r run) bool {
	for i := len(kept) - 1; i >= 0 && i >= len(kept)-4; i-- {
		k := kept[i]
		near := 0.3 * max(k.size, r.size)
		if k.text == r.text && math.Abs(k.x-r.x) < near && math.Abs(k.y-r.y) < near {
			return true
		}
	}
	return false
}

// needsSpace reports a real gap between two Latin words: a space drawn between
// them, or room for one. CJK text never gets a space.
func needsSpace(prev, next run, spaceDrawn bool) bool {
	last, _ := utf8.DecodeLastRuneInString(prev.text)
	first, _ := utf8.DecodeRuneInString(next.text)
	if !latinWord(last) || !latinWord(first) {
		return false
	}
	end := max(prev.x, prev.x1)
	return spaceDrawn || next.x-end > wordGap*max(prev.size, next.size)
}

// latinWord reports a character of a word written with spaces between words (Latin letters, digits).
func latinWord(r rune) bool {
	return r < 0x2000 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsPunct(r))
}
