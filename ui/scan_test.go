package ui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"prepub/review/scan"
	"prepub/ui"
)

const corpus = "../../shared/corpus"

// newScreen starts a test app and window holding a scan screen driven by the real scanner.
func newScreen(t *testing.T) (*ui.ScanScreen, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	s := ui.NewScanScreen(w, sc)
	w.Resize(fyne.NewSize(1000, 600))
	return s, w
}

// writeFile writes a fixture into the test's temporary folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// shownLabel reports whether a visible label with exactly this text is rendered in the window.
func shownLabel(w fyne.Window, text string) bool {
	var walk func(o fyne.CanvasObject) bool
	walk = func(o fyne.CanvasObject) bool {
		if !o.Visible() {
			return false
		}
		switch x := o.(type) {
		case *widget.Label:
			return x.Text == text
		case *fyne.Container:
			for _, c := range x.Objects {
				if walk(c) {
					return true
				}
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				if walk(c) {
					return true
				}
			}
		}
		return false
	}
	return walk(w.Content())
}

// TestScanScreen_Check ensures each kind of scan outcome is worded and listed as the clerk must see it.
func TestScanScreen_Check(t *testing.T) {
	t.Run("Marked", func(t *testing.T) {
		s, w := newScreen(t)
		s.Check(writeFile(t, "draft.txt", "机密★1年\n关于……的通知\n"))
		if got, want := s.Verdict(), "发现密级标志，不得公开"; got != want {
			t.Fatalf("verdict %q, want %q", got, want)
		}
		if s.Rows() == 0 {
			t.Fatal("no finding listed")
		}
		if got := s.CellText(0, 0); got != "严重" {
			t.Errorf("first row severity %q, want 严重", got)
		}
		if got := s.CellText(0, 2); got != "正文 第1行" {
			t.Errorf("first row place %q, want 正文 第1行", got)
		}
		if got := s.CellText(0, 4); !strings.Contains(got, "机密") {
			t.Errorf("first row text %q, want the marking", got)
		}
		for _, want := range []string{"严重程度", "说明", "严重", s.CellText(0, 4), s.CellText(0, 5)} {
			if !shownLabel(w, want) {
				t.Errorf("window shows no label %q", want)
			}
		}
	})

	t.Run("UnreadableEmpty", func(t *testing.T) {
		s, w := newScreen(t)
		s.Check(writeFile(t, "empty.txt", ""))
		v := s.Verdict()
		if !strings.HasPrefix(v, "无法检查：") || !strings.HasSuffix(v, "此文件未经检查，不能视为通过。") ||
			strings.Contains(v, "无法检查：无法检查") {
			t.Errorf("verdict %q, want the could-not-be-checked wording", v)
		}
		if s.Rows() != 0 {
			t.Errorf("%d findings listed for an unchecked file", s.Rows())
		}
		if !shownLabel(w, v) {
			t.Error("verdict not shown in the window")
		}
	})

	t.Run("UnreadableDoc", func(t *testing.T) {
		s, _ := newScreen(t)
		s.Check(writeFile(t, "old.doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 机密"))
		if r := s.Report(); r == nil || r.Status != scan.StatusUnreadable {
			t.Fatalf("report %+v, want unreadable", r)
		}
		if v := s.Verdict(); !strings.Contains(v, "此文件未经检查，不能视为通过。") {
			t.Errorf("verdict %q, want the could-not-be-checked wording", v)
		}
	})

	t.Run("CorpusNews", func(t *testing.T) {
		s, _ := newScreen(t)
		s.Check(filepath.Join(corpus, "xuyi-news.txt"))
		if r := s.Report(); r == nil || r.Status != scan.StatusChecked {
			t.Fatalf("report %+v, want checked", r)
		}
		if v := s.Verdict(); v != "未发现严重问题" {
			t.Errorf("verdict %q, want 未发现严重问题", v)
		}
		for i := 0; i < s.Rows(); i++ {
			if s.CellText(i, 0) == "严重" {
				t.Errorf("row %d is critical: %q", i, s.CellText(i, 4))
			}
		}
	})
}

// TestScanScreen_Dropped ensures a file dropped on the window is scanned off the UI goroutine and then shown.
func TestScanScreen_Dropped(t *testing.T) {
	s, _ := newScreen(t)
	done := make(chan *scan.FileReport, 1)
	s.OnShown = func(fr *scan.FileReport) { done <- fr }
	path := writeFile(t, "draft.txt", "秘密★\n关于……的请示\n")
	s.Dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	select {
	case fr := <-done:
		if fr.File != path || !fr.Critical {
			t.Fatalf("shown %s critical=%v, want %s critical", fr.File, fr.Critical, path)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("scan did not finish within 10s")
	}
	if got, want := s.Verdict(), "发现密级标志，不得公开"; got != want {
		t.Errorf("verdict %q, want %q", got, want)
	}
}

// TestScanScreen_CtrlO ensures Ctrl+O opens the file dialog.
func TestScanScreen_CtrlO(t *testing.T) {
	_, w := newScreen(t)
	sc, ok := w.Canvas().(fyne.Shortcutable)
	if !ok {
		t.Fatal("test canvas takes no shortcuts")
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault})
	if w.Canvas().Overlays().Top() == nil {
		t.Error("no dialog shown")
	}
}
