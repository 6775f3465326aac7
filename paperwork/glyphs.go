package paperwork

import (
	"strings"
	"unicode"
)

// Each character is set in the first face that has it: the style's own
// (宋体 or 黑体), then the fallback, then the other; one that none has is
// printed as the missing mark. Widths come from the faces, cached per document.

// familyOf returns the family that sets r in a text set in fam: fam when it
// has the character, else the fallback face, else the other face, else fam.
func (p *page) familyOf(fam string, r rune) string {
	k := famRune{fam, r}
	if f, ok := p.family[k]; ok {
		return f
	}
	f := fam
	if !unicode.IsSpace(r) && !p.has(fam, r) {
		switch {
		case p.loadFallback() && p.has(famFallback, r):
			f = famFallback
		case fam == famHei && p.has(famSong, r):
			f = famSong
		case fam == famSong && p.hasHei && p.has(famHei, r):
			f = famHei
		}
	}
	p.family[k] = f
	return f
}

// missing stands for a character no face has: the geta mark, as typesetters
// have long marked a character they lack, so none silently disappears.
const missing = '〓'

// clean readies text for the faces: tabs become spaces, other control
// characters go, and a character no face has becomes the missing mark.
func (p *page) clean(s string, st style) string {
	fam := p.primary(st)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == ' ':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r) || r == '\ufeff' || r == '\u200b':
			return -1
		}
		k := famRune{fam, r}
		ok, seen := p.present[k]
		if !seen {
			ok = unicode.IsSpace(r) || p.has(p.familyOf(fam, r), r)
			p.present[k] = ok
		}
		if !ok {
			return missing
		}
		return r
	}, s)
}

// has reports whether a family's face has a character.
func (p *page) has(fam string, r rune) bool {
	if err := p.pdf.SetFont(fam, "", 10); err != nil {
		return false
	}
	ok, err := p.pdf.IsCurrFontContainGlyph(r)
	return err == nil && ok
}

// loadFallback registers the fallback face the first time a character needs it.
func (p *page) loadFallback() bool {
	if p.fallback == 0 {
		p.fallback = -1
		if f := p.fonts.Fallback; f != nil {
			if data, err := f.Data(); err == nil && p.pdf.AddTTFFontData(famFallback, data) == nil {
				p.fallback = 1
			}
		}
	}
	return p.fallback == 1
}

// runeWidth returns how wide a character is in a family at size points.
func (p *page) runeWidth(fam string, r rune, size float64) float64 {
	k := famRune{fam, r}
	w, ok := p.width[k]
	if !ok {
		if err := p.pdf.SetFont(fam, "", 100); err == nil {
			w, _ = p.pdf.MeasureTextWidth(string(r))
		}
		w /= 100
		p.width[k] = w
	}
	return w * size
}

// textWidth returns how wide a line of text is in a style.
func (p *page) textWidth(s string, st style) float64 {
	fam, w := p.primary(st), 0.0
	for _, r := range s {
		w += p.runeWidth(p.familyOf(fam, r), r, st.size)
	}
	return w
}
