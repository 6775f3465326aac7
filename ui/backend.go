package ui

import "prepub/index"

// backend returns the backend in use: the office server's client when one is set, else the local desk.
func (svc *Services) backend() index.Backend {
	if svc.Remote != nil {
		return svc.Remote
	}
	return svc.Desk
}
