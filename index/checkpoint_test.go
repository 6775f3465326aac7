package index_test

import (
	"crypto/ed25519"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"prepub/index"
	"prepub/review"
)

// checkpointKey makes a key pair in a temporary folder and loads both halves.
func checkpointKey(t *testing.T) (ed25519.PrivateKey, ed25519.PublicKey) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "checkpoint.key")
	if err := index.NewCheckpointKey(path); err != nil {
		t.Fatal(err)
	}
	priv, err := index.LoadCheckpointKey(path)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := index.LoadCheckpointPublicKey(path + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	return priv, pub
}

// mustCheck checks a checkpoint and returns the problem it names ("" for none).
func mustCheck(t *testing.T, a *index.Archive, c *index.Checkpoint, pub ed25519.PublicKey) string {
	t.Helper()
	problem, err := a.Store.CheckCheckpoint(ctx, c, pub)
	if err != nil {
		t.Fatal(err)
	}
	return problem
}

// TestCheckpointWithholdingRewritten ensures a withholding rewritten into a
// publication, with the audit chain recomputed, passes plain verify but
// fails against a checkpoint taken before.
func TestCheckpointWithholdingRewritten(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		priv, pub := checkpointKey(t)
		ids := loadCorpus(t, a)
		cp, err := a.Store.Checkpoint(ctx, priv)
		if err != nil || cp.Seq != 5 {
			t.Fatalf("%+v %v", cp, err)
		}
		if p := mustCheck(t, a, cp, pub); p != "" {
			t.Fatalf("untouched archive: %s", p)
		}
		mustImport(t, a, "later.txt", []byte("关于后来一件事的通知\n"), index.ImportMeta{Attribute: review.Public})
		if p := mustCheck(t, a, cp, pub); p != "" {
			t.Fatalf("a chain that grew no longer reaches its checkpoint: %s", p)
		}
		id := ids["opinion-traditional.txt"]
		if err := index.Exec(a.Store, `UPDATE drafts SET attribute='public', state='decided-public', basis='', reason='',
			body=replace(replace(body, '"attribute":"withheld"', '"attribute":"public"'), '"basis":"process-info"', '"basis":""') WHERE id=$1`, id); err != nil {
			t.Fatal(err)
		}
		if v, _ := a.Verify(ctx); v.OK {
			t.Fatal("the edit itself went unseen")
		}
		if err := index.Rechain(a.Store, id); err != nil {
			t.Fatal(err)
		}
		mustVerify(t, a)
		if r, _ := a.Store.Get(ctx, id); r.Attribute != review.Public {
			t.Fatalf("the forgery did not take: %+v", r.Attribute)
		}
		if p := mustCheck(t, a, cp, pub); !strings.Contains(p, "重新计算") {
			t.Fatalf("rewritten chain against the earlier checkpoint: %q", p)
		}
	})
}

// TestCheckpointLastSignatureDropped ensures removing the last signature's
// audit entry and putting its row back as it was passes plain verify but
// fails against a checkpoint taken after the signature.
func TestCheckpointLastSignatureDropped(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		priv, pub := checkpointKey(t)
		d := desk(t, a)
		rec, err := d.Submit(ctx, clerk, "县政府办", "d.txt", []byte("关于某企业投标报价的情况说明\n该企业投标报价为人民币一百万元。\n"),
			review.Decision{Attribute: review.Withheld, Basis: "third-party", Reason: "载明企业的投标报价，公开会损害其合法权益"})
		if err != nil {
			t.Fatal(err)
		}
		if rec, err = d.Act(ctx, rec.ID, legal, review.ActionApprove, -1, "依据适当"); err != nil {
			t.Fatal(err)
		}
		if err := index.Exec(a.Store, `CREATE TABLE saved AS SELECT * FROM drafts WHERE id=$1`, rec.ID); err != nil {
			t.Fatal(err)
		}
		if rec, err = d.Act(ctx, rec.ID, principal, review.ActionSign, -1, "同意"); err != nil || rec.State != review.StateWithheldFinal {
			t.Fatalf("%v %+v", err, rec)
		}
		cp, err := a.Store.Checkpoint(ctx, priv)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{`DELETE FROM drafts WHERE id IN (SELECT id FROM saved)`, `INSERT INTO drafts SELECT * FROM saved`,
			`DELETE FROM audit WHERE seq=(SELECT MAX(seq) FROM audit)`, `DROP TABLE saved`} {
			if err := index.Exec(a.Store, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		mustVerify(t, a)
		if r, _ := a.Store.Get(ctx, rec.ID); r.State == review.StateWithheldFinal {
			t.Fatal("the signature was not undone")
		}
		if p := mustCheck(t, a, cp, pub); !strings.Contains(p, "末尾的审计记录被删除") {
			t.Fatalf("dropped signature against the later checkpoint: %q", p)
		}
	})
}

// TestCheckpointTrust ensures a checkpoint is trusted only with the trusted
// key and an intact signature, and that a broken chain is not signed.
func TestCheckpointTrust(t *testing.T) {
	a, dir := mustOpen(t)
	priv, pub := checkpointKey(t)
	forger, _ := checkpointKey(t)
	loadCorpus(t, a)
	cp, err := a.Store.Checkpoint(ctx, priv)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "cp.json")
	if err := cp.Write(path); err != nil {
		t.Fatal(err)
	}
	read, err := index.ReadCheckpoint(path)
	if err != nil || mustCheck(t, a, read, pub) != "" {
		t.Fatalf("checkpoint read back: %+v %v", read, err)
	}
	edited := *read
	edited.Seq = 4
	if p := mustCheck(t, a, &edited, pub); !strings.Contains(p, "签名无效") {
		t.Fatalf("edited checkpoint: %q", p)
	}
	forged, _ := a.Store.Checkpoint(ctx, forger)
	if p := mustCheck(t, a, forged, pub); !strings.Contains(p, "不是用受信任的密钥") {
		t.Fatalf("checkpoint signed by another key: %q", p)
	}
	forged.PublicKey = read.PublicKey // claims the trusted key, signed by another
	if p := mustCheck(t, a, forged, pub); !strings.Contains(p, "签名无效") {
		t.Fatalf("checkpoint claiming the trusted key: %q", p)
	}
	if err := index.NewCheckpointKey(filepath.Join(filepath.Dir(path), "cp.json")); review.ErrorCode(err) != review.ErrConflict {
		t.Fatalf("a key written over an existing file: %v", err)
	}
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		t.Fatal("existing file harmed")
	}
	sqlExec(t, dir, `UPDATE audit SET actor='别人' WHERE seq=3`)
	if _, err := a.Store.Checkpoint(ctx, priv); review.ErrorCode(err) != review.ErrConflict || !strings.Contains(err.Error(), "第 3 条") {
		t.Fatalf("broken chain signed: %v", err)
	}
}
