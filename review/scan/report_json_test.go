package scan

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"prepub/review/extract"
)

// TestWriteJSON ensures a report written a finding at a time is byte for
// byte what encoding/json writes, on real files and on reports with no
// findings, nil findings, an unreadable file and characters HTML escapes.
func TestWriteJSON(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	lim := extract.DefaultLimits()
	var reports []*FileReport
	files, _ := filepath.Glob("../../../shared/corpus/*")
	real, _ := filepath.Glob("../../../shared/realworld/*/*")
	files = append(files, real...)
	for _, f := range files {
		reports = append(reports, s.ScanFile(f, lim, Options{}))
	}
	reports = append(reports,
		s.ScanBytes("html.txt", []byte("<机密★1年> & 联系电话 13812345678 \"引号\" \u2028\n"), lim, Options{}),
		s.ScanBytes("clean.txt", []byte("本文件可以公开。"), lim, Options{}),
		s.ScanBytes("bad.pdf", []byte("%PDF-1.7 broken"), lim, Options{}),
		s.ScanBytes("many.txt", []byte(strings.Repeat("国家秘密 13812345678，身份证 11010519491231002X。\n", 300)), lim, Options{}),
		&FileReport{File: "nil.txt", Status: StatusChecked})
	withFindings := 0
	for _, fr := range reports {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(fr); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := fr.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: written\n%s\nwant\n%s", fr.File, got.Bytes(), want.Bytes())
		}
		if len(fr.Findings) > 1 {
			withFindings++
		}
	}
	if want := 2 + min(len(files), 20)/4; withFindings < want {
		t.Errorf("only %d reports with findings: the test compares too little", withFindings)
	}
}
