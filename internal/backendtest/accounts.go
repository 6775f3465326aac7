package backendtest

import (
	"slices"
	"testing"

	"prepub/index"
	"prepub/review"
)

// accounts: the administrator makes everyone's account, edits, disables and
// resets; everyone signs in and changes their own password; nobody else
// manages accounts.
func (o *office) accounts(t *testing.T) {
	b := o.open(t)
	_, err := b.Authenticate(ctx, Admin, "not-the-password")
	refused(t, "a wrong password", err, review.ErrUnauthorized)
	_, err = b.Authenticate(ctx, "没有这个人", password)
	refused(t, "an unknown name", err, review.ErrUnauthorized)

	o.admin = o.signIn(t, " "+Admin+" ", AdminPassword)
	if o.admin.u.Name != Admin || o.admin.u.Role != index.RoleAdmin {
		t.Fatalf("the administrator signed in as %+v", o.admin.u)
	}
	admin := o.admin
	for _, u := range people {
		if err := admin.b.AddUser(ctx, u, password, Admin); err != nil {
			t.Fatalf("add %s: %v", u.Name, err)
		}
	}
	refused(t, "the same name again", admin.b.AddUser(ctx, people[0], password, Admin), review.ErrConflict)
	refused(t, "an unknown role", admin.b.AddUser(ctx, index.User{Name: "吴某", Role: "mayor"}, password, Admin), review.ErrInvalid)
	refused(t, "a short password", admin.b.AddUser(ctx, index.User{Name: "吴某", Role: review.RoleClerk}, "short", Admin), review.ErrInvalid)

	o.clerk = o.signIn(t, "张起草", password)
	clerk := o.clerk
	refused(t, "a clerk adds an account", clerk.b.AddUser(ctx, index.User{Name: "吴某", Role: index.RoleAdmin}, password, clerk.a.User), review.ErrForbidden)
	_, err = clerk.b.Users(ctx, clerk.a.User)
	refused(t, "a clerk lists the accounts", err, review.ErrForbidden)
	users, err := admin.b.Users(ctx, Admin)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range users {
		names = append(names, u.Name)
	}
	want := []string{Admin}
	for _, u := range people {
		want = append(want, u.Name)
	}
	slices.Sort(names)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("accounts %v, want %v", names, want)
	}

	dept := "县发展和改革委员会"
	u, err := admin.b.EditUser(ctx, "赵起草", index.AccountChange{Department: &dept}, Admin)
	if err != nil || u.Name != "赵起草" || u.Department != dept || u.Role != review.RoleClerk {
		t.Errorf("edit a department: %+v %v", u, err)
	}
	_, err = admin.b.EditUser(ctx, "没有这个人", index.AccountChange{Department: &dept}, Admin)
	refused(t, "edit an unknown account", err, review.ErrNotFound)
	_, err = clerk.b.EditUser(ctx, "赵起草", index.AccountChange{Department: &dept}, clerk.a.User)
	refused(t, "a clerk edits an account", err, review.ErrForbidden)

	refused(t, "a short reset", admin.b.ResetPassword(ctx, "赵起草", "short", Admin), review.ErrInvalid)
	refused(t, "a clerk resets a password", clerk.b.ResetPassword(ctx, "赵起草", "password-2x", clerk.a.User), review.ErrForbidden)
	if err := admin.b.ResetPassword(ctx, "赵起草", "password-2x", Admin); err != nil {
		t.Fatal(err)
	}
	o.clerk2 = o.signIn(t, "赵起草", "password-2x")
	if o.clerk2.u.Department != dept {
		t.Errorf("clerk2 signed in with department %q, want %q", o.clerk2.u.Department, dept)
	}

	refused(t, "a wrong old password", clerk.b.ChangePassword(ctx, clerk.a.User, "not-my-password", "password-3y"), review.ErrForbidden)
	refused(t, "a short new password", clerk.b.ChangePassword(ctx, clerk.a.User, password, "short"), review.ErrInvalid)
	if err := clerk.b.ChangePassword(ctx, clerk.a.User, password, "password-3y"); err != nil {
		t.Fatal(err)
	}
	o.clerk = o.signIn(t, "张起草", "password-3y")

	stop := true
	if _, err := admin.b.EditUser(ctx, "钱主要", index.AccountChange{Disabled: &stop}, Admin); err != nil {
		t.Fatal(err)
	}
	_, err = o.open(t).Authenticate(ctx, "钱主要", password)
	refused(t, "a disabled account signs in", err, review.ErrUnauthorized)
	stop = false
	if _, err := admin.b.EditUser(ctx, "钱主要", index.AccountChange{Disabled: &stop}, Admin); err != nil {
		t.Fatal(err)
	}

	o.secrecy = o.signIn(t, "李保密", password)
	o.legal = o.signIn(t, "王法制", password)
	o.deputy = o.signIn(t, "孙分管", password)
	o.principal = o.signIn(t, "钱主要", password)
	o.disclosure = o.signIn(t, "周公开", password)
}
