package release

import (
	"encoding/xml"
	"net/url"
	"path"
	"sort"
	"strings"
)

// droppedName reports a part the copy leaves out by its name: comments and
// their people, custom XML data, custom properties, the glossary (building
// blocks and AutoText, never printed), and the thumbnail, a picture of the
// draft's first page as it was.
func droppedName(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "word/comments") || n == "word/people.xml" || strings.HasPrefix(n, "customxml/") ||
		strings.HasPrefix(n, "word/glossary/") || n == "docprops/custom.xml" || strings.HasPrefix(n, "docprops/thumbnail")
}

// droppedTypes end the relationship types whose targets the copy leaves out, whatever their names.
var droppedTypes = []string{"/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible", "/people",
	"/customXml", "/custom-properties", "/thumbnail", "/glossaryDocument"}

func droppedType(typ string) bool {
	for _, t := range droppedTypes {
		if strings.HasSuffix(typ, t) {
			return true
		}
	}
	return false
}

// relationship is one Relationship element of a .rels part.
type relationship struct {
	typ, target string // target resolved to a part name; "" when external
	start, end  int
}

// readRels reads a relationship part, resolving targets against its source part.
func readRels(name string, data []byte, maxDepth int) ([]relationship, error) {
	src := relsSource(name)
	var out []relationship
	err := walk(data, maxDepth, func(tok xml.Token, start, end int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "Relationship" {
				return nil
			}
			r := relationship{start: start}
			external := false
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "Type":
					r.typ = a.Value
				case "Target":
					r.target = a.Value
				case "TargetMode":
					external = strings.EqualFold(a.Value, "External")
				}
			}
			if external {
				r.target = ""
			} else {
				r.target = resolve(src, r.target)
			}
			out = append(out, r)
		case xml.EndElement:
			if t.Name.Local == "Relationship" && len(out) > 0 {
				out[len(out)-1].end = end
			}
		}
		return nil
	})
	return out, err
}

// relsSource returns the part a relationship part belongs to: "" for the package's own _rels/.rels.
func relsSource(name string) string {
	dir, base := path.Split(name)
	return path.Join(strings.TrimSuffix(dir, "_rels/"), strings.TrimSuffix(base, ".rels"))
}

// relsOf returns the name of a part's relationship part; "" stands for the package.
func relsOf(part string) string {
	if part == "" {
		return "_rels/.rels"
	}
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// resolve turns a relationship's target into a part name.
func resolve(src, target string) string {
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	if strings.HasPrefix(target, "/") {
		return path.Clean(target[1:])
	}
	return path.Join(path.Dir(src), target)
}

// isRels reports a relationship part.
func isRels(name string) bool {
	return strings.HasSuffix(name, ".rels") && strings.Contains(name, "_rels/")
}

// plan decides which parts the copy leaves out: those dropped by name or by
// the type of relationship that reaches them, then every part no relationship
// reaches any more from the package's root (an image only a comment showed),
// and the relationship parts of parts that went.
func plan(names []string, rels map[string][]relationship) map[string]bool {
	lower := map[string]string{}
	for _, n := range names {
		lower[strings.ToLower(n)] = n
	}
	find := func(part string) (string, bool) { n, ok := lower[strings.ToLower(part)]; return n, ok }
	out := map[string]bool{}
	for _, n := range names {
		if droppedName(n) {
			out[n] = true
		}
	}
	for _, rs := range rels {
		for _, r := range rs {
			if n, ok := find(r.target); ok && r.target != "" && droppedType(r.typ) {
				out[n] = true
			}
		}
	}
	if _, ok := rels["_rels/.rels"]; !ok {
		return out // no root to walk from: keep what is not dropped by name
	}
	reached := map[string]bool{"": true}
	queue := []string{""}
	for len(queue) > 0 {
		src := queue[0]
		queue = queue[1:]
		rn, _ := find(relsOf(src))
		for _, r := range rels[rn] {
			if n, ok := find(r.target); ok && r.target != "" && !out[n] && !reached[n] {
				reached[n] = true
				queue = append(queue, n)
			}
		}
	}
	for _, n := range names {
		switch {
		case n == "[Content_Types].xml", strings.HasSuffix(n, "/"), reached[n]:
		case isRels(n):
			if src := relsSource(n); src != "" && !reached[lower[strings.ToLower(src)]] {
				out[n] = true
			}
		default:
			out[n] = true
		}
	}
	return out
}

// sortedKeys returns a set's members in order.
func sortedKeys(m map[string]bool) []string {
	var out []string
	for k, v := range m {
		if v {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// relsEdits removes the relationships to parts the copy leaves out.
func relsEdits(rs []relationship, dropped func(part string) bool) edits {
	var ed edits
	for _, r := range rs {
		if r.target != "" && (dropped(r.target) || droppedType(r.typ)) {
			ed.add(r.start, r.end, "")
		}
	}
	return ed
}

// contentTypeEdits removes the content-type overrides of parts the copy leaves out.
func contentTypeEdits(data []byte, dropped func(part string) bool, maxDepth int) (edits, error) {
	var ed edits
	start, drop := 0, false
	err := walk(data, maxDepth, func(tok xml.Token, s, e int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "Override" {
				start, drop = s, false
				for _, a := range t.Attr {
					if a.Name.Local == "PartName" {
						drop = dropped(resolve("", a.Value))
					}
				}
			}
		case xml.EndElement:
			if t.Name.Local == "Override" && drop {
				ed.add(start, e, "")
			}
		}
		return nil
	})
	return ed, err
}
