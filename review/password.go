package review

import (
	"bufio"
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"prepub/assets"
)

// MinPasswordChars is the shortest password accepted, in characters.
const MinPasswordChars = 10

// minNameInPassword is the shortest user name a password may not contain:
// shorter names (张三, "li") would refuse too many good passwords by chance.
const minNameInPassword = 3

// CheckPassword refuses a password for an account that is too short, is or
// contains the account's name (or the name reversed), is on the list of
// common passwords, or is one character repeated or a plain run such as
// 1234567890. The message says what to choose instead.
func CheckPassword(user, password string) error {
	pw := strings.ToLower(password)
	name := strings.ToLower(strings.TrimSpace(user))
	switch {
	case utf8.RuneCountInString(password) < MinPasswordChars:
		return Errorf(ErrInvalid, "密码至少需要 %d 个字符：请换一个更长的密码，例如几个词连成的一句话", MinPasswordChars)
	case name != "" && (pw == name || pw == reverse(name)):
		return Errorf(ErrInvalid, "密码不能与用户名相同：请换一个与用户名无关的密码")
	case utf8.RuneCountInString(name) >= minNameInPassword && (strings.Contains(pw, name) || strings.Contains(pw, reverse(name))):
		return Errorf(ErrInvalid, "密码不能包含用户名：请换一个与用户名无关的密码")
	case commonPasswords()[pw]:
		return Errorf(ErrInvalid, "这个密码太常见，很容易被猜中：请换一个别人想不到的密码")
	case repeated(pw):
		return Errorf(ErrInvalid, "密码不能是同一个字符的重复：请换一个由不同字符组成的密码")
	case run(pw):
		return Errorf(ErrInvalid, "密码不能是连续的数字或字母（如 1234567890、abcdefghij）：请换一个不易猜的密码")
	}
	return nil
}

// CheckPasswordChange refuses a new password that breaks CheckPassword's
// rules or is the old password again.
func CheckPasswordChange(user, old, new string) error {
	if old == new {
		return Errorf(ErrInvalid, "新密码不能与旧密码相同：请换一个新密码")
	}
	return CheckPassword(user, new)
}

// commonPasswords is the embedded list of common passwords, lower-cased, read once.
var commonPasswords = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(assets.CommonPasswords))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l != "" && !strings.HasPrefix(l, "#") {
			out[strings.ToLower(l)] = true
		}
	}
	return out
})

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// repeated reports whether s is one character over and over.
func repeated(s string) bool {
	r := []rune(s)
	for _, c := range r {
		if c != r[0] {
			return false
		}
	}
	return true
}

// run reports whether each character of s is the one after (or each the one
// before) the character before it: 0123456789, abcdefghijk, 9876543210.
func run(s string) bool {
	r := []rune(s)
	up, down := true, true
	for i := 1; i < len(r); i++ {
		up = up && r[i] == r[i-1]+1
		down = down && r[i] == r[i-1]-1
	}
	return up || down
}
