package review

import (
	"errors"
	"fmt"
)

// Error codes of refused actions and bad input. Return reasons (退文) have their own codes, see Return.
const (
	ErrInvalid    = "invalid"    // bad input
	ErrForbidden  = "forbidden"  // role or separation of duties
	ErrConflict   = "conflict"   // the draft is not in a state where the action applies
	ErrNotFound   = "not-found"  // no such finding or draft
	ErrInternal   = "internal"   // anything unexpected
	ErrRules      = "rules"      // a rules file that does not validate
	ErrUnreadable = "unreadable" // a file that could not be checked
	ErrIndexing   = "indexing"   // the search index is being rebuilt: search again shortly
)

// Error is a refusal with a code the CLI and server map to statuses and a
// Chinese message that tells the user what to do.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with a formatted Chinese message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
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
