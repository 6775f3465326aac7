package server_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"testing"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
	"prepub/server"
)

// TestStrangerCannotLockOutOwner ensures failed sign-ins to a name from
// elsewhere hold back other new addresses but not the address its owner signs
// in from, and that attempts are counted as they arrive.
func TestStrangerCannotLockOutOwner(t *testing.T) {
	a, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	sc, _ := scan.Default()
	h := server.New(&index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}).Handler()
	for _, u := range []index.User{{Name: "管理员", Role: index.RoleAdmin}, {Name: "赵分管", Role: review.DeputyHead}} {
		if err := a.Store.AddUser(ctx, u, passwordOf(u.Name), "setup"); err != nil {
			t.Fatal(err)
		}
	}
	login := func(addr, user, password string) int {
		j, _ := json.Marshal(map[string]string{"user": user, "password": password})
		req := httptest.NewRequest("POST", "/api/v1/login", bytes.NewReader(j))
		req.RemoteAddr = addr + ":40000"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	if code := login("10.0.0.2", "赵分管", passwordOf("赵分管")); code != 200 {
		t.Fatalf("the owner's first sign-in: %d", code)
	}
	for i := 0; i < 8; i++ {
		login("10.0.0.66", " 赵分管", "guess-password-1")
	}
	if code := login("10.0.0.66", "赵分管", passwordOf("赵分管")); code != 429 {
		t.Fatalf("the stranger's address is not held back: %d", code)
	}
	if code := login("10.0.0.77", "赵分管", passwordOf("赵分管")); code != 429 {
		t.Fatalf("a new address is not held back by the name's failures: %d", code)
	}
	if code := login("10.0.0.2", "赵分管", passwordOf("赵分管")); code != 200 {
		t.Fatalf("the owner's own address is locked out by a stranger: %d", code)
	}
	for i := 0; i < 5; i++ {
		login("10.0.0.2", "赵分管", "wrong-password-2")
	}
	if code := login("10.0.0.2", "赵分管", passwordOf("赵分管")); code != 429 {
		t.Fatalf("failures from the owner's address are not counted there: %d", code)
	}
}
