package ui

import (
	"sync"

	"fyne.io/fyne/v2"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
)

// Services are the core the screens call: no rule is written in ui, every
// decision comes from review (through the desk) and every record from index.
type Services struct {
	Desk      *index.Desk    // submits drafts and applies actions (Desk.Rules are the rules in force)
	Archive   *index.Archive // search, re-review, report, accounts (Archive.Store)
	Scanner   *scan.Scanner
	Rules     *review.Rules
	RulesPath string        // the office's rules file, or "" for the embedded default
	Policy    *scan.Policy  // the office's keyword files and allow list in force, may be nil
	Remote    index.Backend // the office server's client; nil works on the local desk and archive
	// With the office server, its policy replaces Scanner, Rules, RulesPath and
	// Policy once downloaded (services_policy.go); mu guards them from then on.
	mu     sync.RWMutex
	office *review.Policy
}

// Session is who is signed in.
type Session struct {
	User index.User
}

// Actor is the signed-in user acting in their role.
func (s *Session) Actor() review.Actor {
	return review.Actor{User: s.User.Name, Role: s.User.Role}
}

// Screen is one tab of the main window.
type Screen interface {
	// Content returns the screen's widgets.
	Content() fyne.CanvasObject
	// Reload fetches fresh data (queues, lists) from the core; called when the tab is shown.
	Reload()
}

// formScreen is a screen whose form has a first field, where the keyboard goes when its tab is shown.
type formScreen interface {
	First() fyne.Focusable
}
