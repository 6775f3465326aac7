package review

import (
	"errors"
	"fmt"
	"io"
)

// Error codes of refused actions and bad input. Return reasons (退文) have their own codes, see Return.
const (
	ErrInvalid      = "invalid"      // bad input
	ErrUnauthorized = "unauthorized" // no session, or one that expired or was ended
	ErrForbidden    = "forbidden"    // role or separation of duties
	ErrNotFound     = "not-found"    // no such finding or draft
	ErrConflict     = "conflict"     // the draft is not in a state where the action applies
	ErrTooLarge     = "too-large"    // a request or file over its limit
	ErrUnreadable   = "unreadable"   // a file that could not be checked
	ErrRules        = "rules"        // a rules file that does not validate
	ErrRateLimited  = "rate-limited" // too many failed sign-ins: wait
	ErrInternal     = "internal"     // anything unexpected: a database, a disk, a bug
	ErrBusy         = "busy"         // the server or its search index is busy: try again shortly
)

// Error is a refusal with a code the CLI and server map to statuses and a
// Chinese message that tells the user what to do. Cause, when there is one,
// is what went wrong underneath (a driver's or the system's own words): it is
// logged for an administrator and never shown as the message.
type Error struct {
	Code    string
	Message string
	Cause   error
}

// Error returns the Chinese message only, never the cause.
func (e *Error) Error() string { return e.Message }

// Format prints, for %v as logs use it (log.Println, fyne.LogError), the
// message and its cause; %s and Error give the message alone.
func (e *Error) Format(f fmt.State, verb rune) {
	if verb == 'v' {
		io.WriteString(f, ErrorDetail(e))
		return
	}
	io.WriteString(f, e.Message)
}

// Unwrap returns the cause, so errors.Is and errors.As see through an Error.
func (e *Error) Unwrap() error { return e.Cause }

// Errorf returns an *Error with a formatted Chinese message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error with a formatted Chinese message that keeps cause for the log.
func Wrap(cause error, code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Cause: cause}
}

// ErrorCode returns the code of an *Error, or ErrInternal for anything else.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return ErrInternal
}

// ErrorMessage returns the Chinese message of an *Error, or a generic one for anything else.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "内部错误，请联系管理员"
}

// ErrorDetail returns what an administrator's log keeps of err: its message
// and, when it has one, its cause; anything that is not an *Error whole.
func ErrorDetail(err error) string {
	var e *Error
	if !errors.As(err, &e) {
		return fmt.Sprint(err)
	}
	if e.Cause == nil {
		return e.Message
	}
	return e.Message + "：" + e.Cause.Error()
}
