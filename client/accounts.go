package client

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"

	"prepub/index"
)

// EditUser changes an account's role, department or whether it is disabled (administrator only).
func (c *Client) EditUser(ctx context.Context, name string, ch index.AccountChange, by string) (*index.User, error) {
	if err := c.asName(by); err != nil {
		return nil, err
	}
	b, err := json.Marshal(ch)
	if err != nil {
		return nil, err
	}
	var out index.User
	if err := c.do(ctx, "PATCH", "/users/"+url.PathEscape(name), "application/json", bytes.NewReader(b), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ResetPassword gives an account a new password (administrator only).
func (c *Client) ResetPassword(ctx context.Context, name, password, by string) error {
	if err := c.asName(by); err != nil {
		return err
	}
	return c.postJSON(ctx, "/users/"+url.PathEscape(name)+"/password", map[string]string{"password": password}, nil)
}

// ChangePassword changes the signed-in person's own password, given the old one.
func (c *Client) ChangePassword(ctx context.Context, name, old, new string) error {
	if err := c.asName(name); err != nil {
		return err
	}
	return c.postJSON(ctx, "/password", map[string]string{"old": old, "new": new}, nil)
}
