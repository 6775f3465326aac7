package extract

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// annotations reads a document's annotations (stamps, watermarks, notes): the
// list at loc names one file per page, whose annotations' appearances draw
// text, and whose remarks and parameters say more. Each file becomes one
// hidden part of kind Annotation.
func (r *ofdReader) annotations(loc, docDir string, pageIDs map[string]int, res *resources) error {
	list := r.pkg.resolve(loc, docDir)
	if loc == "" || list == "" {
		return nil
	}
	type pageAnnots struct{ pageID, loc string }
	var files []pageAnnots
	pageID := ""
	start := func(p []string, e xml.StartElement) {
		if e.Name.Local == "Page" {
			pageID = attr(e, "PageID")
		}
	}
	end := func(p []string, text string) {
		if p[len(p)-1] == "FileLoc" && parent(p) == "Page" && text != "" {
			files = append(files, pageAnnots{pageID, text})
		}
	}
	if err := r.pkg.scan(list, start, end); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, f := range files {
		name := r.pkg.resolve(f.loc, dir(list), docDir)
		if name == "" || seen[name] {
			continue // producers list annotation files they never wrote
		}
		seen[name] = true
		d, err := r.pkg.content(name, res.units)
		if err != nil {
			return err
		}
		var fl flat
		if err := r.flatten(d, identity, res, 0, &fl); err != nil {
			return err
		}
		text := layoutText(fl.runs)
		if len(d.notes) > 0 {
			text += strings.Join(d.notes, "\n") + "\n"
		}
		if text == "" {
			continue
		}
		page := pageIDs[f.pageID]
		label := "批注"
		if page > 0 {
			label = fmt.Sprintf("第%d页批注", page)
		}
		if err := r.add(&r.annots, Part{Kind: Annotation, Name: label, Hidden: true, Page: page, Text: text}); err != nil {
			return err
		}
	}
	return nil
}
