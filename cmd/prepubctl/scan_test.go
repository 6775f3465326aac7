package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/internal/pdffixture"
)

// write puts a fixture file in dir and returns its path.
func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

const corpus = "../../../shared/corpus/"

// TestScanExitStatus ensures the exit status contract: 0 clean, 1 critical, 2 unreadable wins, 64 bad usage.
func TestScanExitStatus(t *testing.T) {
	dir := t.TempDir()
	marked := write(t, dir, "marked.docx", docxfixture.Doc{Body: []string{"000123", "机密★1年", "关于某事项的通知"}}.Build())
	empty := write(t, dir, "empty.txt", nil)
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"OK", []string{"scan", corpus + "xuyi-news.txt", corpus + "speech-traditional.txt"}, 0},
		{"Critical", []string{"scan", corpus + "xuyi-news.txt", marked}, 1},
		{"UnreadableWins", []string{"scan", marked, empty}, 2},
		{"FlagsAfterFiles", []string{"scan", marked, "--json"}, 1},
		{"ErrNoFiles", []string{"scan"}, 64},
		{"ErrBadAttr", []string{"scan", "--attr", "secret", marked}, 64},
		{"ErrBadFlag", []string{"scan", "--nope", marked}, 64},
		{"ErrUnknownCommand", []string{"frobnicate"}, 64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, out, errs := runCLI(tc.args...); got != tc.want {
				t.Fatalf("exit %d, want %d\n%s%s", got, tc.want, out, errs)
			}
		})
	}
}

// TestScanJSON ensures --json writes one object a line per file with the contract's fields.
func TestScanJSON(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		write(t, dir, "draft.docx", docxfixture.Doc{Body: []string{"关于某事项的通知", "联系电话：13812345678", "（此件依申请公开）"}, Comments: []string{"机密★1年"}}.Build()),
		write(t, dir, "scan.pdf", pdffixture.Build([]pdffixture.Page{{Image: true}}, pdffixture.Options{})),
		write(t, dir, "old.doc", []byte("\xD0\xCF\x11\xE0")),
	}
	code, out, _ := runCLI(append([]string{"scan", "--json", "--mask", "--attr", "public"}, files...)...)
	if code != 2 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines, got %d:\n%s", len(lines), out)
	}
	var rows []map[string]any
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		for _, k := range []string{"file", "status", "reason", "critical", "coverage", "findings"} {
			if _, ok := m[k]; !ok {
				t.Errorf("field %q missing: %s", k, l)
			}
		}
		rows = append(rows, m)
	}
	if rows[0]["status"] != "checked" || rows[0]["critical"] != true || rows[0]["coverage"] != 1.0 {
		t.Errorf("docx row: %v", rows[0])
	}
	cats := map[string]map[string]any{}
	for _, f := range rows[0]["findings"].([]any) {
		f := f.(map[string]any)
		for _, k := range []string{"category", "severity", "text", "normalized", "part", "hidden", "offset", "basis", "note"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding field %q missing: %v", k, f)
			}
		}
		cats[f["category"].(string)] = f
	}
	if m := cats["marking"]; m == nil || m["part"] != "comment" || m["hidden"] != true || m["severity"] != "critical" {
		t.Errorf("marking in a comment: %v", m)
	}
	if m := cats["mobile"]; m == nil || m["text"] != "138****5678" {
		t.Errorf("mobile not masked: %v", m)
	}
	if cats["attribute-mismatch"] == nil {
		t.Errorf("no attribute-mismatch: %v", cats)
	}
	for i, code := range []string{"no-text-layer", "format"} {
		r := rows[i+1]
		if r["status"] != "unreadable" || r["critical"] != false || r["reason_code"] != code || !strings.Contains(r["reason"].(string), "无法检查") {
			t.Errorf("row %d: %v", i+1, r)
		}
	}
}

// TestScanReport ensures the readable report is Chinese and says an unreadable file was not checked.
func TestScanReport(t *testing.T) {
	dir := t.TempDir()
	marked := write(t, dir, "marked.txt", []byte("机密★1年\n通知\n"))
	empty := write(t, dir, "empty.txt", nil)
	_, out, _ := runCLI("scan", marked, empty)
	for _, want := range []string{"发现密级标志，不得公开", "[严重]", "未经检查，不能视为通过"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// TestScanOfficeFiles ensures --keywords and --allow are applied, and a bad file is a usage error naming it.
func TestScanOfficeFiles(t *testing.T) {
	dir := t.TempDir()
	draft := write(t, dir, "d.txt", []byte("一、情况\n本材料仅限局内传阅。\n"))
	kw := write(t, dir, "kw.toml", []byte("[[class]]\ncategory = \"internal\"\nseverity = \"high\"\nterms = [\"局内传阅\"]\n"))
	allow := write(t, dir, "allow.toml", []byte("[[allow]]\ntext = \"局内传阅\"\nreason = \"测试\"\nexpires = 2999-01-01\n"))
	_, out, _ := runCLI("scan", "--json", "--keywords", kw, draft)
	if !strings.Contains(out, `"category":"internal"`) {
		t.Fatalf("office keyword not found: %s", out)
	}
	_, out, _ = runCLI("scan", "--json", "--keywords", kw, "--allow", allow, draft)
	if !strings.Contains(out, `"allowed":1`) || strings.Contains(out, `"category":"internal"`) {
		t.Fatalf("allow list not applied: %s", out)
	}
	bad := write(t, dir, "bad.toml", []byte("[[allow]]\ntext = 1\n"))
	if code, _, errs := runCLI("scan", "--allow", bad, draft); code != 64 || !strings.Contains(errs, "bad.toml") {
		t.Fatalf("exit %d: %s", code, errs)
	}
}

// TestScanLimits ensures --max-text and --max-findings move the limits a
// file is refused at (too-large), and that each limit's default holds.
func TestScanLimits(t *testing.T) {
	dir := t.TempDir()
	three := write(t, dir, "three.txt", []byte("本文涉密。\n内部资料\n讨论稿\n"))
	big := write(t, dir, "big.txt", bytes.Repeat([]byte("各地区各部门要认真贯彻落实，切实做好政务公开工作。\n"), 9<<20/75))
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"FindingsDefault", []string{three}, "checked"},
		{"FindingsOver", []string{"--max-findings", "2", three}, "too-large"},
		{"FindingsAt", []string{"--max-findings", "3", three}, "checked"},
		{"TextDefault", []string{big}, "too-large"},
		{"TextRaised", []string{"--max-text", "16", big}, "checked"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, out, errs := runCLI(append([]string{"scan", "--json"}, tc.args...)...)
			var fr struct {
				Status     string `json:"status"`
				ReasonCode string `json:"reason_code"`
			}
			if err := json.Unmarshal([]byte(out), &fr); err != nil {
				t.Fatalf("%v: %s%s", err, out, errs)
			}
			got := fr.Status
			if got != "checked" {
				got = fr.ReasonCode
			}
			if got != tc.want {
				t.Fatalf("%s (%s), want %s", fr.Status, fr.ReasonCode, tc.want)
			}
		})
	}
}
