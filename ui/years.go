package ui

import (
	"context"

	"prepub/index"
	"prepub/review"
)

// yearToOpen is the year a yearly screen (catalogue, report) opens on: the
// latest year that has decisions, else current.
func yearToOpen(b index.Backend, who review.Actor, current int) (int, error) {
	latest, err := b.LatestDecisionYear(context.Background(), who)
	if err != nil {
		return current, err
	}
	if latest > 0 {
		return latest, nil
	}
	return current, nil
}
