package review

// statuses is the one table of error codes and the HTTP statuses the office
// server answers them with. Each code but unreadable and rules has its own
// status; those two are bad input (400) as the API's contract says, so a
// refusal without a body (a proxy's page) reads back as invalid. A client
// keeps the code the body carries.
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
	{ErrUnreadable, 400},
	{ErrRules, 400},
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
