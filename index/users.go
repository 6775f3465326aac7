package index

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"
	"unicode/utf8"

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

// MinPasswordChars is the shortest password accepted.
const MinPasswordChars = 8

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
		return review.Errorf(review.ErrInvalid, "角色 %q 无效", u.Role)
	case utf8.RuneCountInString(password) < MinPasswordChars:
		return review.Errorf(review.ErrInvalid, "密码至少 %d 位", MinPasswordChars)
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
	now := timeText(s.now())
	_, err = tx.ExecContext(ctx, `INSERT INTO users (name, role, department, salt, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		u.Name, string(u.Role), u.Department, salt, passwordHash(password, salt), now)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") || strings.Contains(err.Error(), "duplicate key") {
			return review.Errorf(review.ErrConflict, "用户 %s 已存在", u.Name)
		}
		return storeErr("无法创建账号", err)
	}
	sum := sha256.Sum256([]byte(u.Name + "\x00" + string(u.Role) + "\x00" + u.Department + "\x00" + now))
	if err := s.appendAudit(ctx, tx, byWhom, "add-user:"+u.Name, 0, hex.EncodeToString(sum[:])); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return storeErr("无法创建账号", err)
	}
	return nil
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
var errLogin = review.Errorf(review.ErrForbidden, "用户名或密码错误")

// Authenticate checks a name and password and returns the account.
func (s *Store) Authenticate(ctx context.Context, name, password string) (*User, error) {
	var u User
	var role string
	var salt, hash []byte
	err := sql.ErrNoRows // a name no account can have (NUL, not UTF-8) is not looked up: PostgreSQL refuses it
	if review.CheckText("用户名", UserName(name), review.MaxNameRunes) == nil {
		err = s.db.QueryRowContext(ctx, `SELECT name, role, department, salt, hash FROM users WHERE name=$1`, UserName(name)).
			Scan(&u.Name, &role, &u.Department, &salt, &hash)
	}
	if errors.Is(err, sql.ErrNoRows) {
		passwordHash(password, make([]byte, 16)) // same work either way: no timing hint that the name is unknown
		return nil, errLogin
	}
	if err != nil {
		return nil, storeErr("无法读取账号", err)
	}
	if subtle.ConstantTimeCompare(passwordHash(password, salt), hash) != 1 {
		return nil, errLogin
	}
	u.Role = review.Role(role)
	return &u, nil
}

// Users lists the accounts by name.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, role, department FROM users ORDER BY name`)
	if err != nil {
		return nil, storeErr("无法读取账号", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		var role string
		if err := rows.Scan(&u.Name, &role, &u.Department); err != nil {
			return nil, storeErr("无法读取账号", err)
		}
		u.Role = review.Role(role)
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
