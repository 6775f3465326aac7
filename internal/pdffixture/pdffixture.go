// Package pdffixture builds small PDF files in memory for tests of PDF text extraction.
package pdffixture

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Password is the user password of fixtures built with Options.Encrypted.
const Password = "secret"

// Page is one page of a fixture PDF: lines of text (may be Chinese), or an image-only page when Image is true.
type Page struct {
	Lines []string
	Image bool
}

// Options change how the fixture is written.
type Options struct {
	// SplitRunes writes every character as its own text object (BT ... ET), as some PDF producers do, so extracted text has a line break between characters.
	SplitRunes bool
	// Encrypted adds a Standard security handler (/Encrypt, V=1 R=2, 40-bit RC4) whose user password is not empty, so a reader cannot open it without a password.
	Encrypted bool
	// OwnerOnly, with Encrypted, leaves the user password empty: the file opens without a
	// password, as owner-restricted ("no printing") PDFs from government sites do.
	OwnerOnly bool
}

// Object numbers of the objects every fixture has; page objects, then the /Encrypt dictionary, follow.
const (
	catalogObj = iota + 1
	pagesObj
	fontObj
	cidFontObj
	toUnicodeObj
	imageObj
	firstPageObj
)

// Security handler parameters (PDF 32000-1:2008, 7.6.3).
const (
	ownerPassword = "owner"
	permissions   = -4 // every permission granted
	fileID        = "pdffixture-id-01"
)

// passwordPad is the padding string of Algorithm 2.
var passwordPad = []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08" +
	"\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")

// Build returns the bytes of a PDF with the given pages.
func Build(pages []Page, opt Options) []byte {
	size := firstPageObj + 2*len(pages) // objects are numbered 1..size-1
	if opt.Encrypted {
		size++
	}
	w := &writer{offsets: make([]int, size)}
	w.buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

	var encrypt string
	if opt.Encrypted {
		user := Password
		if opt.OwnerOnly {
			user = ""
		}
		o, u, key := standardSecurity(user, ownerPassword, permissions, fileID)
		encrypt = fmt.Sprintf("/Encrypt %d 0 R ", size-1)
		w.object(size-1, fmt.Sprintf("<< /Filter /Standard /V 1 /R 2 /Length 40 /O <%x> /U <%x> /P %d >>",
			o, u, permissions))
		w.key = key // objects written from now on are encrypted
	}

	cids := map[rune]int{}
	var runes []rune
	for _, p := range pages {
		for _, line := range p.Lines {
			for _, r := range line {
				if cids[r] == 0 {
					runes = append(runes, r)
					cids[r] = len(runes)
				}
			}
		}
	}

	var kids []string
	for i, p := range pages {
		pageNum, contentNum := firstPageObj+2*i, firstPageObj+2*i+1
		kids = append(kids, fmt.Sprintf("%d 0 R", pageNum))
		resources := fmt.Sprintf("/Font << /F1 %d 0 R >>", fontObj)
		if p.Image {
			resources = fmt.Sprintf("/XObject << /Im1 %d 0 R >>", imageObj)
		}
		w.object(pageNum, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents %d 0 R >>",
			pagesObj, resources, contentNum))
		w.stream(contentNum, "", pageContent(p, opt.SplitRunes, cids))
	}

	w.object(catalogObj, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj))
	w.object(pagesObj, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	w.object(fontObj, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		cidFontObj, toUnicodeObj))
	w.object(cidFontObj, fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light /CIDSystemInfo << /Registry %s /Ordering %s /Supplement 0 >> /DW 1000 >>",
		w.str(cidFontObj, "Adobe"), w.str(cidFontObj, "Identity")))
	w.stream(toUnicodeObj, "", toUnicode(runes))
	image := make([]byte, 64)
	for i := range image {
		image[i] = byte(i%8*32 + i/8*4)
	}
	w.stream(imageObj, "/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 ", image)

	xref := w.buf.Len()
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", size)
	for _, off := range w.offsets[1:] {
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&w.buf, "trailer\n<< /Size %d /Root %d 0 R %s/ID [<%x> <%x>] >>\nstartxref\n%d\n%%%%EOF\n",
		size, catalogObj, encrypt, fileID, fileID, xref)
	return w.buf.Bytes()
}

// writer accumulates numbered objects and remembers their byte offsets.
type writer struct {
	buf     bytes.Buffer
	offsets []int  // indexed by object number
	key     []byte // RC4 file key once encryption is on
}

// object writes object num whose value is body.
func (w *writer) object(num int, body string) {
	w.offsets[num] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n%s\nendobj\n", num, body)
}

// stream writes object num as a stream with the given dictionary entries (besides /Length) and data.
func (w *writer) stream(num int, entries string, data []byte) {
	data = w.crypt(num, data)
	w.offsets[num] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n<< %s/Length %d >>\nstream\n", num, entries, len(data))
	w.buf.Write(data)
	w.buf.WriteString("\nendstream\nendobj\n")
}

// str returns s as a hex string literal belonging to object num.
func (w *writer) str(num int, s string) string {
	return fmt.Sprintf("<%x>", w.crypt(num, []byte(s)))
}

// crypt RC4-encrypts data of object num (Algorithm 1), or returns it unchanged when not encrypting.
func (w *writer) crypt(num int, data []byte) []byte {
	if w.key == nil {
		return data
	}
	h := md5.New()
	h.Write(w.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), 0, 0})
	c, _ := rc4.NewCipher(h.Sum(nil)[:len(w.key)+5])
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// standardSecurity computes /O, /U and the 40-bit file key for V=1 R=2 (Algorithms 2, 3 and 4).
func standardSecurity(user, owner string, p int32, id string) (o, u, key []byte) {
	ownerKey := md5.Sum(pad(owner))
	c, _ := rc4.NewCipher(ownerKey[:5])
	o = make([]byte, 32)
	c.XORKeyStream(o, pad(user))

	h := md5.New()
	h.Write(pad(user))
	h.Write(o)
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write([]byte(id))
	key = h.Sum(nil)[:5]

	c, _ = rc4.NewCipher(key)
	u = make([]byte, 32)
	c.XORKeyStream(u, passwordPad)
	return o, u, key
}

// pad pads or truncates a password to 32 bytes with passwordPad.
func pad(pw string) []byte {
	return append([]byte(pw), passwordPad...)[:32]
}

// pageContent returns the content stream of page p: its lines in font /F1, or image /Im1.
func pageContent(p Page, splitRunes bool, cids map[rune]int) []byte {
	var b bytes.Buffer
	if p.Image {
		b.WriteString("q 96 0 0 96 72 650 cm /Im1 Do Q\n")
		return b.Bytes()
	}
	for i, line := range p.Lines {
		y := 770 - 20*i
		if !splitRunes {
			fmt.Fprintf(&b, "BT /F1 12 Tf 72 %d Td <%s> Tj ET\n", y, hexCIDs(line, cids))
			continue
		}
		for j, r := range []rune(line) {
			fmt.Fprintf(&b, "BT /F1 12 Tf %d %d Td <%s> Tj ET\n", 72+12*j, y, hexCIDs(string(r), cids))
		}
	}
	return b.Bytes()
}

// hexCIDs returns the CIDs of the runes of s as hex digits, two bytes per CID.
func hexCIDs(s string, cids map[rune]int) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, "%04X", cids[r])
	}
	return b.String()
}

// toUnicode returns a ToUnicode CMap mapping CID i+1 to runes[i].
func toUnicode(runes []rune) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for start := 0; start < len(runes); start += 100 { // at most 100 entries per block
		block := runes[start:min(start+100, len(runes))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(block))
		for i, r := range block {
			fmt.Fprintf(&b, "<%04X> <", start+i+1)
			for _, u := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
