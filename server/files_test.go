package server_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/review"
	"prepub/server"
)

// get sends a GET with a session and returns the status, headers and body.
func (o *office) get(token, path string) (int, http.Header, []byte) {
	o.t.Helper()
	req, _ := http.NewRequest("GET", o.srv.URL+"/api/v1"+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		o.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, data
}

// TestFiles ensures the release copy and the original are downloads for
// those the desk allows; to a clerk who did not draft the draft the release
// copy is refused (403) and the original does not exist (404).
func TestFiles(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) { testFiles(t, b) })
	}
}

func testFiles(t *testing.T, b backend) {
	o := startOffice(t, b, t.TempDir())
	tok := o.setUp()
	o.do(tok["管理员"], "POST", "/users", map[string]any{"user": "刘起草", "password": passwordOf("刘起草"), "role": review.RoleClerk, "department": "县财政局"}, 201)
	other := o.login("刘起草", passwordOf("刘起草"))

	draft := docxfixture.Doc{Body: []string{"关于做好秋季防火工作的通知", "各乡镇人民政府：请做好秋季防火准备工作。"}, Comments: []string{"请核实"}}.Build()
	res := o.submit(tok["张起草"], "防火通知.docx", string(draft), review.Decision{Attribute: review.Public}, 201)
	id := int64(res["id"].(float64))
	if code, _, _ := o.get(tok["周公开"], fmt.Sprintf("/records/%d/release", id)); code != 409 {
		t.Fatalf("a copy before the signature: %d", code)
	}
	o.act(tok["赵分管"], id, review.ActionSign, -1, "同意", 200)

	code, h, body := o.get(tok["周公开"], fmt.Sprintf("/records/%d/release", id))
	sum := sha256.Sum256(body)
	if code != 200 || h.Get(server.HeaderStored) != "true" || h.Get(server.HeaderSHA256) != hex.EncodeToString(sum[:]) ||
		!strings.Contains(h.Get("Content-Type"), "wordprocessingml") || !strings.Contains(h.Get("Content-Disposition"), "attachment") {
		t.Fatalf("release: %d %v", code, h)
	}
	if bytes.Contains(body, []byte("请核实")) || !bytes.HasPrefix(body, []byte("PK")) {
		t.Fatal("the download is not the cleaned copy")
	}
	for _, tc := range []struct {
		who, path string
		want      int
	}{
		{"张起草", "/records/%d/release", 403},
		{"刘起草", "/records/%d/release", 403},
		{"张起草", "/drafts/%d/original", 200},
		{"赵分管", "/drafts/%d/original", 200},
		{"周公开", "/drafts/%d/original", 200},
		{"刘起草", "/drafts/%d/original", 404},
	} {
		token := tok[tc.who]
		if tc.who == "刘起草" {
			token = other
		}
		code, _, data := o.get(token, fmt.Sprintf(tc.path, id))
		if code != tc.want {
			t.Errorf("%s %s: %d, want %d: %s", tc.who, tc.path, code, tc.want, data)
		}
		if code == 403 && !strings.Contains(string(data), "forbidden") {
			t.Errorf("refusal without its code: %s", data)
		}
		if tc.path == "/drafts/%d/original" && code == 200 && !bytes.Equal(data, draft) {
			t.Errorf("%s: the original is not the file submitted", tc.who)
		}
	}
	if code, _, _ := o.get(tok["周公开"], "/drafts/999/original"); code != 404 {
		t.Fatalf("unknown draft: %d", code)
	}
}
