package review_test

import (
	"strings"
	"testing"

	"prepub/review"
)

// TestCheckPassword ensures weak passwords are refused with a message that
// says what to do, and that good ones, Chinese ones included, pass.
func TestCheckPassword(t *testing.T) {
	for _, tc := range []struct {
		name, user, password, want string // want: part of the message, "" for accepted
	}{
		{"OK", "张起草", "春眠不觉晓处处闻啼鸟", ""},
		{"OKLatin", "zhangqicao", "correct horse battery", ""},
		{"OKShortNameInside", "li", "olive-tree-42", ""},
		{"ErrShort", "管理员", "Ab3$xyz", "至少需要 10 个字符"},
		{"ErrShortChinese", "管理员", "九个汉字的一句话吧", "至少需要 10 个字符"},
		{"ErrSameAsName", "administrator", "Administrator", "不能与用户名相同"},
		{"ErrNameReversed", "wangxiaoming", "gnimoaixgnaw", "不能与用户名相同"},
		{"ErrContainsName", "zhangwei", "ZhangWei2026!", "不能包含用户名"},
		{"ErrContainsNameReversed", "zhangwei", "iewgnahz-2026", "不能包含用户名"},
		{"ErrContainsChineseName", "王小明", "王小明的密码就是这个", "不能包含用户名"},
		{"ErrCommon", "张起草", "1qaz2wsx3edc", "太常见"},
		{"ErrCommonCase", "张起草", "PASSWORD123", "太常见"},
		{"ErrCommonChinese", "张起草", "woaini1314520", "太常见"},
		{"ErrCommonA123", "张起草", "a123456789", "太常见"},
		{"ErrCommonQwerty", "张起草", "qwertyuiop", "太常见"},
		{"ErrRepeated", "张起草", "zzzzzzzzzzzz", "同一个字符的重复"},
		{"ErrRepeatedChinese", "张起草", "好好好好好好好好好好", "同一个字符的重复"},
		{"ErrRun", "张起草", "bcdefghijkl", "连续的数字或字母"},
		{"OKNotARun", "张起草", "23456789012", ""},
		{"ErrRunLetters", "张起草", "cdefghijklm", "连续的数字或字母"},
		{"ErrRunDown", "张起草", "lkjihgfedcba", "连续的数字或字母"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := review.CheckPassword(tc.user, tc.password)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("%q refused: %v", tc.password, err)
				}
				return
			}
			if review.ErrorCode(err) != review.ErrInvalid || !strings.Contains(review.ErrorMessage(err), tc.want) {
				t.Fatalf("%q: got %v, want a refusal saying %q", tc.password, err, tc.want)
			}
		})
	}
}

// TestCheckPasswordChange ensures a new password must differ from the old and follow the rules.
func TestCheckPasswordChange(t *testing.T) {
	if err := review.CheckPasswordChange("张起草", "old-and-good-1", "old-and-good-1"); !strings.Contains(review.ErrorMessage(err), "不能与旧密码相同") {
		t.Fatalf("same password: %v", err)
	}
	if err := review.CheckPasswordChange("张起草", "old-and-good-1", "short"); review.ErrorCode(err) != review.ErrInvalid {
		t.Fatalf("weak new password: %v", err)
	}
	if err := review.CheckPasswordChange("张起草", "old-and-good-1", "new-and-good-2"); err != nil {
		t.Fatal(err)
	}
}
