package ui

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/review"
	"prepub/review/extract"
)

// onOpenTapped asks for a draft and opens it.
func (s *ClerkScreen) onOpenTapped() {
	showFileDialog(dialog.NewFileOpen(s.onDraftChosen, s.win), s.win, lang.L("打开"), extract.Extensions...)
}

// onDraftChosen opens the draft picked in the open dialog.
func (s *ClerkScreen) onDraftChosen(r fyne.URIReadCloser, err error) {
	if path, ok := clerkChosen(s.win, r, err); ok {
		s.Open(path)
	}
}

// onAttachTapped asks for the policy interpretation material.
func (s *ClerkScreen) onAttachTapped() {
	showFileDialog(dialog.NewFileOpen(s.onAttachmentChosen, s.win), s.win, lang.L("附上"), extract.Extensions...)
}

// onAttachmentChosen reads the interpretation picked in the dialog.
func (s *ClerkScreen) onAttachmentChosen(r fyne.URIReadCloser, err error) {
	if path, ok := clerkChosen(s.win, r, err); ok {
		s.Attach(path)
	}
}

// Attach reads the policy interpretation at path in the background, to know whether it is readable.
func (s *ClerkScreen) Attach(path string) {
	s.attachLabel.Importance = widget.MediumImportance
	s.attachLabel.SetText(lang.L("正在读取 ") + filepath.Base(path) + "…")
	s.attachLabel.Show()
	go func() {
		a := s.readAttachment(path)
		fyne.Do(func() {
			s.setAttachment(a)
			s.recheck()
		})
	}()
}

// AttachNow reads the policy interpretation at path and checks the form before returning; call it on the UI goroutine.
func (s *ClerkScreen) AttachNow(path string) {
	s.setAttachment(s.readAttachment(path))
	s.recheck()
}

// readAttachment reads a file to know whether its text can be read (review.ReadAttachment); it touches no widget.
func (s *ClerkScreen) readAttachment(path string) *review.Attachment {
	data, err := os.ReadFile(path)
	if err != nil {
		return &review.Attachment{File: filepath.Base(path), Reason: lang.L("无法打开此文件，请确认文件存在且有读取权限")}
	}
	return review.ReadAttachment(filepath.Base(path), data, s.limits)
}

// setAttachment keeps the interpretation and says what it is.
func (s *ClerkScreen) setAttachment(a *review.Attachment) {
	s.interp = a
	s.attachLabel.Show()
	switch {
	case a == nil || a.File == "":
		s.attachLabel.SetText("")
		s.attachLabel.Hide()
	case a.Readable:
		s.attachLabel.Importance = widget.SuccessImportance
		s.attachLabel.SetText(lang.L("已附政策解读：") + a.File)
	default:
		s.attachLabel.Importance = widget.DangerImportance
		s.attachLabel.SetText(fmt.Sprintf(lang.L("政策解读 %s 无法读取（%s）：请换一个可读取的文件"), a.File, a.Reason))
	}
}

// clerkChosen returns the local path picked in an open dialog, showing the error when there is one.
func clerkChosen(win fyne.Window, r fyne.URIReadCloser, err error) (string, bool) {
	if err != nil {
		showError(win, lang.L("无法打开"), err, lang.L("无法打开所选文件：请确认文件存在且有读取权限后重试。"))
		return "", false
	}
	if r == nil {
		return "", false // cancelled
	}
	return chosenPath(r), true
}
