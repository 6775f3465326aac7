package ui_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"prepub/review/scan"
	"prepub/ui"
)

// batchCorpus is the shared folder of public sample texts.
const batchCorpus = "../../shared/corpus"

// batchHeaders are the table's and the sheet's column titles.
var batchHeaders = []string{"文件", "状态", "最严重程度", "严重", "高", "中", "低", "原因"}

// batchNewScreen shows a batch screen, driven by the real scanner, in a test window.
func batchNewScreen(t *testing.T) (*ui.BatchScreen, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	s := ui.NewBatchScreen(w, &ui.Services{Scanner: sc})
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1100, 600))
	return s, w
}

// batchFolder builds a folder of the corpus texts (one in a subfolder), an empty .txt, and hidden files.
func batchFolder(t *testing.T) string {
	t.Helper()
	texts, err := filepath.Glob(filepath.Join(batchCorpus, "*.txt"))
	if err != nil || len(texts) != 5 {
		t.Fatalf("corpus: %v %v", texts, err)
	}
	dir := t.TempDir()
	for i, src := range texts {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, filepath.Base(src))
		if i == 0 {
			dst = filepath.Join(dir, "sub", filepath.Base(src))
		}
		batchWrite(t, dst, data)
	}
	batchWrite(t, filepath.Join(dir, "empty.txt"), nil)
	batchWrite(t, filepath.Join(dir, ".hidden.txt"), []byte("机密★1年\n"))
	batchWrite(t, filepath.Join(dir, "~$draft.docx"), []byte("lock"))
	batchWrite(t, filepath.Join(dir, ".git", "notes.txt"), []byte("机密★1年\n"))
	return dir
}

// batchWrite writes a file, making its folder.
func batchWrite(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestBatchScreen_CheckFolder ensures every file of a folder and its subfolders is listed, hidden ones left
// out, the corpus as checked with nothing critical or high, and the empty file as 无法检查 with its reason.
func TestBatchScreen_CheckFolder(t *testing.T) {
	s, _ := batchNewScreen(t)
	if err := s.CheckFolder(batchFolder(t)); err != nil {
		t.Fatal(err)
	}
	if s.Rows() != 6 {
		t.Fatalf("%d rows, want 6", s.Rows())
	}
	status := map[string]int{}
	sub := false
	for r := 0; r < s.Rows(); r++ {
		file, st := s.CellText(r, 0), s.CellText(r, 1)
		status[st]++
		sub = sub || strings.HasPrefix(file, "sub"+string(filepath.Separator))
		if strings.Contains(file, "hidden") || strings.Contains(file, "~$") || strings.Contains(file, ".git") {
			t.Errorf("hidden file %s listed", file)
		}
		switch {
		case file == "empty.txt":
			if st != "无法检查" || s.CellText(r, 7) == "" || s.CellText(r, 3) != "" {
				t.Errorf("empty file: %q, reason %q, critical %q", st, s.CellText(r, 7), s.CellText(r, 3))
			}
		case st != "已检查":
			t.Errorf("%s: %s (%s)", file, st, s.CellText(r, 7))
		case s.CellText(r, 3) != "0" || s.CellText(r, 4) != "0" || s.CellText(r, 2) == "严重" || s.CellText(r, 2) == "高":
			t.Errorf("%s: worst %s, critical %s, high %s", file, s.CellText(r, 2), s.CellText(r, 3), s.CellText(r, 4))
		}
	}
	if status["已检查"] != 5 || status["无法检查"] != 1 {
		t.Errorf("statuses %v, want 5 checked and 1 unreadable", status)
	}
	if !sub {
		t.Error("the file in the subfolder is not listed")
	}
	if st := s.Status(); !strings.Contains(st, "已检查 5，无法检查 1") {
		t.Errorf("status %q", st)
	}
}

// TestBatchScreen_ExportXLSX ensures the table round-trips through the .xlsx export with its Chinese headers.
func TestBatchScreen_ExportXLSX(t *testing.T) {
	s, _ := batchNewScreen(t)
	if err := s.CheckFolder(batchFolder(t)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.ExportXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("检查结果")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != s.Rows()+1 {
		t.Fatalf("%d sheet rows, want a header and %d", len(rows), s.Rows())
	}
	if strings.Join(rows[0], "|") != strings.Join(batchHeaders, "|") {
		t.Errorf("headers %q", rows[0])
	}
	for r, row := range rows[1:] {
		for c := range batchHeaders {
			got := ""
			if c < len(row) {
				got = row[c]
			}
			if want := s.CellText(r, c); got != want {
				t.Errorf("sheet row %d col %d %q, table %q", r+2, c+1, got, want)
			}
		}
	}
	for r := 0; r < s.Rows(); r++ {
		cell, _ := excelize.CoordinatesToCellName(4, r+2)
		v, err := f.GetCellType("检查结果", cell)
		if err != nil {
			t.Fatal(err)
		}
		val, _ := f.GetCellValue("检查结果", cell)
		if s.CellText(r, 1) == "已检查" && (v == excelize.CellTypeSharedString || v == excelize.CellTypeInlineString || val == "") ||
			s.CellText(r, 1) != "已检查" && val != "" {
			t.Errorf("%s (%s): %q of type %v, want a number for a checked file, nothing otherwise", cell, s.CellText(r, 1), val, v)
		}
	}
}

// TestBatchScreen_NoFolder ensures a folder that does not exist is an error shown in a dialog, with nothing listed.
func TestBatchScreen_NoFolder(t *testing.T) {
	s, w := batchNewScreen(t)
	if err := s.CheckFolder(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Fatal("no error for a missing folder")
	}
	if s.Rows() != 0 || w.Canvas().Overlays().Top() == nil {
		t.Errorf("%d rows, dialog %v", s.Rows(), w.Canvas().Overlays().Top())
	}
}
