package release

import (
	"encoding/xml"
	"strings"

	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// Verify is the guard: it reads a release copy again, as any reader would,
// and refuses it with an ErrConflict error naming the first thing that should
// not be there: a part left that the copy drops (comments, custom XML, custom
// properties), a hidden part with text (hidden runs, tracked deletions,
// properties), a withheld passage anywhere in any part (folded as the scan
// folds, so 全角 and 繁体 variants count; the notes themselves aside), with
// opt.Mask a personal number the scanner still finds, or the markup of a
// tracked change, comment, hidden run or custom XML in the text.
func Verify(data []byte, opt Options) error {
	lim := opt.limits()
	p, err := openPackage(data, lim)
	if err != nil {
		return refuse("发布稿无法重新打开（%s）", review.ErrorMessage(err))
	}
	for name := range p.files {
		if droppedName(name) {
			return refuse("发布稿中仍有应删除的部件 %s（批注、自定义 XML、自定义属性、构建基块或缩略图）", name)
		}
	}
	doc, err := extract.Bytes("release.docx", data, lim)
	if err != nil {
		return refuse("发布稿无法重新读取（%v）", err)
	}
	var sc *scan.Scanner
	if opt.Mask {
		if sc, err = opt.scanner(); err != nil {
			return err
		}
	}
	left := leftover(opt.Withhold)
	for _, part := range doc.Parts {
		if part.Hidden && strings.TrimSpace(part.Text) != "" {
			return refuse("发布稿中仍有隐藏内容（%s）：“%s”", part.Name, review.Clip(part.Text, 30))
		}
		if err := checkText(part.Name, part.Text, left, sc); err != nil {
			return err
		}
	}
	for _, f := range p.zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		b, err := p.read(f.Name)
		if err != nil {
			return refuse("发布稿无法重新读取（%s）", review.ErrorMessage(err))
		}
		text, err := rawText(b, partKind(f.Name) == "story", lim.MaxXMLDepth)
		if err != nil {
			return refuse("发布稿的 %s %v", f.Name, err)
		}
		if err := checkText(f.Name, text, left, sc); err != nil {
			return err
		}
	}
	return nil
}

func refuse(format string, args ...any) error {
	return review.Errorf(review.ErrConflict, "发布稿未通过复核，未生成："+format, args...)
}

// leftover returns a check that finds a withheld passage in text, leaving the notes that replaced passages aside.
func leftover(ws []review.Redaction) func(text string) (string, bool) {
	var notes []string
	for _, w := range ws {
		if b, ok := review.LookupBasis(w.Basis); ok {
			notes = append(notes, scan.Normalize(Note(b)))
		}
	}
	strip := strings.NewReplacer(pairs(notes)...)
	return func(text string) (string, bool) {
		norm := strip.Replace(scan.Normalize(text))
		for _, w := range ws {
			if n := scan.Normalize(w.Text); n != "" && strings.Contains(norm, n) {
				return w.Text, true
			}
		}
		return "", false
	}
}

func pairs(notes []string) []string {
	var out []string
	for _, n := range notes {
		out = append(out, n, "\n")
	}
	return out
}

// checkText refuses text that still holds a withheld passage or, when sc is given, a personal number.
func checkText(where, text string, left func(string) (string, bool), sc *scan.Scanner) error {
	if w, ok := left(text); ok {
		return refuse("%s 中仍有要删除的文字“%s”", where, review.Clip(w, 30))
	}
	if sc == nil {
		return nil
	}
	for _, f := range sc.ScanText(text, scan.Options{}).Findings {
		if masked[f.Category] {
			return refuse("%s 中仍有未遮盖的个人信息“%s”", where, scan.Mask(f).Text)
		}
	}
	return nil
}

// rawText returns every text an XML part holds, character data and attribute
// values, as a reader of the raw file would see it: the text of a paragraph's
// runs flows together, every other element that holds text ends a line. In a
// WordprocessingML story it is an error to find markup the copy removes.
func rawText(data []byte, story bool, maxDepth int) (string, error) {
	var b, attrs strings.Builder
	var stack []bool // whether each open element holds text directly
	var names []xml.Name
	err := walk(data, maxDepth, func(tok xml.Token, _, _ int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if story && t.Name.Space == nsW && cleaned[t.Name.Local] != keep {
				return errMarkup("w:" + t.Name.Local)
			}
			if story && hides(t) && len(names) >= 2 && names[len(names)-1].Local == "rPr" && names[len(names)-2].Local == "r" {
				return errMarkup("w:" + t.Name.Local)
			}
			for _, a := range t.Attr {
				if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
					attrs.WriteString(a.Value + "\n")
				}
			}
			stack, names = append(stack, false), append(names, t.Name)
		case xml.EndElement:
			held := stack[len(stack)-1]
			stack, names = stack[:len(stack)-1], names[:len(names)-1]
			if t.Name.Local == "p" || held && t.Name.Local != "t" {
				b.WriteByte('\n')
			}
		case xml.CharData:
			if len(stack) > 0 {
				b.Write(t)
				stack[len(stack)-1] = true
			}
		}
		return nil
	})
	return b.String() + "\n" + attrs.String(), err
}

// errMarkup says which markup of a change, comment or hidden run is left.
type errMarkup string

func (e errMarkup) Error() string {
	return "中仍有修订、批注、隐藏文字或自定义 XML 的标记 " + string(e)
}
