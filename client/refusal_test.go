package client_test

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"prepub/client"
	"prepub/review"
)

// TestRefusalKeepsCode ensures the client keeps the code and message the
// server sent: a wrong password is unauthorized (401), repeated ones are
// rate-limited (429), approving a draft with an open finding is a conflict (409).
func TestRefusalKeepsCode(t *testing.T) {
	url, fp, _ := office(t)
	fp = strings.ReplaceAll(fp, " ", ":")
	clerkC, clerk := signIn(t, url, fp, "张起草")
	rec, err := clerkC.Submit(ctx, clerk, "县政府办", "d.txt", []byte("机密★1年\n关于防汛物资储备库布局的通知\n"),
		review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: "载明储备库位置和数量，经定密属于国家秘密事项"})
	if err != nil {
		t.Fatal(err)
	}
	secC, sec := signIn(t, url, fp, "李保密")
	_, err = secC.Act(ctx, rec.ID, sec, review.ActionApprove, -1, "")
	if review.ErrorCode(err) != review.ErrConflict || strings.Contains(review.ErrorMessage(err), "409") {
		t.Fatalf("approve with an open finding: %v (%s)", err, review.ErrorCode(err))
	}
	c := client.New(url, fp)
	_, err = c.Authenticate(ctx, "张起草", "wrong-password")
	if review.ErrorCode(err) != review.ErrUnauthorized || !strings.Contains(review.ErrorMessage(err), "密码") {
		t.Fatalf("wrong password: %v (%s)", err, review.ErrorCode(err))
	}
	for i := 0; i < 20 && review.ErrorCode(err) == review.ErrUnauthorized; i++ {
		_, err = c.Authenticate(ctx, "张起草", "wrong-password")
	}
	if review.ErrorCode(err) != review.ErrRateLimited || !strings.Contains(review.ErrorMessage(err), "秒后再试") {
		t.Fatalf("repeated wrong passwords: %v (%s)", err, review.ErrorCode(err))
	}
}

// TestRefusalWithoutBody ensures a refusal with no JSON body (a proxy's page)
// takes its code from review's table of statuses.
func TestRefusalWithoutBody(t *testing.T) {
	for status, want := range map[int]string{401: review.ErrUnauthorized, 429: review.ErrRateLimited,
		409: review.ErrConflict, 502: review.ErrInternal} {
		srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(status)
			w.Write([]byte("<html>gateway</html>"))
		}))
		sum := sha256.Sum256(srv.Certificate().Raw)
		c := client.New(srv.URL, fmt.Sprintf("%X", sum[:]))
		_, err := c.Authenticate(ctx, "张起草", "password-1")
		srv.Close()
		if review.ErrorCode(err) != want || strings.Contains(review.ErrorMessage(err), "html") {
			t.Errorf("%d: %v (%s), want %s", status, err, review.ErrorCode(err), want)
		}
	}
}
