package index

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"database/sql"
	"errors"
	"strings"

	"golang.org/x/crypto/argon2"

	"prepub/review"
)

// Account roles beyond the steps of a route.
const (
	RoleDisclosureOffice review.Role = "disclosure-office"
	RoleAdmin            review.Role = "admin"
)

// AccountRoles are the roles an account may have.
var AccountRoles = []review.Role{review.RoleClerk, review.SecrecyOfficer, review.LegalOffice, review.DeputyHead,
	review.PrincipalHead, RoleDisclosureOffice, RoleAdmin}

// User is an account: a name, one role and a department. Its password is kept
// only as a salted argon2id hash.
type User struct {
	Name       string      `json:"user"`
	Role       review.Role `json:"role"`
	Department string      `json:"department"`
	Disabled   bool        `json:"disabled,omitempty"` // stopped by an administrator: cannot sign in
}

// argon2id parameters (RFC 9106's second recommended option, with less memory for office PCs).
const (
	kdfTime    = 3
	kdfMemory  = 64 * 1024
	kdfThreads = 2
	kdfKeyLen  = 32
)

func passwordHash(password string, salt []byte) []byte {
	return argon2.IDKey([]byte(password), salt, kdfTime, kdfMemory, kdfThreads, kdfKeyLen)
}

// UserName is an account name as sign-in and account creation take it: without
// surrounding spaces. Whatever counts failed sign-ins keys on the same form.
func UserName(name string) string { return strings.TrimSpace(name) }

// AddUser creates an account. The first account of an archive must be an administrator.
func (s *Store) AddUser(ctx context.Context, u User, password, byWhom string) error {
	u.Name = UserName(u.Name)
	if err := review.CheckText("用户名", u.Name, review.MaxNameRunes); err != nil {
		return err
	}
	if err := review.CheckText("部门", u.Department, review.MaxNameRunes); err != nil {
		return err
	}
	switch {
	case u.Name == "":
		return review.Errorf(review.ErrInvalid, "请填写用户名")
	case !validAccountRole(u.Role):
		return roleRefusal(u.Role)
	}
	if err := review.CheckPassword(u.Name, password); err != nil {
		return err
	}
	n, err := s.UserCount(ctx)
	if err != nil {
		return err
	}
	if n == 0 && u.Role != RoleAdmin {
		return review.Errorf(review.ErrInvalid, "第一个账号必须是管理员")
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return storeErr("无法生成随机数", err)
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	a := account{name: u.Name, role: string(u.Role), department: u.Department, salt: salt,
		hash: passwordHash(password, salt), createdAt: timeText(s.now())}
	err = tx.exec(`INSERT INTO users (name, role, department, salt, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		a.name, a.role, a.department, a.salt, a.hash, a.createdAt)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") || strings.Contains(err.Error(), "duplicate key") {
			return review.Errorf(review.ErrConflict, "用户 %s 已存在", u.Name)
		}
		return storeErr("无法创建账号", err)
	}
	if err := s.appendAudit(ctx, tx, byWhom, accountAction("add", u.Name), 0, a.contentHash()); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return storeErr("无法创建账号", err)
	}
	return nil
}

// roleRefusal says, in words, that an account needs one of the roles: none chosen, or one the app does not have.
func roleRefusal(r review.Role) error {
	if r == "" {
		return review.Errorf(review.ErrInvalid, "请为账号选择角色")
	}
	return review.Errorf(review.ErrInvalid, "没有“%s”这个角色：请从角色列表中选择", r)
}

func validAccountRole(r review.Role) bool {
	for _, x := range AccountRoles {
		if x == r {
			return true
		}
	}
	return false
}

// UserCount returns the number of accounts.
func (s *Store) UserCount(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n); err != nil {
		return 0, storeErr("无法读取账号", err)
	}
	return n, nil
}

// errLogin is the one answer to a wrong name or a wrong password, so neither is revealed.
var errLogin = review.Errorf(review.ErrUnauthorized, "用户名或密码错误")

// errDisabled is the answer to the right password of a disabled account.
var errDisabled = review.Errorf(review.ErrUnauthorized, "账号已停用，请联系管理员")

// Authenticate checks a name and password and returns the account. A
// disabled account is refused, saying so only when the password was right.
func (s *Store) Authenticate(ctx context.Context, name, password string) (*User, error) {
	err := error(sql.ErrNoRows) // a name no account can have (NUL, not UTF-8) is not looked up: PostgreSQL refuses it
	var a *account
	if review.CheckText("用户名", UserName(name), review.MaxNameRunes) == nil {
		a, err = readAccount(s.queryRow(ctx), UserName(name))
	}
	if errors.Is(err, sql.ErrNoRows) {
		passwordHash(password, make([]byte, 16)) // same work either way: no timing hint that the name is unknown
		return nil, errLogin
	}
	if err != nil {
		return nil, storeErr("无法读取账号", err)
	}
	if subtle.ConstantTimeCompare(passwordHash(password, a.salt), a.hash) != 1 {
		return nil, errLogin
	}
	if a.disabled != 0 {
		return nil, errDisabled
	}
	return a.user(), nil
}

// Users lists the accounts by name.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, role, department, disabled FROM users ORDER BY name`)
	if err != nil {
		return nil, storeErr("无法读取账号", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		var role string
		var disabled int64
		if err := rows.Scan(&u.Name, &role, &u.Department, &disabled); err != nil {
			return nil, storeErr("无法读取账号", err)
		}
		u.Role, u.Disabled = review.Role(role), disabled != 0
		out = append(out, u)
	}
	return out, rows.Err()
}

// MaySearch reports whether a role may search the archive and read its decided
// records: every role but the drafting clerk, who sees only their own drafts.
func MaySearch(r review.Role) bool { return validAccountRole(r) && r != review.RoleClerk }

// MayKeepArchive reports whether a role keeps the archive: the yearly
// re-review, the annual report and the audit chain's verification.
func MayKeepArchive(r review.Role) bool { return r == RoleDisclosureOffice || r == RoleAdmin }

// RoleName returns the Chinese name of an account role.
func RoleName(r review.Role) string {
	switch r {
	case RoleDisclosureOffice:
		return "政务公开办"
	case RoleAdmin:
		return "管理员"
	}
	return r.Chinese()
}
