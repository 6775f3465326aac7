package ui

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/internal/docxfixture"
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// docTestDraft has a marking (critical), an internal-only label (high), a process term and a mobile number.
const docTestDraft = "机密★1年\n关于防汛物资储备的通知\n各乡镇人民政府：\n现将防汛物资储备库的位置和数量通知如下。\n" +
	"本通知为征求意见稿，联系人手机13812345678。\n内部资料 注意保存\n"

// docTestView scans text as a file of this name and shows it in a document view in a test window.
func docTestView(t testing.TB, name, text string) (*DocView, fyne.Window, *scan.FileReport) {
	t.Helper()
	v, w := docTestWindow(t)
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	fr := sc.ScanBytes(name, []byte(text), extract.DefaultLimits(), scan.Options{})
	if fr.Status != scan.StatusChecked {
		t.Fatalf("scan: %s", fr.Reason)
	}
	v.show(docFromReport(fr, fr.Findings))
	return v, w, fr
}

// docTestWindow shows an empty document view in a test window.
func docTestWindow(t testing.TB) (*DocView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := NewDocView(w)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(700, 500))
	return v, w
}

// docDrawn is a run of text as drawn: its text, colour and the background behind it.
type docDrawn struct {
	text string
	fg   color.Color
	bg   color.Color
}

// docDrawnRuns returns the text runs the view draws now, each with the rectangle drawn behind it.
func docDrawnRuns(v *DocView) []docDrawn {
	var out []docDrawn
	for _, o := range test.WidgetRenderer(v.text).Objects() {
		var bg color.Color
		for _, c := range o.(*fyne.Container).Objects {
			switch x := c.(type) {
			case *canvas.Rectangle:
				bg = x.FillColor
			case *canvas.Text:
				out = append(out, docDrawn{x.Text, x.Color, bg})
				bg = nil
			}
		}
	}
	return out
}

// docDrawnWith returns the drawn run whose text is exactly s.
func docDrawnWith(t *testing.T, v *DocView, s string) docDrawn {
	t.Helper()
	for _, d := range docDrawnRuns(v) {
		if d.text == s {
			return d
		}
	}
	t.Fatalf("no run %q drawn among %q", s, docDrawnRuns(v))
	return docDrawn{}
}

// TestDocView_Highlights ensures every finding is drawn with its severity's colour and background, and plain text without.
func TestDocView_Highlights(t *testing.T) {
	v, _, fr := docTestView(t, "draft.txt", docTestDraft)
	want := map[string]color.Color{}
	for _, f := range fr.Findings {
		want[f.Text] = docMarkStyle(docMarkKind(f.Severity), false).bg
	}
	if want["机密★1年"] != docMarkStyle(markCritical, false).bg || want["内部资料"] != docMarkStyle(markHigh, false).bg || want["13812345678"] == nil {
		t.Fatalf("findings %+v", fr.Findings)
	}
	for text, bg := range want {
		d := docDrawnWith(t, v, text)
		if d.bg != bg {
			t.Errorf("%q drawn on %v, want %v", text, d.bg, bg)
		}
	}
	if d := docDrawnWith(t, v, "机密★1年"); d.fg != theme.Color(theme.ColorNameError) {
		t.Errorf("marking drawn in %v, want the error colour", d.fg)
	}
	if d := docDrawnWith(t, v, "关于防汛物资储备的通知"); d.bg != nil || d.fg != theme.Color(theme.ColorNameForeground) {
		t.Errorf("plain line drawn as %+v", d)
	}
	var kinds []string
	for _, m := range v.Marked() {
		kinds = append(kinds, m.Kind+":"+m.Text)
	}
	if len(kinds) != len(fr.Findings) || kinds[0] != "critical:机密★1年" {
		t.Errorf("marked %q, want every finding in reading order", kinds)
	}
}

// TestDocView_NextPrev ensures the jump buttons walk the findings in the order given, wrapping round, and scroll to them.
func TestDocView_NextPrev(t *testing.T) {
	text := "机密★1年\n" + strings.Repeat("本县防汛工作平稳有序。\n", 200) + "内部资料 注意保存\n"
	v, w, fr := docTestView(t, "draft.txt", text)
	var told []int
	v.OnSelected = func(i int) { told = append(told, i) }
	last := len(fr.Findings) - 1
	test.Tap(docButton(t, w, "下一处（Ctrl+N）"))
	if v.Selected() != 0 || v.scroll.Offset.Y != 0 {
		t.Fatalf("first: selected %d, offset %v", v.Selected(), v.scroll.Offset)
	}
	for i := 1; i <= last; i++ {
		v.Next()
	}
	if v.Selected() != last || v.scroll.Offset.Y <= 0 {
		t.Fatalf("last: selected %d, offset %v", v.Selected(), v.scroll.Offset)
	}
	f := fr.Findings[last]
	if d := docDrawnWith(t, v, f.Text); d.bg != docMarkStyle(docMarkKind(f.Severity), true).bg {
		t.Errorf("selected finding drawn on %v", d.bg)
	}
	v.Next()
	if v.Selected() != 0 {
		t.Errorf("after the last: %d, want the first", v.Selected())
	}
	test.Tap(docButton(t, w, "上一处"))
	if v.Selected() != last || len(told) != last+3 || told[len(told)-1] != last {
		t.Errorf("previous: selected %d, told %v", v.Selected(), told)
	}
	if !strings.Contains(v.where.Text, "/") {
		t.Errorf("where %q", v.where.Text)
	}
}

// TestDocView_Find ensures a search marks every match, Enter goes from one to the next, and a new draft keeps the search.
func TestDocView_Find(t *testing.T) {
	v, _, _ := docTestView(t, "draft.txt", docTestDraft)
	test.Type(v.find, "防汛")
	if n, sel := v.Matches(); n != 2 || sel != -1 {
		t.Fatalf("matches %d, selected %d", n, sel)
	}
	v.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, sel := v.Matches(); sel != 0 {
		t.Fatalf("after Enter: selected %d", sel)
	}
	var bgs []color.Color
	for _, d := range docDrawnRuns(v) {
		if d.text == "防汛" {
			bgs = append(bgs, d.bg)
		}
	}
	if len(bgs) != 2 || bgs[0] != docMarkStyle(markMatch, true).bg || bgs[1] != docMarkStyle(markMatch, false).bg {
		t.Errorf("matches drawn on %v", bgs)
	}
	v.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, sel := v.Matches(); sel != 1 || v.found.Text != "2/2 处" {
		t.Errorf("second Enter: selected %d, %q", sel, v.found.Text)
	}
	test.Type(v.find, "不在文中")
	if n, _ := v.Matches(); n != 0 || v.found.Text != "未找到" {
		t.Errorf("no match: %d %q", n, v.found.Text)
	}
}

// TestDocView_OpenOriginal ensures 打开原文件 opens a copy of the original bytes under the original name.
func TestDocView_OpenOriginal(t *testing.T) {
	v, w, fr := docTestView(t, "关于防汛物资储备的通知.txt", docTestDraft)
	data := []byte(docTestDraft)
	in := docFromReport(fr, fr.Findings)
	in.file, in.original = "关于防汛物资储备的通知.txt", docBytes(data)
	v.show(in)
	opened := make(chan *url.URL, 1)
	v.OpenURL = func(u *url.URL) error { opened <- u; return nil }
	test.Tap(docButton(t, w, "打开原文件"))
	u := <-opened
	path := filepath.FromSlash(u.Path)
	got, err := os.ReadFile(path)
	if u.Scheme != "file" || err != nil || !bytes.Equal(got, data) || filepath.Base(path) != "关于防汛物资储备的通知.txt" {
		t.Fatalf("opened %v (%s): %v, same bytes %v", u, path, err, bytes.Equal(got, data))
	}
	v.show(docFromReport(fr, fr.Findings)) // no original to be had
	if !docButton(t, w, "打开原文件").Disabled() {
		t.Error("打开原文件 enabled without an original")
	}
}

// TestDocView_Withheld ensures a withheld passage is drawn grey, found again across a PDF's line breaks.
func TestDocView_Withheld(t *testing.T) {
	v, _, fr := docTestView(t, "draft.txt", docTestDraft)
	in := docFromReport(fr, fr.Findings)
	in.withheld = []review.Redaction{{Text: "防汛物资储备库的位置和数量", Basis: "security-stability"}}
	v.show(in)
	if d := docDrawnWith(t, v, "防汛物资储备库的位置和数量"); d.bg != docBgWithheld() {
		t.Errorf("withheld passage drawn on %v", d.bg)
	}
	got := docFindPassage([]extract.Part{{Text: "现将防汛物资储\n备库的位置通知如下"}}, "防汛物资储备库")
	if len(got) != 1 || got[0].start != len("现将") || got[0].end != len("现将防汛物资储\n备库") {
		t.Errorf("passage across a line break found at %+v", got)
	}
}

// docButton returns the visible button with this text in the window.
func docButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil || !o.Visible() {
			return
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(w.Content())
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// docTestPage is a PDF page as a reader gives it: the producer's line breaks, a
// term broken across two lines, a comma on a line of its own, Latin words broken.
const docTestPage = "机密★1年\n关于进一步做好政务公开工作的通知\n各乡镇人民政府，县直各单位：\n" +
	"　　为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步提升政务公开工\n" +
	"作质量，现将有关事项通知如下，本通知附件为内部\n资料，请妥善保管\n，\n各单位要高度重视。\n" +
	"　　一、加强组织领导。The Regulations on Open Government\nInformation apply to every draft of this office and\n" +
	"to every attachment it has.\n\n\n　　二、落实工作责任。\n"

// TestDocParagraphs ensures text from PDF and OFD pages is shown as paragraphs, joined where the producer
// broke its lines, with every finding still marked on the text it points to.
func TestDocParagraphs(t *testing.T) {
	disp, m := docParagraphs(docTestPage)
	want := []string{
		"机密★1年",
		"关于进一步做好政务公开工作的通知",
		"各乡镇人民政府，县直各单位：",
		"　　为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步提升政务公开工作质量，现将有关事项通知如下，本通知附件为内部资料，请妥善保管，各单位要高度重视。",
		"　　一、加强组织领导。The Regulations on Open Government Information apply to every draft of this office and to every attachment it has.",
		"",
		"　　二、落实工作责任。",
	}
	if got := strings.Split(disp, "\n"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("paragraphs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range []string{"机密★1年", "政务公开工\n作质量", "内部\n资料", "Government\nInformation", "二、落实"} {
		off := strings.Index(docTestPage, s)
		d, e := m.toDisp(off, false), m.toDisp(off+len(s), true)
		if a, b := m.toPart(d, false), m.toPart(e, true); a != off || b != off+len(s) {
			t.Errorf("%q at %d..%d maps back to %d..%d", s, off, off+len(s), a, b)
		}
		if got, want := disp[d:e], strings.NewReplacer("\n", "", "Government\nInformation", "Government Information").Replace(s); got != want && !(s == "Government\nInformation" && got == "Government Information") {
			t.Errorf("%q shown as %q", s, got)
		}
	}

	// In the view: the findings of the page drawn on the joined text, by format or, for a record, by the pages' names.
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := &extract.Document{Format: "pdf", Coverage: 1, Pages: 2, Parts: []extract.Part{
		{Kind: extract.Body, Name: "第1页", Page: 1, Text: docTestPage},
		{Kind: extract.Body, Name: "第2页", Page: 2, Text: "　　三、加强监督\n检查。\n"},
		{Kind: extract.Annotation, Name: "第2页批注", Hidden: true, Page: 2, Text: "请核实\n"}}}
	res := sc.Scan(doc, scan.Options{})
	split := -1
	for i, f := range res.Findings {
		if f.Text == "内部\n资料" {
			split = i
		}
	}
	if split < 0 {
		t.Fatalf("the term broken across lines was not found: %+v", res.Findings)
	}
	for _, format := range []string{"pdf", ""} {
		v, _ := docTestWindow(t)
		v.show(docInput{parts: doc.Parts, format: format, findings: res.Findings})
		if d := docDrawnWith(t, v, "内部资料"); d.bg != docMarkStyle(docMarkKind(res.Findings[split].Severity), false).bg {
			t.Errorf("format %q: the joined term drawn on %v", format, d.bg)
		}
		if len(v.text.rows) < 8 || strings.Contains(v.parts[0].disp, "工\n作") {
			t.Errorf("format %q: not joined: %q", format, v.parts[0].disp)
		}
		if h := v.parts[0].heading + v.parts[1].heading + v.parts[2].heading; h != "【第1页】【第2页】【隐藏内容：批注/注释 第2页批注】" {
			t.Errorf("format %q: headings %q", format, h)
		}
		if v.parts[1].disp != "　　三、加强监督检查。" {
			t.Errorf("format %q: second page %q", format, v.parts[1].disp)
		}
	}
}

// docBigPages is the size of the long draft of the speed test: 112 A4 pages of about 1,500 characters.
const docBigPages = 112

// docBigDraft builds the long draft as bench/gendocs does (-kind docx -pages 112), from the corpus
// paragraphs under a copy number and a marking, and reads it: as .docx parts, or, with pdf, as the
// pages a PDF reader gives (lines broken every 38 characters, about 1,500 characters a page).
func docBigDraft(t testing.TB, pdf bool) docInput {
	t.Helper()
	d := docBigDoc(t)
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	if !pdf {
		fr := sc.ScanBytes("big.docx", d.Build(), extract.DefaultLimits(), scan.Options{})
		if fr.Status != scan.StatusChecked {
			t.Fatal(fr.Reason)
		}
		return docFromReport(fr, fr.Findings)
	}
	return docBigPDF(sc, d)
}

// docBigDoc is the long draft as bench/gendocs writes it: the corpus paragraphs under a copy number
// and a marking, about docBigPages pages of 1,500 characters.
func docBigDoc(t testing.TB) docxfixture.Doc {
	t.Helper()
	names, _ := filepath.Glob("../../shared/corpus/*.txt")
	if len(names) == 0 {
		t.Skip("no corpus in ../../shared/corpus")
	}
	var paras []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				paras = append(paras, line)
			}
		}
	}
	d := docxfixture.Doc{Body: []string{"000123", "机密★5年", "特急", "关于进一步做好政务公开工作的通知"},
		Header: []string{"某县人民政府办公室"}, Footer: []string{"（此件依申请公开）"}, Title: "关于进一步做好政务公开工作的通知"}
	for i, chars := 0, 0; chars < docBigPages*1500; i++ {
		d.Body = append(d.Body, paras[i%len(paras)])
		chars += len([]rune(paras[i%len(paras)]))
	}
	d.Body = append(d.Body, "联系人：张三，联系电话：13812345678", "（此件依申请公开）")
	return d
}

// docBigPDF returns the long draft as the pages a PDF reader gives: lines broken every 38 characters, about 1,500 characters a page.
func docBigPDF(sc *scan.Scanner, d docxfixture.Doc) docInput {
	doc := &extract.Document{Format: "pdf", Coverage: 1}
	var page strings.Builder
	n := 0
	flush := func() {
		doc.Pages++
		doc.Parts = append(doc.Parts, extract.Part{Kind: extract.Body, Name: fmt.Sprintf("第%d页", doc.Pages), Page: doc.Pages, Text: page.String()})
		page.Reset()
		n = 0
	}
	for _, p := range d.Body {
		rs := []rune("　　" + p)
		for len(rs) > 0 {
			k := min(38, len(rs))
			page.WriteString(string(rs[:k]) + "\n")
			rs, n = rs[k:], n+k
			if n >= 1500 {
				flush()
			}
		}
	}
	flush()
	return docInput{parts: doc.Parts, format: "pdf", findings: sc.Scan(doc, scan.Options{}).Findings}
}

// docOpenToShown shows the draft in the view, jumps to its last finding and paints the window once:
// what the user waits for after the draft is read. It returns how long the view took before the paint.
func docOpenToShown(v *DocView, w fyne.Window, in docInput) time.Duration {
	start := time.Now()
	v.SetLoading("正在读取…")
	v.show(in)
	v.Select(len(in.findings) - 1)
	built := time.Since(start)
	w.Canvas().Capture()
	return built
}

// TestDocView_LongDraft ensures a 112-page draft, read from .docx or PDF, is laid out for the screen within a
// second of being read, and logs how long the first paint takes with the software painter.
func TestDocView_LongDraft(t *testing.T) {
	for _, pdf := range []bool{false, true} {
		in := docBigDraft(t, pdf)
		v, w := docTestWindow(t)
		docOpenToShown(v, w, in) // the first paint loads the fonts
		start := time.Now()
		built := docOpenToShown(v, w, in)
		took := time.Since(start)
		t.Logf("pdf %v: %d parts, %d rows, %d findings: view built in %v, painted (software painter) in %v",
			pdf, len(in.parts), len(v.text.rows), len(in.findings), built, took)
		if built > time.Second { // the paint is the test's software painter, slow under -race; the app paints with GL
			t.Errorf("pdf %v: view built in %v, want within 1 s", pdf, built)
		}
		if v.Selected() < 0 || v.scroll.Offset.Y <= 0 {
			t.Errorf("pdf %v: last finding not scrolled to", pdf)
		}
	}
}

// BenchmarkDocView_LongDraft measures showing a 112-page draft (docx parts, and PDF pages joined into paragraphs).
func BenchmarkDocView_LongDraft(b *testing.B) {
	for _, c := range []struct {
		name string
		pdf  bool
	}{{"docx", false}, {"pdf", true}} {
		b.Run(c.name, func(b *testing.B) {
			in := docBigDraft(b, c.pdf)
			v, w := docTestWindow(b)
			for b.Loop() {
				docOpenToShown(v, w, in)
			}
		})
	}
}

// docPress drags the mouse over the text area from the start of rune from to the start of rune to of the row whose text starts with prefix.
func docPress(t *testing.T, v *DocView, prefix string, from, to int) {
	t.Helper()
	row := -1
	for i, r := range v.text.rows {
		if r.start >= 0 && strings.HasPrefix(v.parts[r.part].disp[r.start:r.end], prefix) {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("no row starts with %q", prefix)
	}
	y := float32(row)*v.text.rowH + v.text.rowH/2
	x := func(n int) float32 { return theme.Padding() + float32(n)*v.text.han + 1 }
	v.text.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x(from), y)}, Button: desktop.MouseButtonPrimary})
	if to != from { // a click is not a drag
		v.text.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x(to), y)}})
		v.text.DragEnd()
	}
	v.text.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x(to), y)}, Button: desktop.MouseButtonPrimary})
}

// docTestServices wires the real core to a new archive in a temporary folder.
func docTestServices(t testing.TB) *Services {
	t.Helper()
	a, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	rules := review.DefaultRules()
	return &Services{Desk: &index.Desk{Archive: a, Rules: rules, Scanner: sc}, Archive: a, Scanner: sc, Rules: rules}
}

// TestDocShortcuts ensures Ctrl+N and Ctrl+Shift+N walk the findings of the draft a reviewer has on show.
func TestDocShortcuts(t *testing.T) {
	test.NewTempApp(t)
	svc := docTestServices(t)
	if _, err := svc.Desk.Submit(context.Background(), review.Actor{User: "张起草", Role: review.RoleClerk}, "县应急管理局", "d.txt",
		[]byte("关于调整储备库布局的通知（征求意见稿）\n联系人手机13812345678。\n"),
		review.Decision{Attribute: review.Public, Redactions: []review.Redaction{{Text: "储备库", Basis: "security-stability", Reason: "防汛安全信息"}}}); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	q := NewQueueScreen(w, svc, &Session{User: index.User{Name: "王法制", Role: review.LegalOffice}})
	w.SetContent(q.Content())
	w.Resize(fyne.NewSize(1100, 720))
	if err := q.Load(); err != nil || q.Selected() == nil {
		t.Fatalf("legal office's queue: %v", err)
	}
	n := len(q.Selected().Findings)
	if n < 2 {
		t.Fatalf("the draft has %d findings, want two to walk", n)
	}
	bindDocShortcuts(w, q.Doc)
	m := fyne.KeyModifierShortcutDefault
	keys := w.Canvas().(fyne.Shortcutable)
	keys.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: m})
	if q.Doc().Selected() != 0 {
		t.Fatalf("Ctrl+N selected %d, want the first finding", q.Doc().Selected())
	}
	keys.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: m | fyne.KeyModifierShift})
	if q.Doc().Selected() != n-1 {
		t.Errorf("Ctrl+Shift+N selected %d, want the last of %d", q.Doc().Selected(), n)
	}
	q.Doc().find.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: m}) // typed in the search entry
	if q.Doc().Selected() != 0 {
		t.Errorf("Ctrl+N in the search entry selected %d, want the first again", q.Doc().Selected())
	}
	if !strings.HasPrefix(q.Doc().where.Text, "第 1/") {
		t.Errorf("the view says %q about the finding selected", q.Doc().where.Text)
	}
}

// TestClerkWithheld_Passage ensures the clerk's 标为不予公开… takes the passage selected with the mouse
// (across a PDF line break, as the part's text has it), else the finding selected, and a click on a finding selects it.
func TestClerkWithheld_Passage(t *testing.T) {
	test.NewTempApp(t)
	svc := docTestServices(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	s := NewClerkScreen(w, svc, &Session{User: index.User{Name: "张起草", Role: review.RoleClerk}})
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1200, 800))
	path := filepath.Join(t.TempDir(), "d.txt")
	if err := os.WriteFile(path, []byte(docTestDraft), 0o600); err != nil {
		t.Fatal(err)
	}
	s.Load(path)
	dialogEntry := func() string {
		test.Tap(s.withheld.button)
		top := w.Canvas().Overlays().Top()
		defer w.Canvas().Overlays().Remove(top)
		var text string
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			if e, ok := o.(*modalEntry); ok && text == "" && e.MultiLine {
				text = e.Text
			}
			switch x := o.(type) {
			case *fyne.Container:
				for _, c := range x.Objects {
					walk(c)
				}
			case fyne.Widget:
				for _, c := range test.WidgetRenderer(x).Objects() {
					walk(c)
				}
			}
		}
		walk(top)
		return text
	}
	docPress(t, s.doc, "现将", 2, 6)
	if got := s.doc.Selection(); got != "防汛物资" || dialogEntry() != "防汛物资" {
		t.Fatalf("selection %q", got)
	}
	docPress(t, s.doc, "机密", 1, 1) // a click on the marking selects its finding
	f, ok := s.SelectedFinding()
	if !ok || f.Text != "机密★1年" || s.doc.Selection() != "" {
		t.Fatalf("click on the marking: %+v %v, selection %q", f, ok, s.doc.Selection())
	}
	if got := dialogEntry(); got != "机密★1年" {
		t.Errorf("dialog offers %q, want the finding selected", got)
	}

	v, _ := docTestWindow(t) // PDF text: the passage as the page has it, line break included
	v.show(docInput{format: "pdf", parts: []extract.Part{{Kind: extract.Body, Name: "第1页", Text: "现将防汛物资\n储备库的位置通知如下。\n"}}})
	docPress(t, v, "现将", 4, 8)
	if got := v.Selection(); got != "物资\n储备" {
		t.Errorf("selection across a joined line: %q", got)
	}
}
