package ui

import (
	"context"

	"fyne.io/fyne/v2/lang"

	"prepub/index"
	"prepub/review"
)

// showDoc shows the text of the record with this ID: the due list does not
// carry texts, so the record is read in the background, the view cleared at once.
func (s *ReReviewScreen) showDoc(id int64) {
	if id == s.docID {
		return
	}
	s.docID = id
	s.doc.SetLoading(lang.L("正在读取…"))
	runLatest(&s.docLoad, func() func() {
		rec, err := s.svc.backend().Get(context.Background(), id)
		return func() {
			if id == s.docID {
				s.showRecordDoc(rec, err)
			}
		}
	})
}

// showRecordDoc puts a record's text in the view, or says why it cannot be read.
func (s *ReReviewScreen) showRecordDoc(r *index.Record, err error) {
	switch {
	case err != nil:
		s.doc.showMessage(lang.L("无法读取这份决定的正文：") + review.ErrorMessage(err))
	case r.Unreadable != "":
		s.doc.showMessage(lang.L("文件无法读取：") + r.Unreadable)
	default:
		in := docFromRecord(r, findingsInOrder(r.Findings, findingOrder(r.Findings)))
		in.original = s.svc.originalFile(r.ID)
		s.doc.show(in)
	}
}
