package extract

import "strings"

// storySinks gathers a word-processing story's text into three texts — what a
// reader sees, what is formatted hidden (vanish), and what tracked changes
// deleted — each with its own line breaks. The .docx and .doc readers share it.
type storySinks struct {
	visible, vanished, deleted                strings.Builder
	wroteVisible, wroteVanished, wroteDeleted bool // in the current paragraph
}

// sink returns where text goes, deleted winning over hidden, and notes that the paragraph wrote there.
func (s *storySinks) sink(deleted, hidden bool) *strings.Builder {
	switch {
	case deleted:
		s.wroteDeleted = true
		return &s.deleted
	case hidden:
		s.wroteVanished = true
		return &s.vanished
	}
	s.wroteVisible = true
	return &s.visible
}

// endParagraph ends the paragraph in the visible text and in each other text it wrote to.
func (s *storySinks) endParagraph() {
	s.visible.WriteByte('\n')
	if s.wroteVanished {
		s.vanished.WriteByte('\n')
	}
	if s.wroteDeleted {
		s.deleted.WriteByte('\n')
	}
	s.wroteVisible, s.wroteVanished, s.wroteDeleted = false, false, false
}

// size returns the bytes held in the three texts together.
func (s *storySinks) size() int {
	return s.visible.Len() + s.vanished.Len() + s.deleted.Len()
}
