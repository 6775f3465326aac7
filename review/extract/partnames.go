package extract

import (
	"path"
	"strings"
)

// partNames are the Chinese names of the part kinds, as every screen and report shows them.
var partNames = map[PartKind]string{
	Body:       "正文",
	Header:     "页眉",
	Footer:     "页脚",
	Footnote:   "脚注/尾注",
	Comment:    "批注",
	Deleted:    "修订删除",
	Properties: "文档属性",
	Annotation: "批注/注释",
	Chart:      "图表",
}

// Name returns the part kind's Chinese name, such as 正文 for Body or 页眉 for
// Header; a kind this package does not define is returned as it is.
func (k PartKind) Name() string {
	if n, ok := partNames[k]; ok {
		return n
	}
	return string(k)
}

// fileParts are the kinds of the .docx parts, by the start of their file names.
var fileParts = []struct {
	prefix string
	kind   PartKind
}{{"document", Body}, {"header", Header}, {"footer", Footer}, {"footnotes", Footnote}, {"endnotes", Footnote},
	{"comments", Comment}, {"chart", Chart}, {"data", Chart}}

// Label names where a part's text lives in words a person reads: the kind's Chinese name, then
// the part's own name when it says more (正文 第3页), never a file path inside the document:
// word/header2.xml is 页眉2, and the deletions tracked in word/document.xml are 正文（修订删除）.
func Label(k PartKind, name string) string {
	base, suffix := name, ""
	if i := strings.Index(name, "（"); i >= 0 {
		base, suffix = name[:i], name[i:]
	}
	kind := k.Name()
	switch {
	case base == "" || base == kind:
		return kind + suffix
	case strings.ContainsAny(base, "/\\") || strings.HasSuffix(base, ".xml"):
		stem := strings.TrimSuffix(path.Base(strings.ReplaceAll(base, "\\", "/")), ".xml")
		where := kind
		for _, fp := range fileParts {
			if strings.HasPrefix(stem, fp.prefix) {
				where, stem = fp.kind.Name(), strings.TrimPrefix(stem, fp.prefix)
				break
			}
		}
		if strings.Trim(stem, "0123456789") != "" {
			stem = ""
		}
		if suffix == "（"+where+"）" {
			suffix = ""
		}
		return where + stem + suffix
	}
	return kind + " " + name
}
