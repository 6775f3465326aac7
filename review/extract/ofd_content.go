package extract

import (
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads one OFD content part (a page, a template page, an
// annotation file or a resource file) into a drawing: the text runs it draws,
// where, and what it references. Element names are matched by local name, so
// the ofd: prefix and its namespace may vary or be missing.

// defaultTextSize is the font size, in mm, assumed for a TextObject without a usable Size.
const defaultTextSize = 3.5

// matrix is an OFD affine transform "a b c d e f": x' = a*x + c*y + e, y' = b*x + d*y + f.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// then returns the transform that applies inner first, then m.
func (m matrix) then(inner matrix) matrix {
	return matrix{
		m[0]*inner[0] + m[2]*inner[1],
		m[1]*inner[0] + m[3]*inner[1],
		m[0]*inner[2] + m[2]*inner[3],
		m[1]*inner[2] + m[3]*inner[3],
		m[0]*inner[4] + m[2]*inner[5] + m[4],
		m[1]*inner[4] + m[3]*inner[5] + m[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return finite(m[0]*x + m[2]*y + m[4]), finite(m[1]*x + m[3]*y + m[5])
}

// scale is how much m enlarges lengths (the square root of its area factor).
func (m matrix) scale() float64 {
	return finite(math.Sqrt(math.Abs(m[0]*m[3] - m[1]*m[2])))
}

func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// numbers parses the space-separated numbers of an attribute; anything unparsable counts as 0.
func numbers(s string) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		out = append(out, number(f))
	}
	return out
}

func number(s string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0
	}
	return finite(v)
}

// run is one TextCode's text, placed on the page: (x, y) is where its baseline
// starts, (x1, y1) where it ends, size its font size after every transform.
type run struct {
	x, y, x1, y1, size float64
	text               string
}

// transformed returns r drawn through m.
func (r run) transformed(m matrix) run {
	out := run{text: r.text, size: finite(r.size * m.scale())}
	out.x, out.y = m.apply(r.x, r.y)
	out.x1, out.y1 = m.apply(r.x1, r.y1)
	return out
}

// ref is a CompositeObject: a composite graphic unit from the resources, drawn through m.
type ref struct {
	id string
	m  matrix
}

// drawing is what one content part or composite graphic unit draws.
type drawing struct {
	runs      []run
	refs      []ref
	images    int           // ImageObjects: a page with images and no text is probably a scan
	templates []templateRef // template pages a page draws beneath or above its own content
	pageRes   []string      // a page's own resource files
	notes     []string      // annotation remarks and parameters, one line each
	drawn     bool          // for a composite graphic unit: some page or annotation draws it
}

// templateRef is a page's Template element.
type templateRef struct {
	id         string
	foreground bool // drawn above the page's content (ZOrder="Foreground"), else beneath it
}

// textObject is the state of the TextObject being read.
type textObject struct {
	size         float64
	nextX, nextY float64 // where a TextCode without X or Y continues
}

// textCode is the TextCode being read.
type textCode struct {
	x, y       float64
	hasX, hasY bool
	deltaX     string
	m          matrix
	text       strings.Builder
	capture    captureKind
	name       string // a Parameter's Name
}

type captureKind byte

const (
	captureNone captureKind = iota
	captureCode
	capturePageRes
	captureRemark
	captureParameter
)

// frame is one open element: the transform in force inside it, and what its end finishes.
type frame struct {
	m       matrix
	capture captureKind
	text    *textObject // the TextObject open outside this element, restored at its end
	unit    *drawing    // for a CompositeGraphicUnit: the drawing open outside it
	isText  bool
	isUnit  bool
}

// contentWalker streams one content part into drawings.
type contentWalker struct {
	maxDepth int
	cur      *drawing
	units    *unitSet // where composite graphic units found go
	stack    []frame
	text     *textObject
	code     textCode
}

// readContent reads a content part. Composite graphic units it defines are
// added to units (when units is not nil); the drawing is what the part draws itself.
func readContent(rd io.Reader, maxDepth int, units *unitSet) (*drawing, error) {
	w := &contentWalker{maxDepth: maxDepth, cur: &drawing{}, units: units}
	dec := newOFDDecoder(rd)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return w.cur, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := w.start(t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			w.end()
		case xml.CharData:
			if w.code.capture != captureNone {
				w.code.text.Write(t)
			}
		}
	}
}

func (w *contentWalker) start(t xml.StartElement) error {
	if w.maxDepth > 0 && len(w.stack) >= w.maxDepth {
		return errTooDeep
	}
	m := identity
	if n := len(w.stack); n > 0 {
		m = w.stack[n-1].m
	}
	// Graphic units (and an annotation's Appearance) are placed at their Boundary's origin, through their CTM.
	if b := numbers(attr(t, "Boundary")); len(b) >= 2 {
		m = m.then(matrix{1, 0, 0, 1, b[0], b[1]})
	}
	if c := numbers(attr(t, "CTM")); len(c) == 6 {
		m = m.then(matrix{c[0], c[1], c[2], c[3], c[4], c[5]})
	}
	f := frame{m: m}
	switch t.Name.Local {
	case "TextObject":
		f.isText, f.text = true, w.text
		size := number(attr(t, "Size"))
		if size <= 0 {
			size = defaultTextSize
		}
		w.text = &textObject{size: size}
	case "TextCode":
		w.beginCapture(&f, captureCode)
		w.code.m = m
		w.code.x, w.code.hasX = attrNumber(t, "X")
		w.code.y, w.code.hasY = attrNumber(t, "Y")
		w.code.deltaX = attr(t, "DeltaX")
	case "CompositeObject":
		if id := attr(t, "ResourceID"); id != "" {
			w.cur.refs = append(w.cur.refs, ref{id: id, m: m})
		}
	case "ImageObject":
		w.cur.images++
	case "Template":
		if id := attr(t, "TemplateID"); id != "" {
			fg := strings.EqualFold(strings.TrimSpace(attr(t, "ZOrder")), "Foreground")
			w.cur.templates = append(w.cur.templates, templateRef{id: id, foreground: fg})
		}
	case "PageRes":
		w.beginCapture(&f, capturePageRes)
	case "Remark":
		w.beginCapture(&f, captureRemark)
	case "Parameter":
		w.beginCapture(&f, captureParameter)
		w.code.name = attr(t, "Name")
	case "CompositeGraphicUnit":
		if w.units != nil {
			unit := w.units.define(attr(t, "ID"))
			f.isUnit, f.unit, f.m = true, w.cur, identity
			w.cur = unit
		}
	}
	w.stack = append(w.stack, f)
	return nil
}

// beginCapture starts collecting the character data of the element f opens.
func (w *contentWalker) beginCapture(f *frame, kind captureKind) {
	if w.code.capture != captureNone {
		return // nested capture: the outer element keeps the text
	}
	f.capture = kind
	w.code.capture = kind
	w.code.text.Reset()
}

func (w *contentWalker) end() {
	n := len(w.stack)
	if n == 0 {
		return
	}
	f := w.stack[n-1]
	w.stack = w.stack[:n-1]
	switch f.capture {
	case captureCode:
		w.endCode()
	case capturePageRes:
		if loc := strings.TrimSpace(w.code.text.String()); loc != "" {
			w.cur.pageRes = append(w.cur.pageRes, loc)
		}
	case captureRemark:
		if s := oneLine(w.code.text.String()); s != "" {
			w.cur.notes = append(w.cur.notes, s)
		}
	case captureParameter:
		if s := oneLine(w.code.text.String()); s != "" && !isSetting(s) {
			w.cur.notes = append(w.cur.notes, w.code.name+"："+s)
		}
	}
	if f.capture != captureNone {
		w.code.capture = captureNone
	}
	if f.isText {
		w.text = f.text
	}
	if f.isUnit {
		w.cur = f.unit
	}
}

// endCode places the TextCode just read on its TextObject's baseline.
func (w *contentWalker) endCode() {
	obj := w.text
	if obj == nil { // a TextCode outside any TextObject: read it all the same
		obj = &textObject{size: defaultTextSize}
		w.text = obj
		defer func() { w.text = nil }()
	}
	c := &w.code
	text := cleanCode(c.text.String())
	x, y := obj.nextX, obj.nextY
	if c.hasX {
		x = c.x
	}
	if c.hasY {
		y = c.y
	}
	adv := advance(text, c.deltaX, obj.size)
	obj.nextX, obj.nextY = finite(x+adv), y
	if strings.TrimSpace(text) == "" {
		text = " " // kept: a space drawn between two Latin words separates them
	}
	r := run{x: x, y: y, x1: x + adv, y1: y, size: obj.size, text: text}
	w.cur.runs = append(w.cur.runs, r.transformed(c.m))
}

// cleanCode turns line breaks and tabs inside a TextCode into spaces and drops other control characters.
func cleanCode(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == utf8.RuneError }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r < 0x20 || r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
}

// advance is how far a TextCode's text reaches along its baseline: the sum of
// its DeltaX gaps ("g N v" repeats v N times), with missing gaps and the last
// character estimated from the font size.
func advance(text, deltaX string, size float64) float64 {
	n := utf8.RuneCountInString(text)
	if n == 0 {
		return 0
	}
	need := n - 1
	sum, used := 0.0, 0
	f := strings.Fields(deltaX)
	for i := 0; i < len(f) && used < need; i++ {
		if f[i] == "g" && i+2 < len(f) {
			count, _ := strconv.Atoi(f[i+1])
			k := max(0, min(count, need-used))
			sum += float64(k) * number(f[i+2])
			used += k
			i += 2
			continue
		}
		sum += number(f[i])
		used++
	}
	i := 0
	for _, r := range text {
		if i >= used {
			sum += runeWidth(r, size)
		}
		i++
	}
	return finite(sum)
}

// runeWidth estimates a character's advance: CJK characters and symbols are square, Latin ones half as wide.
func runeWidth(r rune, size float64) float64 {
	if r >= 0x2000 {
		return size
	}
	return size / 2
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func attrNumber(t xml.StartElement, local string) (float64, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local && strings.TrimSpace(a.Value) != "" {
			return number(a.Value), true
		}
	}
	return 0, false
}

// oneLine trims s and joins its lines with spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(cleanCode(s)), " ")
}

// isSetting reports an annotation parameter that is a setting, not words: a
// single ASCII token ("AlignCenter", "true", "-45") or a list of numbers.
func isSetting(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			return false
		}
	}
	fields := strings.Fields(s)
	if len(fields) == 1 {
		return true
	}
	for _, f := range fields {
		if _, err := strconv.ParseFloat(f, 64); err != nil {
			return false
		}
	}
	return true
}
