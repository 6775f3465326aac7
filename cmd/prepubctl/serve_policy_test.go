package main

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServePolicy ensures prepubctl serve scans with the office's keyword
// file, serves it as the policy with the version it prints, and after SIGHUP
// serves the file as edited, under another version.
func TestServePolicy(t *testing.T) {
	dir := t.TempDir()
	db, kw := filepath.Join(dir, "archive.db"), filepath.Join(dir, "keywords.toml")
	class := "[[class]]\ncategory = \"secrecy-term\"\nseverity = \"high\"\nterms = [%s]\n"
	os.WriteFile(kw, []byte(strings.Replace(class, "%s", `"青松工程"`, 1)), 0o600)
	for _, u := range []string{"管理员 admin", "张起草 clerk"} {
		name, role, _ := strings.Cut(u, " ")
		var out, errb bytes.Buffer
		if code := run([]string{"users", "add", "--db", db, "--user", name, "--role", role}, strings.NewReader("password-123\n"), &out, &errb); code != 0 {
			t.Fatal(errb.String())
		}
	}
	srv := startServe(t, "--db", db, "--keywords", kw)
	addr, cmd, until := srv.addr, srv.cmd, srv.until
	version := until("审查政策版本：")
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}, Timeout: 30 * time.Second}
	send := func(token, method, path, ctype string, body io.Reader, header map[string]string) (int, []byte) {
		req, _ := http.NewRequest(method, "https://"+addr+"/api/v1"+path, body)
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("Authorization", "Bearer "+token)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, data
	}
	var login struct{ Token string }
	for i := 0; i < 50 && login.Token == ""; i++ { // the listener opens just after the lines are printed
		if _, err := c.Get("https://" + addr + "/api/v1/rules"); err != nil {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		_, data := send("", "POST", "/login", "application/json", strings.NewReader(`{"user":"张起草","password":"password-123"}`), nil)
		json.Unmarshal(data, &login)
	}
	var doc struct {
		Version  string
		Keywords []struct{ Name, Text string }
	}
	code, data := send(login.Token, "GET", "/policy", "", nil, nil)
	json.Unmarshal(data, &doc)
	if code != 200 || !strings.HasPrefix(doc.Version, version) || len(doc.Keywords) != 1 || doc.Keywords[0].Name != kw {
		t.Fatalf("%d %s (printed %s)", code, data, version)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "d.txt")
	fw.Write([]byte("关于青松工程进度的通报\n"))
	mw.WriteField("decision", `{"attribute":"public"}`)
	mw.Close()
	code, data = send(login.Token, "POST", "/drafts", mw.FormDataContentType(), &buf, nil)
	if code != 201 || !strings.Contains(string(data), `"text":"青松工程"`) || !strings.Contains(string(data), doc.Version) {
		t.Fatalf("office keyword not found by the server's scan: %d %s", code, data)
	}

	os.WriteFile(kw, []byte(strings.Replace(class, "%s", `"青松工程", "红杉计划"`, 1)), 0o600)
	cmd.Process.Signal(syscall.SIGHUP)
	next := until("审查政策版本：")
	code, data = send(login.Token, "GET", "/policy", "", nil, map[string]string{"If-None-Match": `"` + doc.Version + `"`})
	if code != 200 || next == version || !strings.Contains(string(data), "红杉计划") {
		t.Fatalf("edited file not served after SIGHUP: %d %s", code, data)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve did not stop cleanly: %v", err)
	}
}
