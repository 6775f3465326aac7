package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/index"
	"prepub/review"
)

// refreshHits shows the results of a search run again while a record is
// open: the record, its text and where it was scrolled stay on show, its row
// stays selected when it is still found, and the list is not scrolled. A
// failed refresh only says so.
func (s *SearchScreen) refreshHits(hits []index.Hit, err error) {
	if err != nil {
		fyne.LogError("search refresh", err)
		s.setStatus(lang.L("刷新检索结果失败：")+review.ErrorMessage(err), widget.DangerImportance)
		return
	}
	s.hits = hits
	s.masked = map[int64]string{}
	selected := s.list.OnSelected
	s.list.OnSelected = nil // the record is open already: selecting its row must not read it again
	s.list.UnselectAll()
	for i, h := range hits {
		if h.ID == s.record.ID {
			s.list.Select(i)
		}
	}
	s.list.OnSelected = selected
	s.list.Refresh()
	s.showSnippet()
	s.setStatus(fmt.Sprintf(lang.L("找到 %d 条记录（最多列出 50 条）。"), len(hits)), widget.MediumImportance)
}
