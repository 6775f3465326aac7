package extract

import "fmt"

// UnreadableError says why a file could not be checked. Reason is Chinese and
// tells the user what to do; Detail carries the technical cause for logs.
type UnreadableError struct {
	Code   string // short stable code, e.g. "no-text", "encrypted", "format"
	Reason string // Chinese, for the user
	Detail string // technical detail, may be empty
}

func (e *UnreadableError) Error() string {
	if e.Detail == "" {
		return "无法检查：" + e.Reason
	}
	return fmt.Sprintf("无法检查：%s（%s）", e.Reason, e.Detail)
}

func unreadable(code, reason string, detail error) *UnreadableError {
	e := &UnreadableError{Code: code, Reason: reason}
	if detail != nil {
		e.Detail = detail.Error()
	}
	return e
}
