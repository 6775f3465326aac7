package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"
)

// maxAttachmentDepth is how deep attachments are read: those of the file and
// those of a document attached to it, no deeper.
const maxAttachmentDepth = 2

// maxAttachments is how many attachments of one document are read at most.
const maxAttachments = 100

// attachment is one entry of an Attachments.xml.
type attachment struct{ name, format, loc string }

// attachments reads the documents attached to an OFD document (.docx, .pdf,
// .ofd, XML data or text, by name or content) into parts named "附件 <name>：...". An
// attachment that cannot be read is skipped; one that is a zip bomb ends the file.
func (r *ofdReader) attachments(loc, docDir string) error {
	list := r.pkg.resolve(loc, docDir)
	if loc == "" || list == "" || r.depth >= maxAttachmentDepth {
		return nil
	}
	var atts []attachment
	start := func(p []string, e xml.StartElement) {
		if e.Name.Local == "Attachment" {
			atts = append(atts, attachment{name: attr(e, "Name"), format: attr(e, "Format")})
		}
	}
	end := func(p []string, text string) {
		if p[len(p)-1] == "FileLoc" && parent(p) == "Attachment" && len(atts) > 0 {
			atts[len(atts)-1].loc = text
		}
	}
	if err := r.pkg.scan(list, start, end); err != nil {
		return err
	}
	for i, a := range atts {
		if i >= maxAttachments {
			break
		}
		name := r.pkg.resolve(a.loc, dir(list), docDir)
		if a.loc == "" || name == "" {
			continue
		}
		data, err := r.pkg.readAll(name)
		if err != nil {
			if isZipBomb(err) {
				return err
			}
			continue
		}
		title := attachmentTitle(a, name)
		doc, err := r.attached1(title, data)
		if err != nil {
			if isZipBomb(err) {
				return err
			}
			continue
		}
		for _, p := range doc.Parts {
			p.Name = "附件 " + title + "：" + p.Name
			p.Page = 0 // a page of the attachment, not of this file
			if err := r.add(&r.attached, p); err != nil {
				return err
			}
		}
	}
	return nil
}

// attached1 reads one attachment's bytes: an OFD here, with the depth counted,
// anything else through Bytes, within what is left of this file's limits.
func (r *ofdReader) attached1(title string, data []byte) (*Document, error) {
	lim := r.lim
	if lim.MaxUnpacked > 0 {
		if r.pkg.budget <= 0 {
			return nil, zipBomb(nil)
		}
		lim.MaxUnpacked = r.pkg.budget
	}
	if lim.MaxPartsBytes > 0 {
		lim.MaxPartsBytes -= r.textBytes
		if lim.MaxPartsBytes <= 0 {
			return nil, r.tooMuchText()
		}
	}
	if isOFDZip(data) {
		doc, unpacked, err := readOFDAt(data, lim, r.depth+1)
		r.pkg.budget -= unpacked
		return doc, err
	}
	if looksXML(data) {
		return xmlData(data, lim)
	}
	return Bytes(attachmentFormatName(title, data), data, lim)
}

// looksXML reports data that starts, after a byte order mark and blank space, with "<".
func looksXML(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), " \t\r\n")
	return bytes.HasPrefix(data, []byte("<"))
}

// xmlData reads an attached XML data file (an e-invoice's original data, say)
// as the text of its elements, one per line, without the markup.
func xmlData(data []byte, lim Limits) (*Document, error) {
	dec := newOFDDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))))
	var b strings.Builder
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, unreadable("broken", "附件不是有效的 XML 文件", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if lim.MaxXMLDepth > 0 && depth > lim.MaxXMLDepth {
				return nil, tooDeep("XML 附件")
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if s := oneLine(string(t)); s != "" {
				b.WriteString(s)
				b.WriteByte('\n')
			}
		}
	}
	if b.Len() == 0 {
		return nil, unreadable("no-text", "附件中没有可读取的文字", nil)
	}
	return &Document{Format: "xml", Coverage: 1, Parts: []Part{{Kind: Body, Name: "正文", Text: b.String()}}}, nil
}

// attachmentTitle is the name an attachment is shown by: its Name (with its
// Format as extension when the name has none), else its file name.
func attachmentTitle(a attachment, entry string) string {
	title := oneLine(a.name)
	if title == "" {
		return path.Base(entry)
	}
	if path.Ext(title) == "" && a.format != "" {
		title += "." + strings.ToLower(strings.TrimPrefix(oneLine(a.format), "."))
	}
	return title
}

// attachmentFormatName gives Bytes a name whose extension matches the content,
// when the attachment's own name does not say it is a document Bytes reads.
func attachmentFormatName(title string, data []byte) string {
	switch strings.ToLower(path.Ext(title)) {
	case ".docx", ".docm", ".wpsx", ".pdf", ".txt", ".text", ".md", ".csv":
		return title
	}
	head := data[:min(len(data), 8<<10)]
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")):
		return title + ".pdf"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && bytes.Contains(data, []byte("word/document.xml")):
		return title + ".docx"
	case bytes.IndexByte(head, 0) < 0:
		return title + ".txt" // text by content, e.g. an XML data file
	}
	return title
}

// isOFDZip reports a zip with an OFD.xml at its root.
func isOFDZip(data []byte) bool {
	if !bytes.HasPrefix(data, []byte("PK")) {
		return false
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if strings.EqualFold(cleanName(f.Name), "OFD.xml") {
			return true
		}
	}
	return false
}
