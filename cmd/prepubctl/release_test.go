package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"prepub/index"
	"prepub/internal/docxfixture"
	"prepub/review"
)

// releaseDraft is a notice naming a complainant, with a comment and a mobile number.
var releaseDraft = docxfixture.Doc{
	Body:          []string{"关于群众来信办理情况的通报", "举报人张某某反映的问题属实。", "联系电话：13812345678"},
	Comments:      []string{"请再核实"},
	CommentAnchor: "此件主动公开",
	Creator:       "起草人",
}

// archived puts a decided draft in a new archive and returns the archive's folder and the record's ID.
func archived(t *testing.T, attr review.Attribute, state review.State, red []review.Redaction) (string, int64) {
	t.Helper()
	dir := t.TempDir()
	a, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	data := releaseDraft.Build()
	sum := sha256.Sum256(data)
	rec := &index.Record{Title: "关于群众来信办理情况的通报", File: "通报.docx", FileHash: hex.EncodeToString(sum[:]),
		Attribute: attr, State: state, Decision: review.Decision{Attribute: attr, Basis: "third-party", Reason: "涉及举报人个人信息", Redactions: red}}
	id, err := a.Put(context.Background(), rec, data, "测试", "import")
	if err != nil {
		t.Fatal(err)
	}
	return dir, id
}

// documentXML returns the body part of a written .docx.
func documentXML(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// TestReleaseExitStatus ensures release's contract: 0 written, 1 refused (and
// nothing written), 2 not a readable .docx, 64 bad usage; for a file and for
// an archived decision.
func TestReleaseExitStatus(t *testing.T) {
	dir := t.TempDir()
	draft := write(t, dir, "通报.docx", releaseDraft.Build())
	doc := write(t, dir, "通报.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 a Word 97 file"))
	pdf := write(t, dir, "通报.pdf", []byte("%PDF-1.7\n"))
	red := []review.Redaction{{Text: "举报人张某某", Basis: "third-party", Reason: "举报人个人信息"}}
	public, pubID := archived(t, review.Public, review.StatePublished, red)
	withheld, wID := archived(t, review.Withheld, review.StateWithheldFinal, nil)
	pending, pendID := archived(t, review.Public, review.StateDeputySignOff, red)
	withhold := []string{"--withhold", "举报人张某某", "--basis", "third-party", "--reason", "举报人的个人信息"}
	for _, tc := range []struct {
		name string
		args []string
		want int
		msg  string // in stderr
	}{
		{"OK", append([]string{"release", "--mask", draft}, withhold...), 0, ""},
		{"OKNothingWithheld", []string{"release", draft}, 0, ""},
		{"OKArchive", []string{"release", "--archive", public, "--id", strconv.FormatInt(pubID, 10), "--mask"}, 0, ""},
		{"ErrNotInDraft", []string{"release", "--withhold", "没有这句话", "--basis", "third-party", "--reason", "举报人的个人信息", draft}, 1, "找不到"},
		{"ErrArchiveWithheld", []string{"release", "--archive", withheld, "--id", strconv.FormatInt(wID, 10)}, 1, "不予公开"},
		{"ErrArchivePending", []string{"release", "--archive", pending, "--id", strconv.FormatInt(pendID, 10)}, 1, "尚未审批"},
		{"ErrArchiveNoRecord", []string{"release", "--archive", public, "--id", "999"}, 1, "999"},
		{"ErrDoc", []string{"release", doc}, 2, ".docx 原稿"},
		{"ErrPDF", []string{"release", pdf}, 2, "PDF"},
		{"ErrMissing", []string{"release", filepath.Join(dir, "无此文件.docx")}, 2, "无法读取"},
		{"ErrNoOut", []string{"release", draft}, 64, "--out"},
		{"ErrNoBasis", []string{"release", "--withhold", "举报人张某某", draft}, 64, "--basis"},
		{"ErrBadBasis", []string{"release", "--withhold", "举报人张某某", "--basis", "secret", "--reason", "举报人的个人信息", draft}, 64, "third-party"},
		{"ErrBasisAlone", []string{"release", "--basis", "third-party", "--reason", "理由", draft}, 64, "--withhold"},
		{"ErrTwoFiles", []string{"release", draft, draft}, 64, ""},
		{"ErrFileAndID", []string{"release", "--archive", public, "--id", "1", draft}, 64, "--id"},
		{"ErrIDAndWithhold", []string{"release", "--archive", public, "--id", "1", "--withhold", "x", "--basis", "third-party", "--reason", "理由"}, 64, "--withhold"},
		{"ErrOutIsDraft", []string{"release", "--out", draft, draft}, 64, "草稿文件本身"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "发布稿.docx")
			args := tc.args
			if tc.name != "ErrNoOut" && tc.name != "ErrOutIsDraft" {
				args = append(args, "--out", out)
			}
			got, stdout, stderr := runCLI(args...)
			if got != tc.want || !strings.Contains(stderr, tc.msg) {
				t.Fatalf("exit %d, want %d with %q\n%s%s", got, tc.want, tc.msg, stdout, stderr)
			}
			_, err := os.Stat(out)
			if written := err == nil; written != (tc.want == 0) {
				t.Fatalf("written: %v, exit %d", written, got)
			}
			if tc.want != 0 {
				return
			}
			body := documentXML(t, out)
			if strings.Contains(body, "commentReference") {
				t.Error("the comment is still anchored in the copy")
			}
			if tc.name != "OKNothingWithheld" && (strings.Contains(body, "举报人张某某") || !strings.Contains(body, "第十五条不予公开") || !strings.Contains(body, "138****5678")) {
				t.Errorf("passage or number left, or note missing:\n%s", body)
			}
		})
	}
	if b, _ := os.ReadFile(draft); !bytes.Equal(b, releaseDraft.Build()) {
		t.Error("the draft itself was changed")
	}
}

// TestReleaseJSON ensures --json reports what the copy left out.
func TestReleaseJSON(t *testing.T) {
	dir := t.TempDir()
	draft := write(t, dir, "通报.docx", releaseDraft.Build())
	code, out, errs := runCLI("release", "--json", "--mask", "--withhold", "舉報人張某某", "--basis", "third-party",
		"--reason", "举报人的个人信息", "--out", filepath.Join(dir, "发布稿.docx"), draft)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var m struct {
		Out    string
		Report struct {
			Passages []struct {
				Note  string
				Count int
			}
			Masked   []struct{ Text string }
			Comments int
		}
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(m.Report.Passages) != 1 || m.Report.Passages[0].Count != 1 || !strings.Contains(m.Report.Passages[0].Note, "第十五条") ||
		len(m.Report.Masked) != 1 || m.Report.Masked[0].Text != "138****5678" || m.Report.Comments != 1 || strings.Contains(out, "13812345678") {
		t.Fatalf("report: %s", out)
	}
}
