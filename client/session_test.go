package client_test

import (
	"strings"
	"testing"

	"prepub/client"
	"prepub/review"
)

// TestClientActsOnlyAsItsSession ensures a client refuses a call made for anyone but the person it signed in, before a request is sent.
func TestClientActsOnlyAsItsSession(t *testing.T) {
	url, fp, _ := office(t)
	fp = strings.ReplaceAll(fp, " ", ":")
	if _, err := client.New(url, fp).Queue(ctx, review.Actor{User: "张起草", Role: review.RoleClerk}); review.ErrorCode(err) != review.ErrUnauthorized {
		t.Fatalf("before sign-in: %v", err)
	}
	c, clerk := signIn(t, url, fp, "张起草")
	if _, err := c.Queue(ctx, clerk); err != nil {
		t.Fatal(err)
	}
	other := review.Actor{User: "李保密", Role: review.SecrecyOfficer}
	if _, err := c.Queue(ctx, other); review.ErrorCode(err) != review.ErrUnauthorized {
		t.Fatalf("another person's queue: %v", err)
	}
	if _, err := c.Mine(ctx, review.Actor{User: clerk.User, Role: review.SecrecyOfficer}); review.ErrorCode(err) != review.ErrUnauthorized {
		t.Fatalf("another role: %v", err)
	}
	if _, err := c.Users(ctx, "管理员"); review.ErrorCode(err) != review.ErrUnauthorized {
		t.Fatalf("in the administrator's name: %v", err)
	}
	if err := c.ChangePassword(ctx, "管理员", "password-1", "password-2x"); review.ErrorCode(err) != review.ErrUnauthorized {
		t.Fatalf("another person's password: %v", err)
	}
	if _, err := c.Submit(ctx, clerk, "别的部门", "a.txt", []byte("通知"), review.Decision{Attribute: review.Public}); review.ErrorCode(err) != review.ErrInvalid {
		t.Fatalf("another department: %v", err)
	}
}
