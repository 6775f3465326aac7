package client_test

import (
	"strings"
	"testing"

	"prepub/review"
)

// TestSubmitSendsInterpretation ensures the client uploads the policy
// interpretation as a file, so the server can read it, and that a decision
// merely claiming one readable is returned by the server.
func TestSubmitSendsInterpretation(t *testing.T) {
	url, fp, _ := office(t)
	clerkC, clerk := signIn(t, url, strings.ReplaceAll(fp, " ", ":"), "张起草")
	draft := []byte("关于做好春季植树工作的通知\n各乡镇：请做好春季植树工作。\n")
	dec := review.Decision{Attribute: review.Public, Policy: true, Interpretation: &review.Attachment{File: "解读.txt", Readable: true}}
	rec, err := clerkC.Submit(ctx, clerk, "县政府办", "a.txt", draft, dec)
	if err != nil || rec.State != review.StateReturned {
		t.Fatalf("a claim alone: %v %+v", err, rec)
	}
	dec.Interpretation = &review.Attachment{File: "解读.txt", Data: []byte("《关于做好春季植树工作的通知》政策解读：一、背景。二、主要内容。")}
	rec, err = clerkC.Submit(ctx, clerk, "县政府办", "b.txt", draft, dec)
	if err != nil || rec.State == review.StateReturned || !rec.Decision.Interpretation.Readable {
		t.Fatalf("uploaded: %v %+v", err, rec)
	}
}
