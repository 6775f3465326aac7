package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"

	"prepub/ui"
)

// TestSearchScreen_ReloadKeepsRecord ensures the periodic reload of the
// search leaves the record being read open, with its place in the text,
// while a fresh search (检索) starts over.
func TestSearchScreen_ReloadKeepsRecord(t *testing.T) {
	svc := rqServices(t)
	rqImportCorpus(t, svc, 2025)
	s, w := officeWindow(t, func(w fyne.Window) *ui.SearchScreen { return ui.NewSearchScreen(w, svc, officeDisclosure) })
	if err := s.Search(); err != nil || len(s.Hits()) < 2 {
		t.Fatalf("search: %v %d hits", err, len(s.Hits()))
	}
	id := s.Hits()[1].ID
	if err := s.Show(id); err != nil {
		t.Fatal(err)
	}
	s.Doc().Select(0)
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	s.Reload()
	rqWait(t, done)
	if r := s.Record(); r == nil || r.ID != id {
		t.Fatalf("record on show after the reload: %v, want %d", r, id)
	}
	if !rqShows(w, "编号：") || s.Doc().Selected() != 0 {
		t.Errorf("the record was closed or its text reset: selected finding %d", s.Doc().Selected())
	}

	search := rqButton(t, w.Content(), "检索")
	search.OnTapped()
	rqWait(t, done)
	if s.Record() != nil {
		t.Error("a fresh search kept the old record open")
	}
}

// TestQueueScreen_ReloadKeepsPlace ensures a reload of the queue leaves the
// draft on show where it was in its text.
func TestQueueScreen_ReloadKeepsPlace(t *testing.T) {
	svc := rqServices(t)
	secret := rqSubmitSecret(t, svc)
	s, _ := rqQueue(t, svc, rqSecrecy)
	s.Select(secret.ID)
	s.Doc().Select(0)
	done := make(chan struct{}, 1)
	s.OnChanged = func() { done <- struct{}{} }
	s.Reload()
	rqWait(t, done)
	if s.Selected() == nil || s.Selected().ID != secret.ID || s.Doc().Selected() != 0 {
		t.Errorf("after a reload: draft %v, selected finding %d", s.Selected(), s.Doc().Selected())
	}
}
