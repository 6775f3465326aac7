package client

import (
	"context"

	"prepub/index"
	"prepub/review"
)

// Mine lists the drafts the signed-in person had a hand in, newest first: a
// clerk's own drafts, or the drafts a reviewer acted on.
func (c *Client) Mine(ctx context.Context, a review.Actor) ([]index.Record, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out []index.Record
	return out, c.getJSON(ctx, "/mine", &out)
}
