package server_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"strings"
	"testing"

	"prepub/review"
)

// submitWith posts a draft as multipart with, when interp is given, the policy interpretation as a file of its own.
func (o *office) submitWith(token, name, text string, dec review.Decision, interpName, interp string) draftOut {
	o.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(text))
	if interpName != "" {
		iw, _ := mw.CreateFormFile("interpretation", interpName)
		iw.Write([]byte(interp))
	}
	j, _ := json.Marshal(dec)
	mw.WriteField("decision", string(j))
	mw.Close()
	code, data := o.send(token, "POST", "/drafts", mw.FormDataContentType(), &buf)
	if code != 201 {
		o.t.Fatalf("submit: status %d: %s", code, data)
	}
	var out draftOut
	o.decode(data, &out)
	return out
}

// draftOut is what a submission answers, as far as these tests read it.
type draftOut struct {
	State   review.State    `json:"state"`
	Returns []review.Return `json:"returns"`
	Route   []review.Step   `json:"route"`
}

func (d draftOut) returned(code string) bool {
	for _, r := range d.Returns {
		if r.Code == code {
			return true
		}
	}
	return false
}

func (d draftOut) routedTo(role review.Role) bool {
	for _, s := range d.Route {
		if s.Role == role {
			return true
		}
	}
	return false
}

// TestServerTrustsNoClaim ensures the server decides from what it receives:
// a policy interpretation claimed readable in the decision JSON but not
// uploaded is missing, an uploaded one that cannot be read is unreadable, a
// readable upload passes; and a 管理办法 the clerk titles as an ordinary
// notice still goes to the principal head.
func TestServerTrustsNoClaim(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			o := startOffice(t, b, t.TempDir())
			tok := o.setUp()["张起草"]
			plain := "关于做好春季植树工作的通知\n各乡镇：请做好春季植树工作。\n"
			claimed := review.Decision{Attribute: review.Public, Policy: true, Interpretation: &review.Attachment{File: "解读.txt", Readable: true}}
			for _, tc := range []struct {
				name, file, body string
				returned         bool
			}{
				{"ErrClaimedNotUploaded", "", "", true},
				{"ErrUploadedUnreadable", "解读.txt", "", true},
				{"OKUploaded", "解读.txt", "《关于做好春季植树工作的通知》政策解读：一、背景。二、主要内容。", false},
			} {
				t.Run(tc.name, func(t *testing.T) {
					out := o.submitWith(tok, tc.name+".txt", plain, claimed, tc.file, tc.body)
					if out.returned(review.RetNoInterpretation) != tc.returned {
						t.Fatalf("state %s, returns %+v", out.State, out.Returns)
					}
				})
			}
			renamed := o.submitWith(tok, "办法.txt", "关于印发《某县政府投资项目管理办法》的通知\n各乡镇：现将办法印发给你们。\n",
				review.Decision{Attribute: review.Public, Title: "关于做好有关工作的通知"}, "", "")
			if !renamed.routedTo(review.PrincipalHead) || strings.Contains(string(renamed.State), "returned") {
				t.Fatalf("a renamed 管理办法: %s %+v", renamed.State, renamed.Route)
			}
		})
	}
}
