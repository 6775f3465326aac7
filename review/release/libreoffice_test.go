package release_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"prepub/review/release"
	"prepub/review/scan"
)

// tool returns the path of a program the test needs. Without it the test is
// skipped on a developer's machine, and fails in CI, where it must be installed.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	switch {
	case err == nil:
		return p
	case os.Getenv("CI") == "":
		t.Skipf("%s is not installed (Debian: %s)", name, pkg)
	default:
		t.Fatalf("CI is set but %s is not installed: install %s", name, pkg)
	}
	return ""
}

// TestDOCXOpensInLibreOffice ensures a word processor opens the release copy
// and prints it with the notes in place of the withheld passages and the
// numbers masked: LibreOffice turns it into a PDF, and pdftotext reads it back.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	soffice := tool(t, "soffice", "libreoffice-writer-nogui")
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	out, _, err := release.DOCX(draft(t).Build(), release.Options{Withhold: withheld, Mask: true})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	copyPath := filepath.Join(dir, "发布稿.docx")
	if err := os.WriteFile(copyPath, out, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// a profile of its own, so a LibreOffice already running elsewhere does not take the job
	convert := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir, copyPath)
	if msg, err := convert.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	pdf, err := exec.CommandContext(ctx, pdftotext, "-enc", "UTF-8", filepath.Join(dir, "发布稿.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v (did LibreOffice write the PDF?)", err)
	}
	printed := scan.Normalize(string(pdf)) // lines wrap where the page ends
	for _, want := range []string{release.Note(basis(t, "third-party")), release.Note(basis(t, "internal-affairs")),
		"138****5678", "110105********002X", "经查，举报人", "反映的问题属实。"} {
		if !strings.Contains(printed, scan.Normalize(want)) {
			t.Errorf("the PDF lacks %q:\n%s", want, pdf)
		}
	}
	for _, gone := range []string{person, header, mobile, residentID} {
		if strings.Contains(printed, scan.Normalize(gone)) {
			t.Errorf("the PDF still shows %q", gone)
		}
	}
}
