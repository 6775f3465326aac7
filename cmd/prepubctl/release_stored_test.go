package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
)

// releasedArchive puts a draft through its route on a desk in a new archive,
// so its release copy is kept at the last signature; it returns the folder,
// the record's ID and the kept copy.
func releasedArchive(t *testing.T) (string, int64, []byte) {
	t.Helper()
	dir := t.TempDir()
	a, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	sc, err := scan.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	d := &index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}
	doc := releaseDraft
	doc.Body = doc.Body[:2]
	rec, err := d.Submit(ctx, review.Actor{User: "张起草", Role: review.RoleClerk}, "县政府办", "通报.docx", doc.Build(),
		review.Decision{Attribute: review.Public, Redactions: []review.Redaction{{Text: "举报人张某某", Basis: "third-party", Reason: "举报人个人信息"}}})
	if err != nil {
		t.Fatal(err)
	}
	for !rec.State.Decided() {
		step, action := rec.Route[rec.Current], review.ActionSign
		if step.Role == review.LegalOffice || step.Role == review.SecrecyOfficer {
			action = review.ActionApprove
		}
		if rec, err = d.Act(ctx, rec.ID, review.Actor{User: "审查人" + string(step.Role), Role: step.Role}, action, -1, "同意"); err != nil {
			t.Fatal(err)
		}
	}
	c, err := a.StoredReleaseCopy(ctx, rec.ID)
	if err != nil || c == nil {
		t.Fatalf("no copy kept: %v", err)
	}
	return dir, rec.ID, c.Data
}

// TestReleaseStored ensures release --archive writes the copy kept at the
// signature, byte for byte, and refuses (exit 1) one changed outside the program.
func TestReleaseStored(t *testing.T) {
	dir, id, kept := releasedArchive(t)
	out := filepath.Join(t.TempDir(), "发布稿.docx")
	code, stdout, stderr := runCLI("release", "--archive", dir, "--id", strconv.FormatInt(id, 10), "--out", out)
	if code != exitOK || !strings.Contains(stdout, "签发时存档的发布稿") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, kept) {
		t.Fatal("the file written is not the kept copy")
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE release_copies SET file_bytes=x'504b0304'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	os.Remove(out)
	code, stdout, stderr = runCLI("release", "--archive", dir, "--id", strconv.FormatInt(id, 10), "--out", out)
	if _, err := os.Stat(out); code != exitFindings || !strings.Contains(stderr, "审计链不符") || err == nil {
		t.Fatalf("tampered copy: exit %d, written %v\n%s%s", code, err == nil, stdout, stderr)
	}
}
