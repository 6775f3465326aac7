package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"testing"
	"time"

	"prepub/review"
	"prepub/review/scan"
	"prepub/server"
)

// officeKeywords is an office's keyword file with a term no built-in class has.
var officeKeywords = review.PolicyFile{Name: "/etc/prepub/keywords.toml",
	Text: "[[class]]\ncategory = \"secrecy-term\"\nseverity = \"high\"\nterms = [\"青松工程\"]\n"}

// officePolicy is the default rules and built-in keywords with keyword files added.
func officePolicy(t *testing.T, keywords ...review.PolicyFile) *review.Policy {
	t.Helper()
	p, err := review.NewPolicy(review.PolicyFile{Name: review.DefaultRulesSource, Text: string(review.DefaultRules().Raw)},
		review.BuiltinKeywords(), keywords, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOfficePolicy ensures the server scans with the office's keyword file,
// serves that policy with its version (304 for a version the caller has),
// names the version on every answer and on each draft, and tells a
// workstation whose live check used another version.
func TestOfficePolicy(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			o := startOffice(t, b, t.TempDir())
			tokens := o.setUp()
			p := officePolicy(t, officeKeywords)
			o.desk.UsePolicy(p)

			if code, _ := o.send("", "GET", "/policy", "", nil); code != 401 {
				t.Fatalf("policy served without a session: %d", code)
			}
			resp := request(t, o, tokens["张起草"], "GET", "/policy", "", nil, map[string]string{})
			var doc review.PolicyDoc
			o.decode(resp.body, &doc)
			if resp.code != 200 || resp.header.Get("ETag") != `"`+p.Version+`"` || doc.Version != p.Version {
				t.Fatalf("%d %v %s", resp.code, resp.header, resp.body)
			}
			got, err := doc.Policy()
			if err != nil || len(got.Scanner.ScanText("关于青松工程的通知", scan.Options{}).Findings) != 1 {
				t.Fatalf("served policy does not rebuild the office's scan: %v", err)
			}
			if again := request(t, o, tokens["张起草"], "GET", "/policy", "", nil, map[string]string{"If-None-Match": `"` + p.Version + `"`}); again.code != 304 || len(again.body) != 0 {
				t.Fatalf("unchanged policy sent again: %d %s", again.code, again.body)
			}
			var rules map[string]string
			o.decode(o.do("", "GET", "/rules", nil, 200), &rules)
			if rules["version"] != p.Version || rules["source"] != review.DefaultRulesSource || rules["raw"] == "" {
				t.Fatalf("rules %v", rules)
			}

			sent := submitWith(t, o, tokens["张起草"], "关于青松工程进度的通报\n", "old-version")
			var out struct {
				ID            int64
				State         review.State
				PolicyVersion string `json:"policy_version"`
				PolicyChanged bool   `json:"policy_changed"`
				Findings      []struct{ Text string }
			}
			o.decode(sent.body, &out)
			if sent.code != 201 || out.State != review.StateSecrecyReview || len(out.Findings) != 1 || out.Findings[0].Text != "青松工程" {
				t.Fatalf("office keyword not found by the server's scan: %d %s", sent.code, sent.body)
			}
			if out.PolicyVersion != p.Version || !out.PolicyChanged || sent.header.Get(server.PolicyHeader) != p.Version {
				t.Fatalf("version mismatch not told: %+v %v", out, sent.header)
			}
			if rec, _ := o.desk.Archive.Store.Get(ctx, out.ID); rec.PolicyVersion != p.Version {
				t.Fatalf("draft keeps version %q", rec.PolicyVersion)
			}
			o.decode(submitWith(t, o, tokens["张起草"], "关于青松工程的通知\n", p.Version).body, &out)
			if out.PolicyChanged {
				t.Fatal("same version told as changed")
			}

			next := officePolicy(t, review.PolicyFile{Name: officeKeywords.Name, Text: officeKeywords.Text + "[[class]]\ncategory = \"secrecy-term\"\nseverity = \"high\"\nterms = [\"红杉计划\"]\n"})
			o.desk.UsePolicy(next)
			if r := request(t, o, tokens["张起草"], "GET", "/policy", "", nil, map[string]string{"If-None-Match": `"` + p.Version + `"`}); r.code != 200 || r.header.Get(server.PolicyHeader) != next.Version {
				t.Fatalf("changed policy not sent: %d", r.code)
			}
		})
	}
}

// answer is a status, headers and body.
type answer struct {
	code   int
	header http.Header
	body   []byte
}

// request sends one request with extra headers.
func request(t *testing.T, o *office, token, method, path, ctype string, body io.Reader, header map[string]string) answer {
	t.Helper()
	req, _ := http.NewRequest(method, o.srv.URL+"/api/v1"+path, body)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, resp.Header, data}
}

// submitWith submits a public draft as a workstation whose live check used version.
func submitWith(t *testing.T, o *office, token, text, version string) answer {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "d.txt")
	fw.Write([]byte(text))
	j, _ := json.Marshal(review.Decision{Attribute: review.Public})
	mw.WriteField("decision", string(j))
	mw.Close()
	return request(t, o, token, "POST", "/drafts", mw.FormDataContentType(), &buf, map[string]string{server.PolicyHeader: version})
}
