package index_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"prepub/index"
	"prepub/internal/docxfixture"
	"prepub/internal/pdffixture"
	"prepub/review"
	"prepub/review/extract"
)

var disclosure = review.Actor{User: "周公开", Role: index.RoleDisclosureOffice}

// rcWithheld is the passage the partly public fixture withholds.
const rcWithheld = "联系人张某某住址为城关镇幸福路12号"

// rcDraft is a .docx notice with one passage withheld from it.
func rcDraft() ([]byte, review.Decision) {
	data := docxfixture.Doc{Body: []string{"关于做好秋季防火工作的通知", "各乡镇人民政府：", "请做好秋季防火准备工作。" + rcWithheld + "。", "县政府办公室"},
		Creator: "张起草", Comments: []string{"请核实日期"}}.Build()
	return data, review.Decision{Attribute: review.Public, Title: "关于做好秋季防火工作的通知",
		Redactions: []review.Redaction{{Text: rcWithheld, Basis: "third-party", Reason: "涉及个人住址，公开会损害第三方合法权益"}}}
}

// rcDecide acts on a draft, step by step of its route, until it is decided;
// before the last signature it checks that no copy is kept yet.
func rcDecide(t *testing.T, d *index.Desk, rec *index.Record) *index.Record {
	t.Helper()
	for !rec.State.Decided() {
		if rec.State == review.StateReturned {
			t.Fatalf("returned: %+v", rec.Outcome.Returns)
		}
		step := rec.Route[rec.Current]
		action := review.ActionSign
		if step.Role == review.SecrecyOfficer || step.Role == review.LegalOffice {
			action = review.ActionApprove
		}
		if _, err := d.Archive.ReleaseCopy(ctx, rec.ID); review.ErrorCode(err) != review.ErrConflict {
			t.Fatalf("a copy before the last signature: %v", err)
		}
		var err error
		if rec, err = d.Act(ctx, rec.ID, review.Actor{User: "审查人" + string(step.Role), Role: step.Role}, action, -1, "同意"); err != nil {
			t.Fatal(err)
		}
	}
	return rec
}

// rcNote returns the release-copy note of a record's history, "" when there is none.
func rcNote(r *index.Record) string {
	for _, h := range r.History {
		if h.Action == index.ActionReleaseCopy {
			return h.Note
		}
	}
	return ""
}

// docxText returns the visible text of a .docx.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	doc, err := extract.Bytes("copy.docx", data, extract.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, p := range doc.Parts {
		b.WriteString(p.Text)
	}
	return b.String()
}

// TestReleaseCopyKeptAtLastSignature ensures the last signature of a partly public .docx keeps its release copy, audited, verified and carried by backup.
func TestReleaseCopyKeptAtLastSignature(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		data, dec := rcDraft()
		rec, err := d.Submit(ctx, clerk, "县政府办", "防火通知.docx", data, dec)
		if err != nil {
			t.Fatal(err)
		}
		rec = rcDecide(t, d, rec)
		if rec.State != review.StatePublished || !strings.Contains(rcNote(rec), "签发后自动生成发布稿并存档") {
			t.Fatalf("%s %q", rec.State, rcNote(rec))
		}
		c, err := d.ReleaseCopy(ctx, rec.ID, disclosure)
		if err != nil || !c.Stored || c.Name != "防火通知（发布稿）.docx" || c.MadeAt == "" {
			t.Fatalf("%v %+v", err, c)
		}
		text := docxText(t, c.Data)
		if strings.Contains(text, "幸福路") || !strings.Contains(text, "第十五条不予公开") || strings.Contains(text, "请核实日期") {
			t.Fatalf("copy text: %q", text)
		}
		audit, _ := a.Store.Audit(ctx, 0)
		if !slices.ContainsFunc(audit, func(e index.AuditEntry) bool { return e.Action == fmt.Sprintf("release-copy:%d", rec.ID) }) {
			t.Fatalf("no audit entry for the copy: %+v", audit)
		}
		if v, err := a.Verify(ctx); err != nil || !v.OK {
			t.Fatalf("%+v %v", v, err)
		}
		if _, err := d.ReleaseCopy(ctx, rec.ID, clerk); review.ErrorCode(err) != review.ErrForbidden {
			t.Fatalf("clerk exported a copy: %v", err)
		}

		var buf bytes.Buffer
		if err := a.Store.Backup(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		b, _ := mustOpen(t)
		if err := b.Store.Restore(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		if v, err := b.Verify(ctx); err != nil || !v.OK {
			t.Fatalf("restored: %+v %v", v, err)
		}
		rc, err := b.ReleaseCopy(ctx, rec.ID)
		if err != nil || !rc.Stored || !bytes.Equal(rc.Data, c.Data) {
			t.Fatalf("restored copy: %v %+v", err, rc)
		}
	})
}

// TestNoReleaseCopy ensures a withheld decision and a PDF original keep no copy, and the PDF's record says a .docx source is needed.
func TestNoReleaseCopy(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		rec, err := d.Submit(ctx, clerk, "县政府办", "意见.docx", docxfixture.Doc{Body: []string{"关于调整内部机构设置的意见", "征求意见稿"}}.Build(),
			review.Decision{Attribute: review.Withheld, Basis: "process-info", Reason: "内部讨论中的过程性信息"})
		if err != nil {
			t.Fatal(err)
		}
		rec = rcDecide(t, d, rec)
		if rcNote(rec) != "" {
			t.Fatalf("withheld decision noted a copy: %q", rcNote(rec))
		}
		if _, err := d.ReleaseCopy(ctx, rec.ID, disclosure); review.ErrorCode(err) != review.ErrConflict {
			t.Fatalf("withheld: %v", err)
		}

		pdf := pdffixture.Build([]pdffixture.Page{{Lines: []string{"关于做好秋季防火工作的通知", "各乡镇人民政府：请做好准备。"}}}, pdffixture.Options{})
		rec, err = d.Submit(ctx, clerk, "县政府办", "防火通知.pdf", pdf, review.Decision{Attribute: review.Public})
		if err != nil {
			t.Fatal(err)
		}
		rec = rcDecide(t, d, rec)
		if rec.State != review.StatePublished || !strings.Contains(rcNote(rec), "未生成发布稿") || !strings.Contains(rcNote(rec), ".docx 原稿") {
			t.Fatalf("%s %q", rec.State, rcNote(rec))
		}
		_, err = d.ReleaseCopy(ctx, rec.ID, disclosure)
		if review.ErrorCode(err) != review.ErrUnreadable || !strings.Contains(review.ErrorMessage(err), "PDF") {
			t.Fatalf("pdf: %v", err)
		}
		if e, _ := a.CatalogueEntry(ctx, rec.ID, ""); e == nil {
			t.Fatal("the signature without a copy lost its catalogue entry")
		}
		if v, err := a.Verify(ctx); err != nil || !v.OK {
			t.Fatalf("%+v %v", v, err)
		}
	})
}

// TestReleaseCopyFailsSignatureStands ensures a .docx whose copy cannot be
// made at the signature (here its stored original was changed behind the
// archive's back while it was under review) is still decided, with the reason
// on its record and no copy kept; verify then names the original.
func TestReleaseCopyFailsSignatureStands(t *testing.T) {
	a, dir := mustOpen(t)
	d := desk(t, a)
	data, dec := rcDraft()
	rec, err := d.Submit(ctx, clerk, "县政府办", "防火通知.docx", data, dec)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	other := docxfixture.Doc{Body: []string{"关于做好秋季防火工作的通知", "另一份文件"}}.Build()
	if _, err := db.Exec(`UPDATE drafts SET file_bytes=$1 WHERE id=$2`, other, rec.ID); err != nil {
		t.Fatal(err)
	}
	rec = rcDecide(t, d, rec)
	stored, _ := a.Store.Get(ctx, rec.ID)
	if stored.State != review.StatePublished || !strings.Contains(rcNote(stored), "未生成发布稿") || !strings.Contains(rcNote(stored), "哈希不符") {
		t.Fatalf("%s %q", stored.State, rcNote(stored))
	}
	if c, err := a.StoredReleaseCopy(ctx, rec.ID); c != nil || err != nil {
		t.Fatalf("a copy kept: %v", err)
	}
	if v, err := a.Verify(ctx); err != nil || v.OK || v.DraftID != rec.ID {
		t.Fatalf("verify did not name the changed original: %+v %v", v, err)
	}
}

// TestReleaseCopyTamper ensures a kept copy changed, re-hashed or removed in SQL fails verify naming its record, and is not handed out.
func TestReleaseCopyTamper(t *testing.T) {
	for _, tc := range []struct{ name, sql, want string }{
		{"ReplaceBytes", `UPDATE release_copies SET file_bytes=x'504b0304'`, "与审计链第"},
		{"ReplaceBytesAndHash", `UPDATE release_copies SET file_bytes=x'504b0304', file_hash='9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a'`, "与审计链第"},
		{"Delete", `DELETE FROM release_copies`, "已被删除"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, dir := mustOpen(t)
			d := desk(t, a)
			data, dec := rcDraft()
			rec, err := d.Submit(ctx, clerk, "县政府办", "防火通知.docx", data, dec)
			if err != nil {
				t.Fatal(err)
			}
			rec = rcDecide(t, d, rec)
			db, err := sql.Open("sqlite", filepath.Join(dir, "archive.db"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(tc.sql); err != nil {
				t.Fatal(err)
			}
			db.Close()
			v, err := a.Verify(ctx)
			want := fmt.Sprintf("记录 %d 的存档发布稿", rec.ID)
			if err != nil || v.OK || v.DraftID != rec.ID || !strings.Contains(v.Problem, want) || !strings.Contains(v.Problem, tc.want) {
				t.Fatalf("want a problem naming %q and %q, got %+v %v", want, tc.want, v, err)
			}
			if tc.name != "Delete" {
				if _, err := d.ReleaseCopy(ctx, rec.ID, disclosure); review.ErrorCode(err) != review.ErrConflict {
					t.Fatalf("a tampered copy handed out: %v", err)
				}
			}
		})
	}
}

// TestDeskOriginal ensures the original goes to its drafter and its
// reviewers; to the archive's readers once decided; never to another clerk,
// for whom it does not exist.
func TestDeskOriginal(t *testing.T) {
	a, _ := mustOpen(t)
	d := desk(t, a)
	data, dec := rcDraft()
	rec, err := d.Submit(ctx, clerk, "县政府办", "防火通知.docx", data, dec)
	if err != nil {
		t.Fatal(err)
	}
	deputy := review.Actor{User: "赵分管", Role: review.DeputyHead}
	admin := review.Actor{User: "管理员", Role: index.RoleAdmin}
	other := review.Actor{User: "别的起草人", Role: review.RoleClerk}
	for _, who := range []review.Actor{disclosure, admin, other} {
		if _, err := d.Original(ctx, rec.ID, who); review.ErrorCode(err) != review.ErrNotFound {
			t.Errorf("%s read the original of a draft under review: %v", who.User, err)
		}
	}
	if _, err := d.Act(ctx, rec.ID, legal, review.ActionApprove, -1, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Act(ctx, rec.ID, deputy, review.ActionSign, -1, "同意"); err != nil {
		t.Fatal(err)
	}
	for _, who := range []review.Actor{clerk, deputy, legal, disclosure, admin} {
		if got, err := d.Original(ctx, rec.ID, who); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: %v", who.User, err)
		}
	}
	if _, err := d.Original(ctx, rec.ID, other); review.ErrorCode(err) != review.ErrNotFound {
		t.Fatalf("another clerk read the original: %v", err)
	}
}
