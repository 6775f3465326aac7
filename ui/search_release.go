package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
)

// The archive record view exports a decision's release copy (发布稿): the
// one kept at its last signature, or one made from the original for a
// decision from before copies were kept. The desk says who may have it and,
// when there is none, why.

// onExportReleaseTapped fetches the release copy of the record on show off
// the UI goroutine, then asks where to save it or says why there is none.
func (s *SearchScreen) onExportReleaseTapped() {
	if s.record == nil {
		return
	}
	id, b, a := s.record.ID, s.svc.backend(), s.sess.Actor()
	s.export.Disable()
	go func() {
		c, err := b.ReleaseCopy(context.Background(), id, a)
		fyne.Do(func() {
			s.export.Enable()
			if err != nil {
				showError(s.win, lang.L("无法导出发布稿"), err, "")
			} else {
				s.saveRelease(c)
			}
			s.changed()
		})
	}()
}

// askSaveRelease shows the save dialog for a release copy.
func (s *SearchScreen) askSaveRelease(c *index.ReleaseCopy) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) { s.onReleaseChosen(w, err, c) }, s.win)
	d.SetFileName(c.Name)
	showFileDialog(d, s.win, lang.L("保存"), ".docx")
}

// onReleaseChosen writes the release copy to the file picked in the save dialog and says which copy it was.
func (s *SearchScreen) onReleaseChosen(w fyne.URIWriteCloser, err error, c *index.ReleaseCopy) {
	if err != nil {
		showError(s.win, lang.L("无法保存"), err, lang.L("无法打开所选位置：请换一个有写入权限的文件夹后重试。"))
		return
	}
	if w == nil {
		return // cancelled
	}
	path := w.URI().Path()
	go func() {
		_, err := w.Write(c.Data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		fyne.Do(func() {
			s.releaseWritten(path, c, err)
			s.changed()
		})
	}()
}

// releaseWritten says where the copy went and which copy it was, or why it could not be written.
func (s *SearchScreen) releaseWritten(path string, c *index.ReleaseCopy, err error) {
	if err != nil {
		showError(s.win, lang.L("导出失败"), err, fmt.Sprintf(lang.L("无法写入 %s：请换一个位置再试。"), path))
		return
	}
	which := lang.L("签发时存档的发布稿")
	if !c.Stored {
		which = lang.L("按档案中的原文件和删除内容重新生成的发布稿")
	}
	s.setStatus(fmt.Sprintf(lang.L("已导出%s：%s"), which, path), widget.SuccessImportance)
}
