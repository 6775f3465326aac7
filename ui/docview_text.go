package ui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// docLines gives a part's text for display as it is: lines kept, runs of blank lines shown as one, no trailing blank lines.
func docLines(text string) (string, docMap) {
	var db docBuilder
	blank := true // no blank line at the top either
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += start
			next = end + 1
		}
		line := strings.TrimRight(text[start:end], "\r")
		isBlank := strings.TrimSpace(line) == ""
		if !(isBlank && blank) {
			if db.b.Len() > 0 {
				db.insert("\n")
			}
			db.copy(text, start, start+len(line))
		}
		blank = isBlank
		start = next
	}
	s, m := db.result()
	return strings.TrimRight(s, "\n"), m
}

// docJoins reports whether a part's lines were broken by the producer's layout
// (PDF and OFD text) and are shown as paragraphs: by the format when it is
// known, else by the part's name (第N页).
func docJoins(format, kind, name string) bool {
	switch format {
	case "pdf", "ofd":
		return kind != "properties"
	case "":
		return docPageName(name)
	}
	return false
}

// docPageName reports a name the PDF and OFD readers give the parts of a page: 第N页, 第N页批注.
func docPageName(name string) bool {
	rest, ok := strings.CutPrefix(name, "第")
	digits := strings.TrimLeft(rest, "0123456789")
	return ok && len(digits) < len(rest) && strings.HasPrefix(digits, "页")
}

// docParagraphs joins the lines of PDF or OFD text into paragraphs. A break is
// kept after a blank line or before one, before an indented line (全角空格 or
// two spaces at its start), after sentence-final punctuation, and after a line
// clearly shorter than the page's full lines (a paragraph's last line, a
// heading); any other break is the producer's and is joined: with nothing
// between CJK characters, with one space between Latin words. A line of
// punctuation alone joins the line before it.
func docParagraphs(text string) (string, docMap) {
	type line struct{ start, end int } // trimmed of trailing spaces
	var lines []line
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		next := len(text) + 1
		if end < 0 {
			end = len(text)
		} else {
			end += start
			next = end + 1
		}
		e := start + len(strings.TrimRight(text[start:end], " \t\r\u00a0"))
		lines = append(lines, line{start, e})
		start = next
	}
	for len(lines) > 0 && lines[len(lines)-1].end == lines[len(lines)-1].start {
		lines = lines[:len(lines)-1]
	}
	widths := make([]int, 0, len(lines))
	for _, l := range lines {
		if w := docWidth(text[l.start:l.end]); w > 0 {
			widths = append(widths, w)
		}
	}
	full := 0 // the width of the page's full lines: the third longest, so one odd long line does not set it
	if len(widths) >= 4 {
		sort.Sort(sort.Reverse(sort.IntSlice(widths)))
		full = widths[2]
	}
	var db docBuilder
	blank := true
	for i, l := range lines {
		s := text[l.start:l.end]
		if strings.TrimSpace(s) == "" {
			if !blank {
				db.insert("\n")
			}
			blank = true
			continue
		}
		if db.b.Len() > 0 && !blank {
			prev := lines[i-1]
			if docKeepBreak(text[prev.start:prev.end], s, full) {
				db.insert("\n")
			} else {
				s = strings.TrimLeft(s, " ")
				first, _ := utf8.DecodeRuneInString(s)
				if docLatin(db.last()) && docLatin(first) {
					db.insert(" ")
				}
			}
		} else if db.b.Len() > 0 {
			db.insert("\n")
		}
		start := l.end - len(s)
		db.copy(text, start, l.end)
		blank = false
	}
	s, m := db.result()
	return strings.TrimRight(s, "\n"), m
}

// docKeepBreak reports whether the break between two non-blank lines ends a paragraph.
func docKeepBreak(prev, next string, full int) bool {
	if docPunctOnly(next) {
		return false
	}
	if strings.HasPrefix(next, "　") || strings.HasPrefix(next, "  ") || strings.HasPrefix(next, "\t") {
		return true
	}
	if docPunctOnly(prev) {
		return docSentenceEnd(prev)
	}
	if docSentenceEnd(prev) {
		return true
	}
	return full > 0 && docWidth(prev)*4 < full*3
}

// docSentenceEnd reports whether a line ends a sentence or a lead-in: 。！？；： and their ASCII forms, or …,
// also when a closing quote or bracket follows them.
func docSentenceEnd(s string) bool {
	s = strings.TrimRight(s, "”’」』）)】》\"' ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？；：!?;:…", r)
}

// docPunctOnly reports whether a line holds only punctuation, such as a comma the producer put on a line of its own.
func docPunctOnly(s string) bool {
	s = strings.TrimSpace(strings.Trim(s, "　"))
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPunct(r) }) < 0
}

// docLatin reports whether a rune belongs to a Latin word: a letter or digit that is not CJK.
func docLatin(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !docWide(r)
}

// docWide reports whether a rune is a CJK character or a full-width form, which take two columns.
func docWide(r rune) bool {
	return r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6 || r >= 0x2e80 && r <= 0x2fff)
}

// docWidth is a line's width in columns: two for a CJK character, one for anything else.
func docWidth(s string) int {
	w := 0
	for _, r := range s {
		w++
		if docWide(r) {
			w++
		}
	}
	return w
}
