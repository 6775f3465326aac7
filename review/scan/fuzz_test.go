package scan_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"prepub/review/scan"
)

// FuzzScan ensures every finding on any text points at its own text, and scanning never panics.
func FuzzScan(f *testing.F) {
	for _, seed := range []string{"000123\n机密★1年\n特急\n通知", "機 密\n★\n1年", "身份证11010519491231002X 电话+86 138 1234 5678",
		"卡号 6222 0212 3456 7890 128", "（此件依申请公开）", "只要不涉密的都要公开", "秘密★", "机密 ", "\xff机\xe6密"} {
		f.Add(seed, "public")
	}
	s, err := scan.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, attr string) {
		res := s.ScanText(text, scan.Options{Attr: attr})
		for _, fd := range res.Findings {
			if fd.Offset < 0 || fd.Offset+len(fd.Text) > len(text) || text[fd.Offset:fd.Offset+len(fd.Text)] != fd.Text {
				t.Fatalf("finding %+v does not point into the text", fd)
			}
			if fd.Line != strings.Count(text[:fd.Offset], "\n")+1 {
				t.Fatalf("finding %+v: wrong line", fd)
			}
			if fd.Severity.Rank() == 0 || fd.Category == "" {
				t.Fatalf("finding without category or severity: %+v", fd)
			}
			if utf8.ValidString(text) && !utf8.ValidString(scan.Mask(fd).Text) {
				t.Fatalf("mask broke UTF-8: %+v", fd)
			}
		}
	})
}
