package index

import (
	"context"
	"time"

	"prepub/review"
)

// Backend is everything the desktop app's screens ask of the core: the local
// Desk on the embedded archive, or the office server's client (package
// client) with the same calls, refusals and codes. The actor, or the name
// given as by, is the signed-in person: the desk decides by it, the client
// refuses any other than its session's.
type Backend interface {
	Authenticate(ctx context.Context, name, password string) (*User, error)
	AddUser(ctx context.Context, u User, password, by string) error
	Users(ctx context.Context, by string) ([]User, error)
	EditUser(ctx context.Context, name string, ch AccountChange, by string) (*User, error)
	ResetPassword(ctx context.Context, name, password, by string) error
	ChangePassword(ctx context.Context, name, old, new string) error
	Submit(ctx context.Context, clerk review.Actor, department, name string, data []byte, dec review.Decision) (*Record, error)
	Resubmit(ctx context.Context, id int64, a review.Actor, dec review.Decision) (*Record, error)
	Act(ctx context.Context, id int64, a review.Actor, action string, finding int, note string) (*Record, error)
	Queue(ctx context.Context, a review.Actor) ([]Record, error)
	Mine(ctx context.Context, a review.Actor) ([]Record, error)
	Get(ctx context.Context, a review.Actor, id int64) (*Record, error)
	Search(ctx context.Context, a review.Actor, q Query) ([]Hit, error)
	Similar(ctx context.Context, a review.Actor, id int64, n int) ([]Hit, error)
	ReviewDue(ctx context.Context, a review.Actor, period time.Duration) ([]Record, error)
	Keep(ctx context.Context, a review.Actor, id int64, note string) error
	Convert(ctx context.Context, a review.Actor, id int64, note string) (int64, review.Outcome, error)
	ExpiredMarkings(ctx context.Context, a review.Actor) ([]Expiry, error)
	Report(ctx context.Context, a review.Actor, year int) (*Report, error)
	ReleaseCopy(ctx context.Context, id int64, a review.Actor) (*ReleaseCopy, error)
	Original(ctx context.Context, id int64, a review.Actor) ([]byte, error)
	Sheet(ctx context.Context, a review.Actor, id int64) (*Record, string, error)
	CatalogueEntries(ctx context.Context, a review.Actor, year int) ([]CatalogueEntry, error)
	CorrectCatalogue(ctx context.Context, a review.Actor, id int64, field, value, note string) (*CatalogueEntry, error)
	SetValidity(ctx context.Context, a review.Actor, id int64, status, since, note string) (*ValidityMark, error)
	ReportValues(ctx context.Context, a review.Actor, year int) (ReportValues, error)
	SetReportValues(ctx context.Context, a review.Actor, year int, values map[string]string) (ReportValues, error)
	LatestDecisionYear(ctx context.Context, a review.Actor) (int, error)
}

var _ Backend = (*Desk)(nil)
