package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// TestArchiveCommands ensures the archive contracts end to end on a real archive folder:
// add, search, verify (and tampering), report and re-review.
func TestArchiveCommands(t *testing.T) {
	dir := t.TempDir()
	arch := "--archive=" + dir
	code, out, errs := runCLI("archive", "add", arch, "--json", "--attr", "public", "--department", "县政府办", "--date", "2025-04-01",
		corpus+"xuyi-news.txt", corpus+"kaiyang-speech.txt")
	if code != 0 {
		t.Fatalf("add: %d %s", code, errs)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil || m["status"] != "added" || m["id"] == nil || m["file"] == nil {
			t.Fatalf("add line %q", l)
		}
	}
	withheld := write(t, t.TempDir(), "w.txt", []byte("关于某企业投标报价的情况说明\n该企业投标报价为人民币一百万元。\n"))
	if code, _, errs := runCLI("archive", "add", arch, "--attr", "withheld", withheld); code != 64 || !strings.Contains(errs, "法律依据") {
		t.Fatalf("withheld without basis: %d %s", code, errs)
	}
	if code, _, _ := runCLI("archive", "add", arch, "--attr", "withheld", "--basis", "third-party", "--reason", "涉及企业商业秘密", "--date", "2024-03-01", withheld); code != 0 {
		t.Fatal("withheld import failed")
	}
	if _, out, _ := runCLI("archive", "add", arch, "--json", "--attr", "public", corpus+"xuyi-news.txt"); !strings.Contains(out, `"status":"exists"`) {
		t.Fatalf("re-import: %s", out)
	}

	_, out, _ = runCLI("search", arch, "--json", "政务公开")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var hit map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &hit); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, k := range []string{"id", "title", "file", "attribute", "basis", "date", "score", "snippet"} {
		if _, ok := hit[k]; !ok {
			t.Errorf("hit lacks %q", k)
		}
	}
	if _, out, _ = runCLI("search", arch, "--json", "--attr", "withheld", "--from", "2024-01-01", "--to", "2024-12-31", "投標報價"); !strings.Contains(out, `"basis":"third-party"`) {
		t.Fatalf("filtered Traditional search: %s", out)
	}

	if code, out, _ := runCLI("verify", arch); code != 0 || !strings.Contains(out, "审计链完整") {
		t.Fatalf("verify: %d %s", code, out)
	}
	_, out, _ = runCLI("report", arch, "--json", "--year", "2025", "--xlsx", filepath.Join(dir, "r.xlsx"), "--csv", filepath.Join(dir, "r.csv"))
	var rep struct {
		Year int
		Rows []struct {
			Row, Label string
			Count      int
		}
		Section2 []struct {
			Row    string
			Issued int
		}
		ByAttribute map[string]int `json:"by_attribute"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Year != 2025 || rep.Rows[2].Row != "三（一）" || rep.Rows[2].Count != 0 ||
		rep.Rows[4].Label != "属于国家秘密" || rep.ByAttribute["public"] != 2 || len(rep.Section2) != 2 || rep.Section2[0].Row != "规章" {
		t.Fatalf("report: %v %s", err, out)
	}
	for _, f := range []string{"r.xlsx", "r.csv"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Fatalf("%s not written", f)
		}
	}
	if _, out, _ := runCLI("rereview", arch); !strings.Contains(out, "关于某企业投标报价") {
		t.Fatalf("re-review queue: %s", out)
	}

	db, err := sql.Open("sqlite", filepath.Join(dir, "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Exec(`UPDATE drafts SET attribute='public' WHERE id=3`)
	db.Close()
	if code, out, _ := runCLI("verify", arch); code != 1 || !strings.Contains(out, "记录 3") {
		t.Fatalf("tampered verify: %d %s", code, out)
	}
}
