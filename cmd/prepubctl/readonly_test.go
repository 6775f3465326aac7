package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestReadOnlyArchive ensures list, search and verify work on an archive in a
// folder that cannot be written, with or without its search index, change
// nothing there, and that a refusal is printed once.
func TestReadOnlyArchive(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix modes")
	}
	top, err := os.MkdirTemp("", "prepub-ro-")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		filepath.Walk(top, func(p string, _ os.FileInfo, _ error) error { return os.Chmod(p, 0o755) })
		os.RemoveAll(top)
	}()
	os.Chmod(top, 0o755)
	arch, draft := filepath.Join(top, "archive"), filepath.Join(top, "a.txt")
	os.WriteFile(draft, []byte("关于做好鹭岛湿地保护工作的通知\n各乡镇：\n"), 0o644)
	var out, errb bytes.Buffer
	if code := run([]string{"archive", "add", "--archive", arch, "--attr", "public", draft}, nil, &out, &errb); code != 0 {
		t.Fatalf("archive add: %d %s", code, errb.String())
	}
	prog := filepath.Join(top, "prepubctl")
	copyFile(t, os.Args[0], prog)
	cmd := func(args ...string) (int, string, string) {
		c := exec.Command(prog, args...)
		c.Env = append(os.Environ(), "PREPUB_CTL_MAIN=1")
		if os.Geteuid() == 0 { // modes do not stop root: run as nobody, who owns the archive
			c.SysProcAttr = &syscall.SysProcAttr{Credential: nobody(t)}
		}
		var o, e bytes.Buffer
		c.Stdout, c.Stderr = &o, &e
		err := c.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, o.String(), e.String()
	}
	readOnly := func() {
		filepath.Walk(arch, func(p string, info os.FileInfo, _ error) error {
			if os.Geteuid() == 0 {
				cred := nobody(t)
				os.Chown(p, int(cred.Uid), int(cred.Gid))
			}
			if info.IsDir() {
				return os.Chmod(p, 0o555)
			}
			return os.Chmod(p, 0o444)
		})
	}
	readOnly()
	for _, withIndex := range []bool{true, false} {
		if !withIndex {
			os.Chmod(arch, 0o755)
			os.RemoveAll(filepath.Join(arch, "search.bleve"))
			readOnly()
		}
		before := listing(t, arch)
		for _, args := range [][]string{{"archive", "list"}, {"search", "鹭岛湿地"}, {"verify"}} {
			code, o, e := cmd(append(args, "--archive", arch)...)
			if code != 0 || (args[0] != "verify" && !strings.Contains(o, "鹭岛湿地")) {
				t.Errorf("index %v: %v: exit %d\n%s%s", withIndex, args, code, o, e)
			}
		}
		if after := listing(t, arch); after != before {
			t.Errorf("the read-only folder changed:\n%s\n%s", before, after)
		}
	}
	empty := filepath.Join(top, "empty")
	os.Mkdir(empty, 0o555)
	code, _, e := cmd("search", "--archive", empty, "鹭岛")
	if code == 0 || strings.Count(strings.TrimSpace(e), "\n") != 0 || e == "" {
		t.Errorf("refusal on a folder without an archive: exit %d, want one line:\n%s", code, e)
	}
}

func nobody(t *testing.T) *syscall.Credential {
	u, err := user.Lookup("nobody")
	if err != nil {
		t.Skip("no user nobody to run as")
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
}

func copyFile(t *testing.T, from, to string) {
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	io.Copy(out, in)
}

// listing names every file under dir with its size and modification time.
func listing(t *testing.T, dir string) string {
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			b.WriteString(p + " " + strconv.FormatInt(info.Size(), 10) + " " + info.ModTime().String() + "\n")
		}
		return nil
	})
	return b.String()
}
