package client_test

import (
	"bytes"
	"strings"
	"testing"

	"prepub/internal/docxfixture"
	"prepub/review"
)

// TestClientFiles ensures a workstation downloads the kept release copy and the original through the server, and a clerk is refused the copy.
func TestClientFiles(t *testing.T) {
	url, fp, _ := office(t)
	fp = strings.ReplaceAll(fp, " ", ":")
	clerkC, clerk := signIn(t, url, fp, "张起草")
	draft := docxfixture.Doc{Body: []string{"关于做好秋季防火工作的通知", "请做好准备。"}, Comments: []string{"请核实"}}.Build()
	rec, err := clerkC.Submit(ctx, clerk, "县政府办", "防火通知.docx", draft, review.Decision{Attribute: review.Public, Important: true})
	if err != nil {
		t.Fatal(err)
	}
	priC, pri := signIn(t, url, fp, "钱主要")
	if _, err := priC.Act(ctx, rec.ID, pri, review.ActionSign, -1, "同意"); err != nil {
		t.Fatal(err)
	}
	offC, off := signIn(t, url, fp, "周公开")
	c, err := offC.ReleaseCopy(ctx, rec.ID, off)
	if err != nil || !c.Stored || c.Name != "防火通知（发布稿）.docx" || c.MadeAt == "" || bytes.Contains(c.Data, []byte("请核实")) {
		t.Fatalf("%v %+v", err, c)
	}
	if _, err := clerkC.ReleaseCopy(ctx, rec.ID, clerk); review.ErrorCode(err) != review.ErrForbidden {
		t.Fatalf("a clerk downloaded the copy: %v", err)
	}
	if got, err := clerkC.Original(ctx, rec.ID, clerk); err != nil || !bytes.Equal(got, draft) {
		t.Fatalf("the drafter's original: %v", err)
	}
}
