package index

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"strings"

	"prepub/review"
)

// AccountChange is what an administrator changes in an account; a nil field stays as it is.
type AccountChange struct {
	Role       *review.Role `json:"role,omitempty"`
	Department *string      `json:"department,omitempty"`
	Disabled   *bool        `json:"disabled,omitempty"`
}

// errNoAccount is the answer about an account that does not exist.
func errNoAccount(name string) error {
	return review.Errorf(review.ErrNotFound, "没有名为 %s 的账号", name)
}

// EditUser changes an account's role, department or whether it is disabled,
// with its audit entry, in one transaction. The last enabled administrator
// can be neither disabled nor given another role. It returns the account as changed.
func (s *Store) EditUser(ctx context.Context, name string, ch AccountChange, byWhom string) (*User, error) {
	name = UserName(name)
	if ch.Role != nil && !validAccountRole(*ch.Role) {
		return nil, roleRefusal(*ch.Role)
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	a, err := s.accountTx(ctx, tx, name)
	if err != nil {
		return nil, err
	}
	was := *a
	var what []string
	if ch.Role != nil && string(*ch.Role) != a.role {
		a.role, what = string(*ch.Role), append(what, "role")
	}
	if ch.Department != nil && *ch.Department != a.department {
		a.department, what = *ch.Department, append(what, "department")
	}
	if ch.Disabled != nil && boolInt(*ch.Disabled) != a.disabled {
		a.disabled = boolInt(*ch.Disabled)
		what = append(what, map[bool]string{true: "disable", false: "enable"}[*ch.Disabled])
	}
	if len(what) == 0 {
		return a.user(), nil
	}
	if enabledAdmin(&was) && !enabledAdmin(a) {
		var others int
		if err := tx.queryRow(`SELECT COUNT(*) FROM users WHERE role=$1 AND disabled=0 AND name<>$2`, string(RoleAdmin), name).Scan(&others); err != nil {
			return nil, storeErr("无法读取账号", err)
		}
		if others == 0 {
			return nil, review.Errorf(review.ErrConflict, "%s 是最后一个可用的管理员账号，不能停用或改为其他角色：请先让另一个账号成为管理员", name)
		}
	}
	tx.queue(`UPDATE users SET role=$2, department=$3, disabled=$4 WHERE name=$1`, name, a.role, a.department, a.disabled)
	if err := s.appendAudit(ctx, tx, byWhom, accountAction(strings.Join(what, "+"), name), 0, a.contentHash()); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, storeErr("无法修改账号", err)
	}
	return a.user(), nil
}

func enabledAdmin(a *account) bool { return a.role == string(RoleAdmin) && a.disabled == 0 }

// SetPassword gives an account a new password (an administrator's reset,
// what "reset", or the owner's change, what "password"), with its audit entry.
func (s *Store) SetPassword(ctx context.Context, name, password, byWhom, what string) error {
	name = UserName(name)
	if err := review.CheckPassword(name, password); err != nil {
		return err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return storeErr("无法生成随机数", err)
	}
	hash := passwordHash(password, salt)
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	a, err := s.accountTx(ctx, tx, name)
	if err != nil {
		return err
	}
	a.salt, a.hash, a.passwordChangedAt = salt, hash, timeText(s.now())
	tx.queue(`UPDATE users SET salt=$2, hash=$3, password_changed_at=$4 WHERE name=$1`, name, a.salt, a.hash, a.passwordChangedAt)
	if err := s.appendAudit(ctx, tx, byWhom, accountAction(what, name), 0, a.contentHash()); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return storeErr("无法修改密码", err)
	}
	return nil
}

// ChangePassword lets a person change their own password, given the old one.
func (s *Store) ChangePassword(ctx context.Context, name, old, new string) error {
	u, err := s.Authenticate(ctx, name, old)
	if err != nil {
		if errors.Is(err, errLogin) {
			return review.Errorf(review.ErrForbidden, "旧密码不对：请输入现在用来登录的密码")
		}
		return err
	}
	if err := review.CheckPasswordChange(u.Name, old, new); err != nil {
		return err
	}
	return s.SetPassword(ctx, u.Name, new, u.Name, "password")
}

// Account returns one account, or an ErrNotFound error.
func (s *Store) Account(ctx context.Context, name string) (*User, error) {
	a, err := readAccount(s.queryRow(ctx), UserName(name))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoAccount(UserName(name))
	}
	if err != nil {
		return nil, storeErr("无法读取账号", err)
	}
	return a.user(), nil
}

// accountTx reads an account inside tx, or returns an ErrNotFound error.
func (s *Store) accountTx(ctx context.Context, tx *writeTx, name string) (*account, error) {
	a, err := readAccount(tx.queryRow, name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoAccount(name)
	}
	if err != nil {
		return nil, storeErr("无法读取账号", err)
	}
	return a, nil
}
