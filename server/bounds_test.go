package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"prepub/index"
	"prepub/review"
)

// submitKeyed posts a draft with an Idempotency-Key and returns the status and answer.
func (o *office) submitKeyed(token, key, text string, dec review.Decision) (int, map[string]any) {
	o.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "d.txt")
	fw.Write([]byte(text))
	j, _ := json.Marshal(dec)
	mw.WriteField("decision", string(j))
	mw.Close()
	req, _ := http.NewRequest("POST", o.srv.URL+"/api/v1/drafts", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Idempotency-Key", key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		o.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var out map[string]any
	o.decode(data, &out)
	return resp.StatusCode, out
}

// TestIdempotencyKey ensures a retried upload with the same key returns the
// first draft (200, same id) instead of making another, and another clerk's
// use of the key is refused, on each backend.
func TestIdempotencyKey(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			o := startOffice(t, b, t.TempDir())
			tok := o.setUp()
			o.do(tok["管理员"], "POST", "/users", map[string]any{"user": "吴起草", "password": "wu-password", "role": "clerk", "department": "县政府办"}, 201)
			status, first := o.submitKeyed(tok["张起草"], "upload-1", markedDraft, withheld)
			if status != 201 {
				t.Fatalf("first upload: %d %v", status, first)
			}
			status, again := o.submitKeyed(tok["张起草"], "upload-1", markedDraft, withheld)
			if status != 200 || again["id"] != first["id"] {
				t.Errorf("retried upload: %d id %v, want 200 id %v", status, again["id"], first["id"])
			}
			status, other := o.submitKeyed(o.login("吴起草", "wu-password"), "upload-1", markedDraft, withheld)
			if status != 409 || !strings.Contains(fmt.Sprint(other["message"]), "其他用户") {
				t.Errorf("another clerk's key: %d %v", status, other)
			}
			if n, _ := o.desk.Archive.Store.Count(ctx); n != 1 {
				t.Errorf("%d drafts, want 1", n)
			}
		})
	}
}

// TestNULRefused ensures a NUL character in a reason, a title, a user name or
// a note is refused alike on each backend: 400 with a Chinese message (401
// for a sign-in), never a 500 or the driver's text.
func TestNULRefused(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			o := startOffice(t, b, t.TempDir())
			tok := o.setUp()
			id := int64(o.submit(tok["张起草"], "d.txt", markedDraft, withheld, 201)["id"].(float64))
			nulReason, nulTitle := withheld, withheld
			nulReason.Reason = "载明储备库位置\x00和数量，经定密属于国家秘密事项"
			nulTitle.Title = "关于\x00防汛的通知"
			for name, answer := range map[string][]byte{
				"reason": o.submitRaw(tok["张起草"], nulReason),
				"title":  o.submitRaw(tok["张起草"], nulTitle),
				"user":   o.do(tok["管理员"], "POST", "/users", map[string]any{"user": "吴\x00起草", "password": "wu-password", "role": "clerk"}, 400),
				"note":   o.do(tok["李保密"], "POST", fmt.Sprintf("/drafts/%d/actions", id), map[string]any{"action": "return", "note": "请\x00修改"}, 400),
			} {
				var e struct{ Code, Message string }
				o.decode(answer, &e)
				if e.Code != review.ErrInvalid || !strings.Contains(e.Message, "空字符") || strings.Contains(e.Message, "SQLSTATE") {
					t.Errorf("%s: %s", name, answer)
				}
			}
			if n, _ := o.desk.Archive.Store.Count(ctx); n != 1 {
				t.Errorf("%d drafts, want only the first", n)
			}
			// signing in with such a name is a wrong name, not a failure of the store
			o.do("", "POST", "/login", map[string]string{"user": "张\x00起草", "password": "张起草-password"}, 401)
		})
	}
}

// submitRaw posts a draft that must be refused as bad input and returns the answer.
func (o *office) submitRaw(token string, dec review.Decision) []byte {
	o.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "d.txt")
	fw.Write([]byte(markedDraft))
	j, _ := json.Marshal(dec)
	mw.WriteField("decision", string(j))
	mw.Close()
	code, data := o.send(token, "POST", "/drafts", mw.FormDataContentType(), &buf)
	if code != 400 {
		o.t.Errorf("status %d, want 400: %s", code, data)
	}
	return data
}

// TestConvertOnceHTTP ensures the second re-review conversion of a record is a 409 with a Chinese message.
func TestConvertOnceHTTP(t *testing.T) {
	o := startOffice(t, backends(t)[0], t.TempDir())
	tok := o.setUp()
	sc := o.desk.Scanner
	id, _, err := o.desk.Archive.Import(ctx, sc, "w.txt", []byte("关于某工程招标工作的通知\n各单位：\n"),
		index.ImportMeta{Attribute: review.Withheld, Basis: "process-info", Reason: "招标方案尚在讨论，属于过程性信息", Actor: "周公开"})
	if err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/rereview/%d", id)
	convert := map[string]any{"action": "convert", "note": "招标已结束，可以公开"}
	o.do(tok["周公开"], "POST", path, convert, 200)
	var e struct{ Code, Message string }
	o.decode(o.do(tok["周公开"], "POST", path, convert, 409), &e)
	if e.Code != review.ErrConflict || !strings.Contains(e.Message, "不能重复转换") {
		t.Errorf("second conversion: %+v", e)
	}
}
