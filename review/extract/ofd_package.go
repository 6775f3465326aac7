package extract

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// This file is the OFD package: the zip's entries, the locations OFD parts
// give for each other, and reading one XML part within the limits.

// ofdPackage is an opened OFD zip. It reuses the .docx reader's decompression
// budget, so every part read counts against Limits.MaxUnpacked.
type ofdPackage struct {
	*docxReader
	lower map[string]string // entry names by their lower case, for producers that get the case wrong
}

// openOFDPackage indexes the zip's entries under clean names ("Doc_0/Document.xml",
// never "/Doc_0\Document.xml") and refuses a zip that declares more than the limit.
func openOFDPackage(zr *zip.Reader, lim Limits) (*ofdPackage, error) {
	files := map[string]*zip.File{}
	lower := map[string]string{}
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		if strings.HasSuffix(f.Name, "/") || strings.HasSuffix(f.Name, `\`) {
			continue
		}
		name := cleanName(f.Name)
		if name == "" || files[name] != nil {
			continue
		}
		files[name] = f
		if l := strings.ToLower(name); lower[l] == "" {
			lower[l] = name
		}
	}
	if lim.MaxUnpacked > 0 && declared > uint64(lim.MaxUnpacked) {
		return nil, zipBomb(nil)
	}
	return &ofdPackage{docxReader: &docxReader{files: files, lim: lim, budget: lim.MaxUnpacked}, lower: lower}, nil
}

// cleanName turns a location into an entry name: forward slashes, no leading
// slash, no "." or ".." steps.
func cleanName(loc string) string {
	return strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(loc, `\`, "/")), "/")
}

// dir is the folder of an entry name, "" at the root.
func dir(name string) string {
	if d := path.Dir(name); d != "." {
		return d
	}
	return ""
}

// resolve finds the entry a location names, or "". OFD locations are relative to
// the folder of the part that gives them, or absolute from the package root
// when they start with "/"; producers also write them relative to the document's
// folder or to the root ("Doc_0/Pages/..."), with backslashes, or in the wrong
// case. Each reading is tried in that order, exactly first, then ignoring case.
func (p *ofdPackage) resolve(loc string, bases ...string) string {
	loc = strings.TrimSpace(strings.ReplaceAll(loc, `\`, "/"))
	if loc == "" {
		return ""
	}
	var tries []string
	if strings.HasPrefix(loc, "/") {
		tries = append(tries, cleanName(loc))
	}
	for _, b := range bases {
		tries = append(tries, cleanName(path.Join(b, loc)))
	}
	tries = append(tries, cleanName(loc))
	for _, t := range tries {
		if p.files[t] != nil {
			return t
		}
	}
	for _, t := range tries {
		if name := p.lower[strings.ToLower(t)]; name != "" {
			return name
		}
	}
	return ""
}

// has reports whether the entry exists.
func (p *ofdPackage) has(name string) bool { return name != "" && p.files[name] != nil }

// readAll returns an entry's bytes, within the decompression budget.
func (p *ofdPackage) readAll(name string) ([]byte, error) {
	rc, err := p.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, p.partError(name, err)
	}
	return data, nil
}

// content reads a content part into a drawing; composite graphic units it defines go into units.
func (p *ofdPackage) content(name string, units *unitSet) (*drawing, error) {
	rc, err := p.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d, err := readContent(rc, p.lim.MaxXMLDepth, units)
	if err != nil {
		return nil, p.partError(name, err)
	}
	return d, nil
}

// scan streams an index part (OFD.xml, Document.xml, annotation and attachment
// lists), calling start for every element and end with the text directly inside
// it; path holds the local names of the open elements, the current one last.
func (p *ofdPackage) scan(name string, start func(path []string, e xml.StartElement), end func(path []string, text string)) error {
	rc, err := p.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := newOFDDecoder(rc)
	var names []string
	var texts [][]byte
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return p.partError(name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if p.lim.MaxXMLDepth > 0 && len(names) >= p.lim.MaxXMLDepth {
				return tooDeep(name)
			}
			names = append(names, t.Name.Local)
			texts = append(texts, nil)
			if start != nil {
				start(names, t)
			}
		case xml.EndElement:
			if n := len(names); n > 0 {
				if end != nil {
					end(names, strings.TrimSpace(string(texts[n-1])))
				}
				names, texts = names[:n-1], texts[:n-1]
			}
		case xml.CharData:
			if n := len(texts); n > 0 && end != nil {
				texts[n-1] = append(texts[n-1], t...)
			}
		}
	}
}

// newOFDDecoder returns a lenient XML decoder that also reads parts declared as GBK or GB18030.
func newOFDDecoder(r io.Reader) *xml.Decoder {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(strings.TrimSpace(label)) {
		case "gbk", "gb2312", "gb18030", "cp936":
			return simplifiedchinese.GB18030.NewDecoder().Reader(in), nil
		case "utf8", "us-ascii", "ascii":
			return in, nil
		}
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	return dec
}

// parent is the local name of the element enclosing the current one, or "".
func parent(path []string) string {
	if len(path) < 2 {
		return ""
	}
	return path[len(path)-2]
}
