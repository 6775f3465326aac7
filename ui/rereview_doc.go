package ui

import (
	"context"
	"fmt"

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
		rec, err := s.readRecord(id)
		return func() {
			if id == s.docID {
				s.showRecordDoc(rec, err)
			}
		}
	})
}

// readRecord reads a record off the UI goroutine; a panic in the backend becomes an error.
func (s *ReReviewScreen) readRecord(id int64) (rec *index.Record, err error) {
	defer func() {
		if r := recover(); r != nil {
			rec, err = nil, fmt.Errorf(lang.L("读取记录时程序出错：%v"), r)
		}
	}()
	return s.svc.backend().Get(context.Background(), s.sess.Actor(), id)
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
		in.original = s.svc.originalFile(r.ID, s.sess.Actor())
		s.doc.show(in)
	}
}
