package index_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"prepub/index"
	"prepub/review"
)

// TestSignInAudit ensures every sign-in, failure and lock is an audit entry
// keyed on the normalised name, cut short for a huge name, and that the
// chain still verifies.
func TestSignInAudit(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := accounts(t, a)
		if _, err := d.SignIn(ctx, "  张起草 ", clerkPass, "192.0.2.7"); err != nil {
			t.Fatal(err)
		}
		if _, err := d.SignIn(ctx, "张起草", "wrong-password-1", "192.0.2.7"); review.ErrorCode(err) != review.ErrUnauthorized {
			t.Fatalf("wrong password: %v", err)
		}
		huge := strings.Repeat("名", 1<<20)
		if _, err := d.SignIn(ctx, huge, "whatever-it-is", "192.0.2.8"); review.ErrorCode(err) != review.ErrUnauthorized {
			t.Fatalf("huge name: %v", err)
		}
		yes := true
		if _, err := d.EditUser(ctx, "张起草", index.AccountChange{Disabled: &yes}, "管理员"); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Authenticate(ctx, "张起草", clerkPass); err == nil {
			t.Fatal("disabled account signed in")
		}
		if err := d.SignInLocked(ctx, "张起草", "192.0.2.7", 5*time.Second); err != nil {
			t.Fatal(err)
		}
		entries, _ := a.Store.Audit(ctx, 0)
		var got []string
		for _, e := range entries {
			if strings.HasPrefix(e.Action, "sign-in:") {
				if utf8.RuneCountInString(e.Actor) > 65 {
					t.Fatalf("sign-in entry keeps a name of %d characters", utf8.RuneCountInString(e.Actor))
				}
				got = append(got, e.Actor[:min(len(e.Actor), 9)]+" "+e.Action+" "+e.ContentHash)
			}
		}
		want := []string{"张起草 sign-in:ok:192.0.2.7 ", "张起草 sign-in:failed:192.0.2.7 ", "名名名 sign-in:failed:192.0.2.8 ",
			"张起草 sign-in:disabled:desktop ", "张起草 sign-in:locked:192.0.2.7 5s"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("sign-in entries\n%q\nwant\n%q", got, want)
		}
		mustVerify(t, a)
	})
}
