package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"prepub/index"
	"prepub/review"
)

// BenchmarkOpenToShown measures what a clerk waits for from choosing a
// 112-page draft to seeing it: the file read and scanned, the findings table
// and the document view built, the window painted once (by the test driver's
// software painter; the app paints with GL). The .docx is docBigDoc; the PDF
// is the same draft converted by LibreOffice, or the file PREPUB_BENCH_PDF
// names (bench/desktop.sh converts it once); PDFs are read in a worker
// process, as the app reads them. read-ms is the file read and scanned,
// shown-ms the screen built and painted.
func BenchmarkOpenToShown(b *testing.B) {
	test.NewTempApp(b)
	dir := b.TempDir()
	docx := filepath.Join(dir, "draft.docx")
	if err := os.WriteFile(docx, docBigDoc(b).Build(), 0o644); err != nil {
		b.Fatal(err)
	}
	pdf := os.Getenv("PREPUB_BENCH_PDF")
	if pdf == "" {
		pdf = filepath.Join(dir, "draft.pdf")
		if out, err := exec.Command("soffice", "--headless", "--convert-to", "pdf", "--outdir", dir, docx).CombinedOutput(); err != nil {
			b.Logf("no PDF (LibreOffice: %v %s): measuring the .docx only", err, out)
			pdf = ""
		}
	}
	for _, c := range []struct{ name, path string }{{"docx", docx}, {"pdf", pdf}} {
		if c.path == "" {
			continue
		}
		b.Run(c.name, func(b *testing.B) {
			w := test.NewWindow(nil)
			defer w.Close()
			s := NewClerkScreen(w, docTestServices(b), &Session{User: index.User{Name: "张起草", Role: review.RoleClerk}})
			w.SetContent(s.Content())
			w.Resize(fyne.NewSize(1366, 860))
			s.Load(c.path) // the first paint loads the fonts
			w.Canvas().Capture()
			if n := len(s.doc.text.rows); n < 1000 {
				b.Fatalf("%s shown in %d rows, not as a long draft", c.name, n)
			}
			var read, shown time.Duration
			pages := 0
			for b.Loop() { // Load, in its two halves
				start := time.Now()
				s.pending++
				d := s.read(c.path)
				if d.report != nil && d.report.Doc != nil {
					pages = d.report.Doc.Pages
				}
				mid := time.Now()
				s.showOpened(d)
				w.Canvas().Capture()
				read, shown = read+mid.Sub(start), shown+time.Since(mid)
			}
			b.ReportMetric(float64(read.Milliseconds())/float64(b.N), "read-ms/op")
			b.ReportMetric(float64(shown.Milliseconds())/float64(b.N), "shown-ms/op")
			b.ReportMetric(float64(pages), "pages") // as the reader counts them; 0 for a .docx, which has none
		})
	}
}
