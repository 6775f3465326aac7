package main

import (
	"bytes"
	"crypto/sha256"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestUsersBackupRestore ensures accounts are added with a password from standard input, and a backup restores into an empty archive that verifies.
func TestUsersBackupRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "archive.db")
	var out, errb bytes.Buffer
	if code := run([]string{"users", "add", "--db", db, "--user", "管理员", "--role", "admin"}, strings.NewReader("admin-password\n"), &out, &errb); code != 0 {
		t.Fatalf("%d %s", code, errb.String())
	}
	if code := run([]string{"users", "add", "--db", db, "--user", "张起草", "--role", "clerk"}, strings.NewReader("short\n"), &out, &errb); code != 64 || !strings.Contains(errb.String(), "密码至少") {
		t.Fatalf("%d %s", code, errb.String())
	}
	if code, _, errs := runCLI("archive", "add", "--archive", dir, "--attr", "public", corpus+"xuyi-news.txt"); code != 0 {
		t.Fatal(errs)
	}
	backup := filepath.Join(dir, "prepub.backup")
	if code, _, errs := runCLI("backup", "--db", db, backup); code != 0 {
		t.Fatal(errs)
	}
	target := filepath.Join(t.TempDir(), "restored.db")
	if code, out, errs := runCLI("restore", "--db", target, backup); code != 0 || !strings.Contains(out, "审计链完整") {
		t.Fatalf("%d %s %s", code, out, errs)
	}
	if code, _, _ := runCLI("restore", "--db", target, backup); code != 1 {
		t.Fatal("restored over a full archive")
	}
}

// TestServe ensures prepubctl serve starts over HTTPS with a self-signed certificate whose printed fingerprint a client can pin,
// writes a checkpoint the chain reaches when given a key and a folder, and stops cleanly.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "archive.db")
	var out, errb bytes.Buffer
	if code := run([]string{"users", "add", "--db", db, "--user", "管理员", "--role", "admin"}, strings.NewReader("admin-password\n"), &out, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	key, cps := filepath.Join(dir, "checkpoint.key"), filepath.Join(dir, "checkpoints")
	if code := run([]string{"checkpoint", "--new-key", key}, nil, &out, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	srv := startServe(t, "--db", db, "--checkpoint-key", key, "--checkpoint-dir", cps)
	addr, cmd := srv.addr, srv.cmd
	fp := srv.until("证书指纹（SHA-256）：")
	if fp == "" {
		t.Fatal("no fingerprint printed")
	}
	pinned := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true,
		VerifyConnection: func(cs tls.ConnectionState) error {
			sum := sha256.Sum256(cs.PeerCertificates[0].Raw)
			got := strings.ToUpper(fmt.Sprintf("% x", sum[:]))
			if strings.ReplaceAll(got, " ", ":") != fp {
				return fmt.Errorf("fingerprint %s, pinned %s", got, fp)
			}
			return nil
		}}}, Timeout: 5 * time.Second}
	var resp *http.Response
	var err error
	for i := 0; i < 50; i++ {
		resp, err = pinned.Post("https://"+addr+"/api/v1/login", "application/json", strings.NewReader(`{"user":"管理员","password":"admin-password"}`))
		if err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	var login map[string]any
	json.NewDecoder(resp.Body).Decode(&login)
	resp.Body.Close()
	if resp.StatusCode != 200 || login["role"] != "admin" || login["token"] == "" {
		t.Fatalf("%d %v", resp.StatusCode, login)
	}
	var written []string
	for i := 0; i < 50 && len(written) == 0; i++ {
		written, _ = filepath.Glob(filepath.Join(cps, "checkpoint-*.json"))
		time.Sleep(100 * time.Millisecond)
	}
	if len(written) != 1 {
		t.Fatalf("checkpoints written at start: %v", written)
	}
	if code, out, errs := runCLI("verify", "--db", db, "--checkpoint", written[0], "--key", key+".pub"); code != 0 {
		t.Fatalf("verify against the server's checkpoint: %d %s %s", code, out, errs)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve did not stop cleanly: %v", err)
	}
}
