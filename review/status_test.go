package review

import (
	"fmt"
	"testing"
)

// TestStatusRoundTrip ensures a code survives code→status→code (those
// answered as bad input, 400, come back as invalid), and that statuses
// outside the table fall back to invalid (4xx) or internal.
func TestStatusRoundTrip(t *testing.T) {
	for _, s := range statuses {
		t.Run(s.code, func(t *testing.T) {
			want := s.code
			if s.status == 400 {
				want = ErrInvalid
			}
			if got := StatusCode(HTTPStatus(s.code)); got != want {
				t.Errorf("%s → %d → %s", s.code, HTTPStatus(s.code), got)
			}
		})
	}
	for status, want := range map[int]string{418: ErrInvalid, 502: ErrInternal, 302: ErrInternal} {
		if got := StatusCode(status); got != want {
			t.Errorf("StatusCode(%d) = %s, want %s", status, got, want)
		}
	}
	if HTTPStatus("no-such-code") != 500 {
		t.Error("an unknown code is not answered as 500")
	}
}

// TestErrorCause ensures a cause is kept for the log and never becomes the message.
func TestErrorCause(t *testing.T) {
	cause := errorString("database is locked (SQLITE_BUSY)")
	err := Wrap(cause, ErrInternal, "无法写入档案库")
	if err.Error() != "无法写入档案库" || ErrorMessage(err) != "无法写入档案库" {
		t.Errorf("message %q carries the cause", err.Error())
	}
	if ErrorDetail(err) != "无法写入档案库：database is locked (SQLITE_BUSY)" || err.Unwrap() != cause {
		t.Errorf("detail %q lost the cause", ErrorDetail(err))
	}
	if fmt.Sprint(err) != ErrorDetail(err) || fmt.Sprintf("%s", err) != "无法写入档案库" {
		t.Errorf("a log line %q, a message %q", fmt.Sprint(err), fmt.Sprintf("%s", err))
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
