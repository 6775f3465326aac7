package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
)

// signedArchive makes an archive folder with an office scheme and two drafts signed public this year, and returns the folder and their IDs.
func signedArchive(t *testing.T) (string, []int64) {
	t.Helper()
	dir := t.TempDir()
	scheme := strings.Replace(string(mustRead(t, "../../assets/catalogue.toml")), `agency_code = "000000000000000000"`, `agency_code = "11010500-0"`, 1)
	if err := os.WriteFile(filepath.Join(dir, index.CatalogueFile), []byte(scheme), 0o600); err != nil {
		t.Fatal(err)
	}
	a, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}
	ctx := context.Background()
	var ids []int64
	for _, text := range []string{"某县财政局文件\n县财发〔2026〕4号\n关于公布财政资金使用情况的通知\n各单位：\n", "关于召开全县会议的通知\n各单位：\n"} {
		rec, err := d.Submit(ctx, review.Actor{User: "张起草", Role: review.RoleClerk}, "县政府办", "d.txt", []byte(text), review.Decision{Attribute: review.Public})
		if err != nil {
			t.Fatal(err)
		}
		if rec, err = d.Act(ctx, rec.ID, review.Actor{User: "赵分管", Role: review.DeputyHead}, review.ActionSign, -1, "同意"); err != nil || rec.State != review.StatePublished {
			t.Fatalf("%v %+v", err, rec)
		}
		ids = append(ids, rec.ID)
	}
	return dir, ids
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCatalogueCommand ensures prepubctl catalogue exports the year's entries as JSON lines with the
// contract's fields, as .xlsx and .csv, corrects a field, and shows the scheme in force.
func TestCatalogueCommand(t *testing.T) {
	dir, ids := signedArchive(t)
	arch := "--archive=" + dir
	year := strconv.Itoa(time.Now().Year())
	xlsx, csv := filepath.Join(dir, "c.xlsx"), filepath.Join(dir, "c.csv")
	code, out, errs := runCLI("catalogue", arch, "--year", year, "--json", "--xlsx", xlsx, "--csv", csv)
	if code != 0 {
		t.Fatalf("%d %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines: %s", len(lines), out)
	}
	var e map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &e); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"index_no", "title", "publisher", "doc_no", "written", "published", "category", "validity", "id"} {
		if _, ok := e[k]; !ok {
			t.Errorf("entry lacks %q: %s", k, lines[0])
		}
	}
	if e["index_no"] != "11010500-0/"+year+"-00001" || e["doc_no"] != "县财发〔2026〕4号" || e["validity"] != "有效" || e["category"] != "综合政务" {
		t.Errorf("entry %s", lines[0])
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(f.GetSheetName(0))
	f.Close()
	if len(rows) != 4 || rows[2][0] != "11010500-0/"+year+"-00001" {
		t.Errorf("xlsx rows %q", rows)
	}
	if c := string(mustRead(t, csv)); !strings.HasPrefix(c, "\uFEFF索引号,信息名称") || strings.Count(c, "\r\n") != 3 {
		t.Errorf("csv %q", c)
	}
	id := strconv.FormatInt(ids[1], 10)
	if code, out, errs := runCLI("catalogue", arch, "--id", id, "--set", "category=城乡建设、环境保护", "--note", "按内容归类", "--json"); code != 0 || !strings.Contains(out, `"category":"城乡建设、环境保护"`) {
		t.Fatalf("correct: %d %s %s", code, out, errs)
	}
	if code, _, errs := runCLI("catalogue", arch, "--id", id, "--set", "index_no=x"); code != exitUsage || !strings.Contains(errs, "索引号") {
		t.Fatalf("index number corrected: %d %s", code, errs)
	}
	if code, out, _ := runCLI("catalogue", arch, "--scheme"); code != 0 || !strings.Contains(out, `agency_code = "11010500-0"`) || !strings.Contains(out, index.CatalogueFile) {
		t.Fatalf("scheme: %d %s", code, out)
	}
	if code, _, _ := runCLI("catalogue", arch); code != exitUsage {
		t.Fatalf("no year: %d", code)
	}
	if code, out, _ := runCLI("verify", arch); code != 0 {
		t.Fatalf("verify: %d %s", code, out)
	}
}

// TestValidityAndReportCommands ensures archive add takes a document type and a validity period,
// archive repeal marks a document, and report --set keeps typed items that the report then shows.
func TestValidityAndReportCommands(t *testing.T) {
	dir := t.TempDir()
	arch := "--archive=" + dir
	doc := write(t, t.TempDir(), "n.txt", []byte("关于印发某县行政规范性文件的通知\n各单位：\n"))
	if code, _, errs := runCLI("archive", "add", arch, "--attr", "public", "--doc-type", "decree", doc); code != exitUsage || !strings.Contains(errs, "文件类型") {
		t.Fatalf("bad doc type: %d %s", code, errs)
	}
	code, out, errs := runCLI("archive", "add", arch, "--json", "--attr", "public", "--doc-type", "normative", "--valid-until", "2030-12-31", "--date", "2025-05-01", doc)
	if code != 0 || !strings.Contains(out, `"status":"added"`) {
		t.Fatalf("add: %d %s %s", code, out, errs)
	}
	if code, out, errs := runCLI("archive", "repeal", arch, "--id", "1", "--date", "2026-02-01", "--note", "已被新文件替代"); code != 0 || !strings.Contains(out, "废止") {
		t.Fatalf("repeal: %d %s %s", code, out, errs)
	}
	if code, _, errs := runCLI("archive", "repeal", arch, "--id", "1", "--date", "2026-02-01"); code != exitFindings || !strings.Contains(errs, "已于") {
		t.Fatalf("repeal twice: %d %s", code, errs)
	}
	if _, out, _ := runCLI("archive", "show", arch, "1"); !strings.Contains(out, "文件类型：行政规范性文件  有效期至：2030-12-31  有效性：废止（自 2026-02-01 起）") {
		t.Fatalf("show: %s", out)
	}
	if code, _, errs := runCLI("report", arch, "--year", "2026", "--set", "licensing=abc"); code != exitUsage || !strings.Contains(errs, "行政许可") {
		t.Fatalf("bad value: %d %s", code, errs)
	}
	code, out, errs = runCLI("report", arch, "--year", "2026", "--json", "--set", "licensing=12", "--set", "fees=3.5")
	var rep index.Report
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.Value("licensing") != "12" || rep.Section2[1].Repealed != 1 || rep.Section2[1].InForce != 0 {
		t.Fatalf("report: %d %s %s", code, out, errs)
	}
	if _, out, _ := runCLI("report", arch, "--year", "2025"); !strings.Contains(out, "行政规范性文件") || !strings.Contains(out, "本系统尚未登记申请") {
		t.Fatalf("report text: %s", out)
	}
	if _, out, _ := runCLI("report", "--items"); !strings.Contains(out, "reconsideration.upheld") {
		t.Fatalf("items: %s", out)
	}
	if code, out, _ := runCLI("verify", arch); code != 0 {
		t.Fatalf("verify: %d %s", code, out)
	}
}
