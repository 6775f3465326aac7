package main

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"prepub/index"
	"prepub/paperwork"
	"prepub/review"
	"prepub/review/scan"
)

// sheetArchive makes an archive folder with one draft submitted through the
// real desk, its marking confirmed by the secrecy officer, waiting for the
// secrecy officer's approval; it returns the folder, closed, and the draft's ID.
func sheetArchive(t *testing.T) (string, int64) {
	t.Helper()
	dir := t.TempDir()
	var id int64
	withDesk(t, dir, func(d *index.Desk) error {
		rec, err := d.Submit(context.Background(), review.Actor{User: "张起草", Role: review.RoleClerk}, "县政府办", "d.txt", []byte("机密★1年\n关于防汛物资储备的通知\n"),
			review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"})
		if err != nil {
			return err
		}
		id = rec.ID
		_, err = d.Act(context.Background(), id, review.Actor{User: "李保密", Role: review.SecrecyOfficer}, review.ActionConfirm, 0, "确属国家秘密")
		return err
	})
	return dir, id
}

// withDesk opens the archive in dir, runs fn on its desk, and closes it again, so the commands can open it.
func withDesk(t *testing.T, dir string, fn func(*index.Desk) error) {
	t.Helper()
	a, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := fn(&index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}); err != nil {
		t.Fatal(err)
	}
}

var codePattern = regexp.MustCompile(`[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}`)

// TestSheetCommand ensures prepubctl sheet writes the PDF with its code, and
// verify --code answers 0 for that code, then 1 once the draft moves on, for
// an unknown code and after a row is edited by hand; usage errors are 64.
func TestSheetCommand(t *testing.T) {
	if _, err := paperwork.FindFonts(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	dir, id := sheetArchive(t)
	arch := "--archive=" + dir
	pdf := filepath.Join(t.TempDir(), "审查表.pdf")
	code, out, errs := runCLI("sheet", arch, "--pdf", pdf, "1")
	if code != 0 || !strings.Contains(out, "审查未完成") {
		t.Fatalf("sheet: %d %s %s", code, out, errs)
	}
	printed := codePattern.FindString(out)
	b, err := os.ReadFile(pdf)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") || printed == "" {
		t.Fatalf("no PDF or no code: %v %q", err, out)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil || !strings.Contains(string(text), "验证码 "+printed) || !strings.Contains(string(text), "关于防汛物资储备的通知") {
			t.Fatalf("the PDF does not read back with its code: %v\n%s", err, text)
		}
	}

	if code, out, _ := runCLI("verify", arch, "--code", printed); code != 0 || !strings.Contains(out, "有效") {
		t.Fatalf("fresh code: %d %s", code, out)
	}
	if code, out, _ := runCLI("verify", "--db", filepath.Join(dir, "archive.db"), "--json", "--code", strings.ToLower(printed)); code != 0 || !strings.Contains(out, `"status":"valid"`) {
		t.Fatalf("fresh code through --db: %d %s", code, out)
	}
	withDesk(t, dir, func(d *index.Desk) error {
		_, err := d.Act(context.Background(), id, review.Actor{User: "李保密", Role: review.SecrecyOfficer}, review.ActionApprove, -1, "同意")
		return err
	})
	if code, out, _ := runCLI("verify", arch, "--code", printed); code != 1 || !strings.Contains(out, "已失效") {
		t.Fatalf("code after a later action: %d %s", code, out)
	}
	if code, out, _ := runCLI("verify", arch, "--code", "0000-0000-0000-0000"); code != 1 || !strings.Contains(out, "无效") {
		t.Fatalf("unknown code: %d %s", code, out)
	}

	_, out, _ = runCLI("sheet", "--db", filepath.Join(dir, "archive.db"), "--pdf", pdf, "1")
	fresh := codePattern.FindString(out)
	db, err := sql.Open("sqlite", filepath.Join(dir, "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE drafts SET attribute='public', state='decided-public' WHERE id=1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if code, out, _ := runCLI("verify", arch, "--code", fresh); fresh == "" || code != 1 || !strings.Contains(out, "审计链不一致") {
		t.Fatalf("code after tampering: %q %d %s", fresh, code, out)
	}
	if code, _, errs := runCLI("sheet", arch, "--pdf", pdf, "1"); code != 1 || !strings.Contains(errs, "不能出具审查表") {
		t.Fatalf("sheet of a tampered row: %d %s", code, errs)
	}
}

// TestSheetUsage ensures the sheet and verify --code exit statuses for bad usage and a missing draft.
func TestSheetUsage(t *testing.T) {
	dir, _ := sheetArchive(t)
	arch := "--archive=" + dir
	pdf := filepath.Join(t.TempDir(), "s.pdf")
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"NoPDF", []string{"sheet", arch, "1"}, 64},
		{"NoID", []string{"sheet", arch, "--pdf", pdf}, 64},
		{"BadID", []string{"sheet", arch, "--pdf", pdf, "一"}, 64},
		{"ArchiveAndDB", []string{"sheet", arch, "--db", filepath.Join(dir, "archive.db"), "--pdf", pdf, "1"}, 64},
		{"MalformedCode", []string{"verify", arch, "--code", "XYZ"}, 64},
		{"ShortCode", []string{"verify", arch, "--code", "1A2B-3C4D"}, 64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, errs := runCLI(tc.args...); code != tc.want {
				t.Fatalf("%d, want %d: %s", code, tc.want, errs)
			}
		})
	}
	if _, err := paperwork.FindFonts(); err == nil {
		if code, _, errs := runCLI("sheet", arch, "--pdf", pdf, "999"); code != 1 || !strings.Contains(errs, "999") {
			t.Fatalf("no such draft: %d %s", code, errs)
		}
	}
}
