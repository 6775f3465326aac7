package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/internal/ofdfixture"
	"prepub/internal/pdffixture"
)

// mixedFolder writes a folder of drafts of every kind the scan meets, clean, marked and unreadable,
// in a subfolder too, beside a hidden file and an Office lock file the scan leaves out; it returns
// the folder and the files a scan of it covers, in the order it reports them.
func mixedFolder(t testing.TB, copies int) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	var files []string
	put := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(filepath.Base(name), ".") && !strings.HasPrefix(filepath.Base(name), "~$") {
			files = append(files, p)
		}
	}
	long := strings.Repeat("各地区各部门要认真落实政务公开工作要求，加强保密审查。", 30)
	for i := range copies {
		n := func(name string) string { return strings.Replace(name, "#", string(rune('a'+i)), 1) }
		put(n("#-marked.docx"), docxfixture.Doc{Body: []string{"000123", "机密★5年", "关于某事项的通知", long}, Comments: []string{"联系电话：13812345678"}}.Build())
		put(n("#-clean.docx"), docxfixture.Doc{Body: []string{"关于某事项的通知", long, "（此件主动公开）"}}.Build())
		var pages []pdffixture.Page
		for range 3 + i%3 {
			pages = append(pages, pdffixture.Page{Lines: []string{"关于某事项的通知", "内部资料 注意保存", long[:300]}})
		}
		put(n("#-text.pdf"), pdffixture.Build(pages, pdffixture.Options{}))
		put(n("sub/#-scan.pdf"), pdffixture.Build([]pdffixture.Page{{Image: true}}, pdffixture.Options{}))
		put(n("sub/#-draft.ofd"), ofdfixture.Doc{Pages: []ofdfixture.Page{{Lines: []ofdfixture.Line{{"秘密", "★", "1年"}, {"关于某事项的", "通知"}}}}}.Build())
		put(n("sub/#-notes.txt"), []byte("身份证号 110101199003074514\n"))
	}
	put("empty.txt", nil)
	put("table.xlsx", []byte("PK\x03\x04"))
	put(".hidden.docx", docxfixture.Doc{Body: []string{"绝密★长期"}}.Build())
	put("~$a-marked.docx", []byte("lock"))
	sort.Strings(files)
	return dir, files
}

// TestScanFolderSameAsEachFile ensures scanning a folder on every core reports exactly what
// scanning each of its files alone does, in path order, with the exit status of the worst.
func TestScanFolderSameAsEachFile(t *testing.T) {
	dir, files := mixedFolder(t, 3)
	for _, flags := range [][]string{{"--json"}, {"--json", "--mask", "--attr", "public"}, nil} {
		var want strings.Builder
		wantCode := exitOK
		for _, f := range files {
			code, out, _ := runCLI(append(append([]string{"scan"}, flags...), f)...)
			want.WriteString(out)
			wantCode = max(wantCode, code)
		}
		code, out, errs := runCLI(append(append([]string{"scan"}, flags...), dir)...)
		if code != wantCode || code != exitUnreadable {
			t.Errorf("%v: exit %d, want %d: %s", flags, code, wantCode, errs)
		}
		if out != want.String() {
			t.Errorf("%v: folder report differs from the files' own:\n%s\nwant:\n%s", flags, out, want.String())
		}
	}
	_, out, _ := runCLI("scan", "--json", dir)
	var seen []string
	codes := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct {
			File       string `json:"file"`
			ReasonCode string `json:"reason_code"`
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		seen = append(seen, r.File)
		codes[filepath.Base(r.File)] = r.ReasonCode
	}
	if strings.Join(seen, "\n") != strings.Join(files, "\n") {
		t.Errorf("files reported:\n%s\nwant:\n%s", strings.Join(seen, "\n"), strings.Join(files, "\n"))
	}
	for name, code := range map[string]string{"a-scan.pdf": "no-text-layer", "empty.txt": "empty", "table.xlsx": "format"} {
		if codes[name] != code {
			t.Errorf("%s: reason_code %q, want %q", name, codes[name], code)
		}
	}
}

// TestScanFolderAmongFiles ensures files and folders given together are reported in the order given,
// each folder's files in path order, and that a folder with nothing to scan reports nothing.
func TestScanFolderAmongFiles(t *testing.T) {
	dir, files := mixedFolder(t, 1)
	first := corpus + "xuyi-news.txt"
	_, out, _ := runCLI("scan", "--json", first, dir, files[0])
	var seen []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ File string }
		json.Unmarshal([]byte(l), &r)
		seen = append(seen, r.File)
	}
	want := append(append([]string{first}, files...), files[0])
	if strings.Join(seen, "\n") != strings.Join(want, "\n") {
		t.Errorf("files reported:\n%s\nwant:\n%s", strings.Join(seen, "\n"), strings.Join(want, "\n"))
	}
	if code, out, errs := runCLI("scan", "--json", t.TempDir()); code != exitOK || out != "" || !strings.Contains(errs, "没有可检查的文件") {
		t.Errorf("empty folder: exit %d, %q, %q", code, out, errs)
	}
}

// TestScanFolderUnlisted ensures a subfolder that cannot be read is reported as not checked, with its reason.
func TestScanFolderUnlisted(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder")
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	code, out, _ := runCLI("scan", "--json", dir)
	if code != exitUnreadable || !strings.Contains(out, `"reason_code":"open"`) || !strings.Contains(out, "无法打开此文件夹") {
		t.Errorf("exit %d: %s", code, out)
	}
}
