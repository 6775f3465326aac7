package main

import (
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
)

// TestCheckpointCommands ensures checkpoint --new-key, checkpoint and verify
// --checkpoint end to end: a checkpoint the chain reaches passes, one signed
// by another key or after which the chain lost its tail fails with exit 1,
// and a checkpoint without a trusted key is bad usage.
func TestCheckpointCommands(t *testing.T) {
	dir := t.TempDir()
	arch := "--archive=" + dir
	for _, f := range []string{"xuyi-news.txt", "kaiyang-speech.txt"} {
		if code, _, errs := runCLI("archive", "add", arch, "--attr", "public", corpus+f); code != 0 {
			t.Fatal(errs)
		}
	}
	keys := t.TempDir()
	key, other := filepath.Join(keys, "office.key"), filepath.Join(keys, "other.key")
	for _, k := range []string{key, other} {
		if code, _, errs := runCLI("checkpoint", "--new-key", k); code != 0 {
			t.Fatal(errs)
		}
	}
	if st, err := os.Stat(key); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("private key mode: %v %v", st.Mode(), err)
	}
	if code, _, errs := runCLI("checkpoint", "--new-key", key); code != exitFindings || !strings.Contains(errs, "已存在") { // refused, not bad usage
		t.Fatalf("key overwritten: %d %s", code, errs)
	}
	cp, forged := filepath.Join(keys, "cp.json"), filepath.Join(keys, "forged.json")
	if code, out, errs := runCLI("checkpoint", arch, "--key", key, "--out", cp); code != 0 || !strings.Contains(out, "第 2 条") {
		t.Fatalf("checkpoint: %d %s %s", code, out, errs)
	}
	if code, _, errs := runCLI("checkpoint", arch, "--key", other, "--out", forged); code != 0 {
		t.Fatal(errs)
	}
	if code, out, errs := runCLI("verify", arch, "--checkpoint", cp, "--key", key+".pub"); code != 0 || !strings.Contains(out, "仍到达检查点") {
		t.Fatalf("verify against checkpoint: %d %s %s", code, out, errs)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"NoTrustedKey", []string{"--checkpoint", cp}, 64, "--key"},
		{"PrivateKeyAsTrusted", []string{"--checkpoint", cp, "--key", key}, 64, "公钥"},
		{"OtherKey", []string{"--checkpoint", forged, "--key", key + ".pub"}, 1, "不是用受信任的密钥"},
		{"WithCode", []string{"--checkpoint", cp, "--key", key + ".pub", "--code", "0000-0000-0000-0000"}, 64, "--code"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(append([]string{"verify", arch}, tc.args...)...)
			if code != tc.code || !strings.Contains(out+errs, tc.want) {
				t.Fatalf("%d %s %s", code, out, errs)
			}
		})
	}
	sqlExec := func(q string) {
		db, err := sql.Open("sqlite", filepath.Join(dir, "archive.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	sqlExec(`DELETE FROM drafts WHERE id=2; DELETE FROM audit WHERE seq=2`)
	if code, out, _ := runCLI("verify", arch); code != 0 {
		t.Fatalf("the cut tail shows without a checkpoint: %s", out)
	}
	if code, out, _ := runCLI("verify", arch, "--checkpoint", cp, "--key", key+".pub"); code != 1 || !strings.Contains(out, "末尾的审计记录被删除") {
		t.Fatalf("cut tail against the checkpoint: %d %s", code, out)
	}
}

// TestKeepCheckpoints ensures the server's schedule writes a checkpoint at
// once, none more while the chain stands still, and a new one once it grows.
func TestKeepCheckpoints(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	key := filepath.Join(t.TempDir(), "k")
	if code, _, errs := runCLI("checkpoint", "--new-key", key); code != 0 {
		t.Fatal(errs)
	}
	priv, err := index.LoadCheckpointKey(key)
	if err != nil {
		t.Fatal(err)
	}
	a, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	sc, _ := scan.Default()
	add := func(text string) {
		if _, _, err := a.Import(context.Background(), sc, "d.txt", []byte(text), index.ImportMeta{Attribute: review.Public}); err != nil {
			t.Fatal(err)
		}
	}
	add("关于第一件事的通知\n")
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() { keepCheckpoints(ctx, a.Store, priv, out, 20*time.Millisecond, io.Discard); close(stopped) }()
	defer func() { cancel(); <-stopped }()
	written := func(n int) []string {
		t.Helper()
		var files []string
		for i := 0; i < 100; i++ {
			if files, _ = filepath.Glob(filepath.Join(out, "checkpoint-*.json")); len(files) >= n {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		return files
	}
	if files := written(1); len(files) != 1 || !strings.HasSuffix(files[0], "-1.json") {
		t.Fatalf("first checkpoint: %v", files)
	}
	time.Sleep(200 * time.Millisecond)
	if files := written(1); len(files) != 1 {
		t.Fatalf("checkpoints of a chain that did not grow: %v", files)
	}
	add("关于第二件事的通知\n")
	if files := written(2); len(files) != 2 || !strings.HasSuffix(files[1], "-2.json") {
		t.Fatalf("checkpoint after the chain grew: %v", files)
	}
}
