package release

import (
	"encoding/xml"
	"strings"

	"prepub/review"
)

// rewrite makes the copy's parts: it decides which parts go, then edits each
// kept part that needs it. It returns the new bytes of the changed parts and
// the names of the dropped ones.
func (p *pkg) rewrite(m *matcher, rep *Report) (map[string][]byte, map[string]bool, error) {
	depth := p.lim.MaxXMLDepth
	var names []string
	rels := map[string][]relationship{}
	data := map[string][]byte{}
	for _, f := range p.zr.File {
		names = append(names, f.Name)
		if !isRels(f.Name) {
			continue
		}
		b, err := p.read(f.Name)
		if err != nil {
			return nil, nil, err
		}
		if rels[f.Name], err = readRels(f.Name, b, depth); err != nil {
			return nil, nil, broken(f.Name)
		}
		data[f.Name] = b
	}
	dropped := plan(names, rels)
	lower := map[string]bool{}
	for n := range dropped {
		lower[strings.ToLower(n)] = true
	}
	isDropped := func(part string) bool { return lower[strings.ToLower(part)] }
	changed := map[string][]byte{}
	for _, n := range names {
		if dropped[n] {
			if err := p.tallyDropped(n, rep); err != nil {
				return nil, nil, err
			}
			continue
		}
		kind := partKind(n)
		if kind == "" {
			continue
		}
		b, ok := data[n]
		if !ok {
			var err error
			if b, err = p.read(n); err != nil {
				return nil, nil, err
			}
		}
		var ed edits
		var err error
		switch kind {
		case "rels":
			ed = relsEdits(rels[n], isDropped)
		case "types":
			ed, err = contentTypeEdits(b, isDropped, depth)
		case "story":
			ed, err = rewriteStory(b, m, rep, depth)
		case "core":
			ed, err = rewriteProperties(b, func(l string) bool { return !keptCore[l] }, m, rep, depth)
		case "app":
			ed, err = rewriteProperties(b, func(l string) bool { return clearedApp[l] }, m, rep, depth)
		case "text":
			ed, err = rewriteText(b, m, depth)
		}
		if err != nil {
			return nil, nil, broken(n)
		}
		if len(ed) == 0 {
			continue
		}
		if changed[n], err = ed.apply(b); err != nil {
			return nil, nil, review.Errorf(review.ErrInternal, "无法改写 %s：%v", n, err)
		}
		rep.PartsChanged = append(rep.PartsChanged, n)
	}
	rep.PartsRemoved = sortedKeys(dropped)
	return changed, dropped, nil
}

func broken(name string) error {
	return review.Errorf(review.ErrUnreadable, "文档已损坏，无法读取其中的 %s，不能据此生成发布稿", name)
}

// tallyDropped notes in the report what a dropped part held: its comments, or its custom properties by name.
func (p *pkg) tallyDropped(name string, rep *Report) error {
	lname := strings.ToLower(name)
	comments := strings.HasPrefix(lname, "word/comments") && partKind(name) != "rels"
	if !comments && lname != "docprops/custom.xml" {
		return nil
	}
	b, err := p.read(name)
	if err != nil {
		return err
	}
	err = walk(b, p.lim.MaxXMLDepth, func(tok xml.Token, _, _ int) error {
		t, ok := tok.(xml.StartElement)
		switch {
		case !ok:
		case comments && t.Name.Space == nsW && t.Name.Local == "comment":
			rep.Comments++
		case !comments && t.Name.Local == "property":
			for _, a := range t.Attr {
				if a.Name.Local == "name" {
					rep.Properties = append(rep.Properties, "自定义属性“"+a.Value+"”")
				}
			}
		}
		return nil
	})
	if err != nil {
		return broken(name)
	}
	return nil
}
