package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	if code, _, errs := runCLI("checkpoint", "--new-key", key); code != 64 || !strings.Contains(errs, "已存在") {
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
