package ui

import (
	"context"
	"time"

	"prepub/index"
	"prepub/review"
)

// Backend is everything the screens ask of the core: the local desk
// (index.Desk on the embedded archive) or the office server's client.
type Backend interface {
	UserCount(ctx context.Context) (int, error)
	Authenticate(ctx context.Context, name, password string) (*index.User, error)
	AddUser(ctx context.Context, u index.User, password, by string) error
	Users(ctx context.Context, by string) ([]index.User, error)
	EditUser(ctx context.Context, name string, ch index.AccountChange, by string) (*index.User, error)
	ResetPassword(ctx context.Context, name, password, by string) error
	ChangePassword(ctx context.Context, name, old, new string) error
	Submit(ctx context.Context, clerk review.Actor, department, name string, data []byte, dec review.Decision) (*index.Record, error)
	Resubmit(ctx context.Context, id int64, a review.Actor, dec review.Decision) (*index.Record, error)
	Act(ctx context.Context, id int64, a review.Actor, action string, finding int, note string) (*index.Record, error)
	Queue(ctx context.Context, a review.Actor) ([]index.Record, error)
	Mine(ctx context.Context, a review.Actor) ([]index.Record, error)
	Get(ctx context.Context, a review.Actor, id int64) (*index.Record, error)
	Search(ctx context.Context, a review.Actor, q index.Query) ([]index.Hit, error)
	Similar(ctx context.Context, text string, exclude int64, n int) ([]index.Hit, error)
	ReviewDue(ctx context.Context, a review.Actor, period time.Duration) ([]index.Record, error)
	Keep(ctx context.Context, a review.Actor, id int64, note string) error
	Convert(ctx context.Context, a review.Actor, id int64, note string) (int64, review.Outcome, error)
	ExpiredMarkings(ctx context.Context, a review.Actor) ([]index.Expiry, error)
	Report(ctx context.Context, a review.Actor, year int) (*index.Report, error)
	ReleaseCopy(ctx context.Context, id int64, a review.Actor) (*index.ReleaseCopy, error)
	Original(ctx context.Context, id int64, a review.Actor) ([]byte, error)
	Sheet(ctx context.Context, a review.Actor, id int64) (*index.Record, string, error)
	CatalogueEntries(ctx context.Context, a review.Actor, year int) ([]index.CatalogueEntry, error)
	CorrectCatalogue(ctx context.Context, a review.Actor, id int64, field, value, note string) (*index.CatalogueEntry, error)
	SetValidity(ctx context.Context, a review.Actor, id int64, status, since, note string) (*index.ValidityMark, error)
	ReportValues(ctx context.Context, a review.Actor, year int) (index.ReportValues, error)
	SetReportValues(ctx context.Context, a review.Actor, year int, values map[string]string) (index.ReportValues, error)
	LatestDecisionYear(ctx context.Context, a review.Actor) (int, error)
}

var _ Backend = (*index.Desk)(nil)

// backend returns the backend in use: the office server's client when one is set, else the local desk.
func (svc *Services) backend() Backend {
	if svc.Remote != nil {
		return svc.Remote
	}
	return svc.Desk
}
