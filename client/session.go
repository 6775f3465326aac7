package client

import (
	"prepub/index"
	"prepub/review"
)

// The server knows the caller by the session, never by what a request says;
// the client still takes the person each call is made for, as the local desk
// does, and refuses a call made for anyone but the person signed in, so a
// screen can never act in someone else's name.

// errNotSignedIn is the refusal of a call made for someone other than the signed-in person.
var errNotSignedIn = review.Errorf(review.ErrUnauthorized, "登录已失效或已换了账号，请重新登录")

// signedIn returns the account signed in on this client, empty before a sign-in.
func (c *Client) signedIn() index.User {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.user
}

// as refuses unless the actor is the signed-in person in their role.
func (c *Client) as(a review.Actor) error {
	if u := c.signedIn(); u.Name == "" || u.Name != a.User || u.Role != a.Role {
		return errNotSignedIn
	}
	return nil
}

// asName refuses unless name is the signed-in person's.
func (c *Client) asName(name string) error {
	if u := c.signedIn(); u.Name == "" || u.Name != index.UserName(name) {
		return errNotSignedIn
	}
	return nil
}
