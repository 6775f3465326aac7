package ui

import (
	"sort"

	"fyne.io/fyne/v2/widget"

	"prepub/review/scan"
)

// Columns of a findings table.
const (
	colSeverity = iota
	colCategory
	colPlace
	colHidden
	colText
	colNote
	numCols
)

// colTitles are the findings table's column headings.
var colTitles = [numCols]string{"严重程度", "类别", "位置", "隐藏", "文字", "说明"}

// cellText is what a findings table shows of a finding in a column.
func cellText(f scan.Finding, col int) string {
	switch col {
	case colSeverity:
		return f.Severity.Chinese()
	case colCategory:
		return categoryName(f.Category)
	case colPlace:
		return place(f)
	case colHidden:
		return yesNo(f.Hidden)
	case colText:
		return f.Text
	case colNote:
		return f.Note
	}
	return ""
}

// severityImportance colours a severity: red for critical, amber for high.
func severityImportance(s scan.Severity) widget.Importance {
	switch s {
	case scan.Critical:
		return widget.DangerImportance
	case scan.High:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// verdictImportance colours a verdict: red for unreadable or critical, amber for high, green otherwise.
func verdictImportance(fr *scan.FileReport) widget.Importance {
	if fr.Status == scan.StatusUnreadable {
		return widget.DangerImportance
	}
	if fr.Worst == scan.Critical || fr.Worst == scan.High {
		return severityImportance(fr.Worst)
	}
	return widget.SuccessImportance
}

// findingOrder returns the indices of findings, strongest first, as every list of them shows them.
func findingOrder(fs []scan.Finding) []int {
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return fs[order[a]].Severity.Rank() > fs[order[b]].Severity.Rank() })
	return order
}

// findingsInOrder returns the findings in the order findingOrder gives.
func findingsInOrder(fs []scan.Finding, order []int) []scan.Finding {
	out := make([]scan.Finding, len(order))
	for k, i := range order {
		out[k] = fs[i]
	}
	return out
}
