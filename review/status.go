package review

// statuses is the one table of error codes and the HTTP statuses the office
// server answers them with. Each code has its own status, so a client that
// gets a refusal without a body still knows which code it was.
var statuses = []struct {
	code   string
	status int
}{
	{ErrInvalid, 400},
	{ErrUnauthorized, 401},
	{ErrForbidden, 403},
	{ErrNotFound, 404},
	{ErrConflict, 409},
	{ErrTooLarge, 413},
	{ErrUnreadable, 415},
	{ErrRules, 422},
	{ErrRateLimited, 429},
	{ErrInternal, 500},
	{ErrBusy, 503},
}

// HTTPStatus returns the HTTP status of an error code; 500 for a code the table does not know.
func HTTPStatus(code string) int {
	for _, s := range statuses {
		if s.code == code {
			return s.status
		}
	}
	return 500
}

// StatusCode returns the error code of an HTTP refusal status: ErrInvalid for
// another 4xx, ErrInternal for anything else the table does not know.
func StatusCode(status int) string {
	for _, s := range statuses {
		if s.status == status {
			return s.code
		}
	}
	if status >= 400 && status < 500 {
		return ErrInvalid
	}
	return ErrInternal
}
