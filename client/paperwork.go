package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"prepub/index"
	"prepub/review"
)

// The disclosure office's paperwork through the server; the actor must be
// the signed-in person (session.go), whose role the server checks.

// Sheet returns a draft's record and the verification code of exactly that state, to print its sign-off sheet.
func (c *Client) Sheet(ctx context.Context, a review.Actor, id int64) (*index.Record, string, error) {
	if err := c.as(a); err != nil {
		return nil, "", err
	}
	var out struct {
		Record *index.Record
		Code   string
	}
	if err := c.getJSON(ctx, fmt.Sprintf("/records/%d/sheet", id), &out); err != nil {
		return nil, "", err
	}
	if out.Record == nil {
		return nil, "", &review.Error{Code: review.ErrInternal, Message: "服务器没有返回记录"}
	}
	return out.Record, out.Code, nil
}

// CatalogueEntries lists a year's public catalogue entries.
func (c *Client) CatalogueEntries(ctx context.Context, a review.Actor, year int) ([]index.CatalogueEntry, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out []index.CatalogueEntry
	return out, c.getJSON(ctx, fmt.Sprintf("/catalogue?year=%d", year), &out)
}

// CorrectCatalogue corrects one field of a record's catalogue entry.
func (c *Client) CorrectCatalogue(ctx context.Context, a review.Actor, id int64, field, value, note string) (*index.CatalogueEntry, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out index.CatalogueEntry
	if err := c.sendJSON(ctx, "PATCH", fmt.Sprintf("/catalogue/%d", id), map[string]string{"field": field, "value": value, "note": note}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// SetValidity marks a decided document repealed, expired or in force again from a day.
func (c *Client) SetValidity(ctx context.Context, a review.Actor, id int64, status, since, note string) (*index.ValidityMark, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out index.ValidityMark
	if err := c.postJSON(ctx, fmt.Sprintf("/records/%d/validity", id), map[string]string{"status": status, "since": since, "note": note}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ReportValues returns the annual report's items typed in for a year.
func (c *Client) ReportValues(ctx context.Context, a review.Actor, year int) (index.ReportValues, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out struct{ Values index.ReportValues }
	return out.Values, c.getJSON(ctx, fmt.Sprintf("/report/values?year=%d", year), &out)
}

// SetReportValues keeps items typed in for a year: empty clears one, those not given stay.
func (c *Client) SetReportValues(ctx context.Context, a review.Actor, year int, values map[string]string) (index.ReportValues, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out struct{ Values index.ReportValues }
	return out.Values, c.sendJSON(ctx, "PUT", fmt.Sprintf("/report/values?year=%d", year), map[string]any{"values": values}, &out)
}

// LatestDecisionYear returns the year of the server archive's latest decision, 0 when none.
func (c *Client) LatestDecisionYear(ctx context.Context, a review.Actor) (int, error) {
	if err := c.as(a); err != nil {
		return 0, err
	}
	var out struct{ Year int }
	return out.Year, c.getJSON(ctx, "/report/latest-year", &out)
}

// sendJSON sends a JSON body with a method other than POST.
func (c *Client) sendJSON(ctx context.Context, method, path string, in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return c.do(ctx, method, path, "application/json", bytes.NewReader(b), out)
}
