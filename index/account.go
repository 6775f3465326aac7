package index

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"prepub/review"
)

// account is a row of the users table as stored, password hash and all.
type account struct {
	name, role, department       string
	salt, hash                   []byte
	createdAt, passwordChangedAt string
	disabled                     int64
}

// accountColumns are the stored columns of an account, in the order of account's fields.
const accountColumns = `name, role, department, salt, hash, created_at, password_changed_at, disabled`

// readAccount returns one account's row; sql.ErrNoRows when there is none.
func readAccount(query rowQuery, name string) (*account, error) {
	var a account
	err := query(`SELECT `+accountColumns+` FROM users WHERE name=$1`, name).
		Scan(&a.name, &a.role, &a.department, &a.salt, &a.hash, &a.createdAt, &a.passwordChangedAt, &a.disabled)
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// user is the account as the screens see it.
func (a *account) user() *User {
	return &User{Name: a.name, Role: review.Role(a.role), Department: a.department, Disabled: a.disabled != 0}
}

// contentHash covers every stored column of an account, the password's salt
// and hash included, so a role changed or a hash copied outside the program
// no longer matches the audit chain.
func (a *account) contentHash() string {
	return fieldsHash("account", a.name, a.role, a.department, hex.EncodeToString(a.salt), hex.EncodeToString(a.hash),
		a.createdAt, a.passwordChangedAt, strconv.FormatInt(a.disabled, 10))
}

// legacyHash is what an account's add-user entry covered before accounts
// could change: its name, role, department and creation time, not its password.
func (a *account) legacyHash() string {
	sum := sha256.Sum256([]byte(a.name + "\x00" + a.role + "\x00" + a.department + "\x00" + a.createdAt))
	return hex.EncodeToString(sum[:])
}

// Audit actions about accounts. An account's entries name it last, so a name
// with a colon in it stays whole: "account:" + what + ":" + name. Archives
// made before accounts could change have "add-user:" + name instead.
const (
	accountPrefix = "account:"
	legacyAddUser = "add-user:"
)

// accountAction returns the audit action of a change to an account.
func accountAction(what, name string) string { return accountPrefix + what + ":" + name }

// accountOf returns the account an audit entry wrote and whether the entry
// is of the old kind, or "" when the entry is not about an account.
func accountOf(e AuditEntry) (name string, legacy bool) {
	if rest, ok := strings.CutPrefix(e.Action, legacyAddUser); ok {
		return rest, true
	}
	if rest, ok := strings.CutPrefix(e.Action, accountPrefix); ok {
		if _, name, ok := strings.Cut(rest, ":"); ok {
			return name, false
		}
	}
	return "", false
}
