package index_test

import (
	"testing"

	"prepub/index"
	"prepub/internal/backendtest"
)

// TestDeskConforms runs the Backend conformance suite on the local desk, on
// SQLite and, when a test server is given, on PostgreSQL.
func TestDeskConforms(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		if err := d.AddUser(ctx, index.User{Name: backendtest.Admin, Role: index.RoleAdmin}, backendtest.AdminPassword, ""); err != nil {
			t.Fatal(err)
		}
		backendtest.Run(t, func(*testing.T) index.Backend { return d })
	})
}
