package extract_test

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"prepub/internal/docxfixture"
	"prepub/review/extract"
)

// TestTextLimit ensures every format refuses a file whose text is over the
// limit, as too-large with a reason that says the limit, and reads the same
// file under a limit it fits.
func TestTextLimit(t *testing.T) {
	long := strings.Repeat("关于做好政务公开工作的通知。各乡镇人民政府：现将有关事项通知如下。\n", 100)
	pdf, err := os.ReadFile("testdata/libreoffice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(long))
	doc, err := os.ReadFile("testdata/doc_marked.doc")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"long.txt", []byte(long)},
		{"long-gb.txt", gb},
		{"long.docx", docxfixture.Doc{Body: strings.Split(long, "\n")}.Build()},
		{"libreoffice.pdf", pdf},
		{"marked.doc", doc},
	} {
		t.Run(c.name, func(t *testing.T) {
			lim := extract.DefaultLimits()
			lim.MaxPartsBytes = 64
			ue := mustFail(t, c.name, c.data, lim, "too-large")
			if !strings.Contains(ue.Reason, "超过 64 字节") {
				t.Errorf("reason does not say the limit: %s", ue.Reason)
			}
			lim.MaxPartsBytes = 1 << 20
			if _, err := extract.Bytes(c.name, c.data, lim); err != nil {
				t.Errorf("under a limit it fits: %v", err)
			}
		})
	}
}

// TestPartsLimit ensures a file with more text parts than the limit is refused, saying the limit.
func TestPartsLimit(t *testing.T) {
	data := docxfixture.Doc{Body: []string{sample}, Header: []string{"内部资料"}, Footer: []string{"第1页"}}.Build()
	lim := extract.DefaultLimits()
	lim.MaxParts = 2
	ue := mustFail(t, "parts.docx", data, lim, "too-large")
	if !strings.Contains(ue.Reason, "超过 2 个") {
		t.Errorf("reason does not say the limit: %s", ue.Reason)
	}
	lim.MaxParts = 10
	if _, err := extract.Bytes("parts.docx", data, lim); err != nil {
		t.Errorf("under a limit it fits: %v", err)
	}
}
