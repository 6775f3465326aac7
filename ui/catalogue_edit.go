package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// What the disclosure office changes in the catalogue: a field of an entry
// corrected, or the document's validity marked, each through the backend's
// audited method; a refusal is shown with the core's Chinese message.

// FieldEntry returns the entry of a correctable field (index.CatalogueFields) of the entry on show.
func (s *CatalogueScreen) FieldEntry(key string) *widget.Entry { return s.fields[key] }

// Correct keeps every field of the entry on show that was changed, one
// audited correction each with the note, and shows the catalogue again
// before returning; call it on the UI goroutine. It stops at the first the
// core refuses, whose Chinese message is shown.
func (s *CatalogueScreen) Correct() error {
	id, edits, note, who, year := s.current, s.edits(), s.note.Text, s.sess.Actor(), s.Year()
	s.pending++
	n, err := s.applyCorrections(who, id, edits, note)
	s.finish(lang.L("更正公开目录"), err, fmt.Sprintf(lang.L("已更正 %d 个字段，已记入办理记录和审计链。"), n), s.fetch(who, year))
	return err
}

// SetValidity marks the document of the entry on show repealed, expired or
// in force again (index.Repealed, index.Expired, index.InForce) from since
// (YYYY-MM-DD; empty: today), and shows the catalogue again before
// returning; call it on the UI goroutine.
func (s *CatalogueScreen) SetValidity(status, since, note string) error {
	who, year := s.sess.Actor(), s.Year()
	s.pending++
	_, err := s.svc.backend().SetValidity(context.Background(), who, s.current, status, since, note)
	s.finish(lang.L("标注有效性"), err, catalogueValidityDone(status), s.fetch(who, year))
	return err
}

// edits returns the fields of the entry on show whose text differs from the entry's, in the catalogue's order.
func (s *CatalogueScreen) edits() [][2]string {
	e := s.Selected()
	if e == nil {
		return nil
	}
	was := catalogueValues(e)
	var out [][2]string
	for _, f := range index.CatalogueFields {
		if v := s.fields[f.Key].Text; strings.TrimSpace(v) != was[f.Key] {
			out = append(out, [2]string{f.Key, v})
		}
	}
	return out
}

// catalogueValues returns an entry's correctable fields, by key.
func catalogueValues(e *index.CatalogueEntry) map[string]string {
	return map[string]string{index.FieldTitle: e.Title, index.FieldPublisher: e.Publisher, index.FieldDocNo: e.DocNo,
		index.FieldWritten: e.Written, index.FieldPublished: e.Published, index.FieldCategory: e.Category}
}

// applyCorrections sends each changed field to the core; it returns how many were kept.
func (s *CatalogueScreen) applyCorrections(who review.Actor, id int64, edits [][2]string, note string) (int, error) {
	if id == 0 {
		return 0, review.Errorf(review.ErrInvalid, "%s", lang.L("请先选择一条目录"))
	}
	if len(edits) == 0 {
		return 0, review.Errorf(review.ErrInvalid, "%s", lang.L("没有改动需要更正：请先修改字段"))
	}
	for i, f := range edits {
		if _, err := s.svc.backend().CorrectCatalogue(context.Background(), who, id, f[0], f[1], note); err != nil {
			return i, err
		}
	}
	return len(edits), nil
}

// catalogueValidityDone says what a validity mark did.
func catalogueValidityDone(status string) string {
	switch status {
	case index.Repealed:
		return lang.L("已标为废止，已记入办理记录和审计链。")
	case index.Expired:
		return lang.L("已标为失效，已记入办理记录和审计链。")
	}
	return lang.L("已恢复有效，已记入办理记录和审计链。")
}

// finish shows the outcome of a correction or mark: the refusal in a dialog, or what was done, and the fresh catalogue.
func (s *CatalogueScreen) finish(what string, err error, done string, d catalogueData) {
	s.show(d)
	if err != nil {
		showRefused(s.win, s.status, what, err)
		return
	}
	s.note.SetText("")
	s.setStatus(done, widget.SuccessImportance)
}

// onCorrectTapped keeps the changed fields off the UI goroutine and shows the outcome.
func (s *CatalogueScreen) onCorrectTapped() {
	id, edits, note, who, year := s.current, s.edits(), s.note.Text, s.sess.Actor(), s.Year()
	s.correct.Disable()
	runLatest(&s.pending, func() func() {
		n, err := s.applyCorrections(who, id, edits, note)
		d := s.fetch(who, year)
		return func() {
			s.correct.Enable()
			s.finish(lang.L("更正公开目录"), err, fmt.Sprintf(lang.L("已更正 %d 个字段，已记入办理记录和审计链。"), n), d)
			s.changed()
		}
	})
}

// askValidity asks from which day and why, then marks the document off the UI goroutine.
func (s *CatalogueScreen) askValidity(status string) {
	id, who, year := s.current, s.sess.Actor(), s.Year()
	m := newModal(s.win)
	since := newDateField(s.win, lang.L("日期"), m)
	since.Entry().SetText(time.Now().Format(officeDateLayout))
	note := m.entry(true)
	note.SetPlaceHolder(lang.L("依据或说明，如：已被县政发〔2026〕5号文件替代"))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("自何日起"), since), widget.NewFormItem(lang.L("说明"), note)}
	title := map[string]string{index.Repealed: lang.L("标为废止"), index.Expired: lang.L("标为失效"), index.InForce: lang.L("恢复有效")}[status]
	d := dialog.NewForm(title, lang.L("确定"), lang.L("取消"), items, func(ok bool) {
		if !ok {
			return
		}
		day, text := strings.TrimSpace(since.Entry().Text), note.Text
		runLatest(&s.pending, func() func() {
			_, err := s.svc.backend().SetValidity(context.Background(), who, id, status, day, text)
			d := s.fetch(who, year)
			return func() {
				s.finish(lang.L("标注有效性"), err, catalogueValidityDone(status), d)
				s.changed()
			}
		})
	}, s.win)
	d.Resize(fyne.NewSize(480, 300))
	m.show(d, since.entry)
}
