package release

import (
	"path"
	"sort"
	"strings"

	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// DOCX returns the release copy of a .docx draft and what was done to make it.
// A file that is not a .docx, or cannot be read, is an ErrUnreadable error; a
// withheld passage that is not in the draft, or an invalid basis, is an
// ErrInvalid or ErrNotFound error; a copy the guard (Verify) refuses is an
// ErrConflict error. On any error no copy is returned.
func DOCX(data []byte, opt Options) ([]byte, *Report, error) {
	lim := opt.limits()
	p, err := openPackage(data, lim)
	if err != nil {
		return nil, nil, err
	}
	rep := &Report{Passages: []Passage{}, Masked: []Masked{}, Properties: []string{}, PartsRemoved: []string{}, PartsChanged: []string{}}
	withheld, err := withheldNeedles(opt.Withhold, rep)
	if err != nil {
		return nil, nil, err
	}
	doc, err := extract.Bytes("draft.docx", data, lim)
	if err != nil {
		return nil, nil, review.Errorf(review.ErrUnreadable, "%s", err.Error())
	}
	m := &matcher{needles: withheld}
	var numbers []*needle
	var found []scan.Finding
	if opt.Mask {
		if opt.Scanner, err = opt.scanner(); err != nil {
			return nil, nil, err
		}
		numbers, found = numberNeedles(opt.Scanner.Scan(doc, scan.Options{}).Findings)
		m.needles = append(m.needles, numbers...)
	}
	changed, dropped, err := p.rewrite(m, rep)
	if err != nil {
		return nil, nil, err
	}
	if err := checkFound(opt.Withhold, withheld, doc, rep); err != nil {
		return nil, nil, err
	}
	for i, nd := range numbers {
		if nd.count > 0 {
			rep.Masked = append(rep.Masked, Masked{Category: found[i].Category, Text: scan.Mask(found[i]).Text, Count: nd.count})
		}
	}
	out, err := p.write(changed, dropped)
	if err != nil {
		return nil, nil, review.Errorf(review.ErrInternal, "无法写出发布稿：%v", err)
	}
	if err := Verify(out, opt); err != nil {
		return nil, nil, err
	}
	return out, rep, nil
}

// withheldNeedles returns a needle for each distinct withheld passage, longest
// first so a passage inside a longer one does not split it, and starts the report's passages.
func withheldNeedles(ws []review.Redaction, rep *Report) ([]*needle, error) {
	byNorm := map[string]*needle{}
	var out []*needle
	for i, w := range ws {
		norm := scan.Normalize(w.Text)
		if norm == "" {
			return nil, review.Errorf(review.ErrInvalid, "第 %d 处要删除的文字是空的：请填写要删除的原文", i+1)
		}
		b, ok := review.LookupBasis(w.Basis)
		if !ok {
			return nil, review.Errorf(review.ErrInvalid, "要删除的文字“%s”没有有效的法律依据（%q）：请为每处删除的内容选择依据，如 third-party", review.Clip(w.Text, 30), w.Basis)
		}
		note := Note(b)
		rep.Passages = append(rep.Passages, Passage{Text: w.Text, Basis: w.Basis, Note: note})
		if byNorm[norm] == nil {
			byNorm[norm] = &needle{norm: norm, replace: func(string) string { return note }}
			out = append(out, byNorm[norm])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].norm) > len(out[j].norm) })
	return out, nil
}

// numberNeedles returns a needle for each distinct personal number the scan
// found, longest first, that masks it as scan.Mask does, with the finding it came from.
func numberNeedles(fs []scan.Finding) ([]*needle, []scan.Finding) {
	type number struct {
		nd *needle
		f  scan.Finding
	}
	seen := map[string]bool{}
	var ns []number
	for _, f := range fs {
		norm := scan.Normalize(f.Text)
		if !masked[f.Category] || seen[norm] {
			continue
		}
		seen[norm] = true
		cat := f.Category
		ns = append(ns, number{&needle{norm: norm, replace: func(orig string) string {
			return scan.Mask(scan.Finding{Category: cat, Text: orig}).Text
		}}, f})
	}
	sort.SliceStable(ns, func(i, j int) bool { return len(ns[i].nd.norm) > len(ns[j].nd.norm) })
	out, from := make([]*needle, len(ns)), make([]scan.Finding, len(ns))
	for i, n := range ns {
		out[i], from[i] = n.nd, n.f
	}
	return out, from
}

// checkFound fills in the passages' counts and refuses a passage replaced
// nowhere, unless it was only in hidden content, which the copy leaves out.
func checkFound(ws []review.Redaction, needles []*needle, doc *extract.Document, rep *Report) error {
	count := map[string]int{}
	for _, nd := range needles {
		count[nd.norm] = nd.count
	}
	for i, w := range ws {
		norm := scan.Normalize(w.Text)
		rep.Passages[i].Count = count[norm]
		if count[norm] > 0 {
			continue
		}
		visible, hidden := false, false
		for _, p := range doc.Parts {
			if strings.Contains(scan.Normalize(p.Text), norm) {
				visible, hidden = visible || !p.Hidden, hidden || p.Hidden
			}
		}
		switch {
		case visible:
			return review.Errorf(review.ErrNotFound, "要删除的文字“%s”在草稿中跨越了段落或表格单元格，无法整体替换：请按段落分别填写", review.Clip(w.Text, 30))
		case !hidden:
			return review.Errorf(review.ErrNotFound, "在草稿中找不到要删除的文字“%s”：请核对原文（全角半角、繁体简体不必区分），未生成发布稿", review.Clip(w.Text, 30))
		}
	}
	return nil
}

// partKind tells how the copy treats a part.
func partKind(name string) string {
	dir, base := path.Split(name)
	switch {
	case name == "[Content_Types].xml":
		return "types"
	case isRels(name):
		return "rels"
	case !strings.HasSuffix(base, ".xml"):
		return ""
	case dir == "word/" && hasAnyPrefix(base, "document", "header", "footer", "footnotes", "endnotes"):
		return "story"
	case name == "docProps/core.xml":
		return "core"
	case name == "docProps/app.xml":
		return "app"
	case dir == "word/charts/" || dir == "word/diagrams/":
		return "text"
	}
	return ""
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
