package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"prepub/index"
)

// TestVerifyWhileOpen ensures verify, plain and with --code, answers at once
// while another program has the same archive open (and holds its search
// index's lock), and that a folder with no archive is named, not created.
func TestVerifyWhileOpen(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCLI("archive", "add", "--archive", dir, "--attr", "public", corpus+"xuyi-news.txt"); code != 0 {
		t.Fatal(errs)
	}
	a, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for _, args := range [][]string{
		{"verify", "--archive", dir},
		{"verify", "--archive", dir, "--code", "0000-0000-0000-0000"},
	} {
		done := make(chan string, 1)
		go func() {
			code, out, errs := runCLI(args...)
			done <- fmt.Sprintf("%d|%s|%s", code, out, errs)
		}()
		select {
		case got := <-done:
			if !strings.HasPrefix(got, "0|") && !strings.HasPrefix(got, "1|") {
				t.Fatalf("%v: %s", args, got)
			}
			if args[len(args)-1] == dir && !strings.Contains(got, "审计链完整") {
				t.Fatalf("%v: %s", args, got)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%v waited on the open archive", args)
		}
	}
	missing := t.TempDir() + "/none"
	if code, _, errs := runCLI("verify", "--archive", missing); code == 0 || !strings.Contains(errs, "找不到档案库") {
		t.Fatalf("missing archive: %d %s", code, errs)
	}
}
