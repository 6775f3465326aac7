package review

import (
	"strings"

	"prepub/review/extract"
	"prepub/review/scan"
)

// RetRedactionNotFound: a passage proposed for withholding that the draft does not contain.
const RetRedactionNotFound = "redaction-not-found"

// checkRedactionsFound returns a draft whose withheld passages are not in its
// text: the release copy could not remove them, and the reviewers would be
// deciding on words the document does not have. Passages are compared as the
// scan compares text (width, Traditional, spaces and line breaks), within one
// part; in a .docx, within one paragraph or table cell, since that is what the
// release copy can replace as a whole.
func checkRedactionsFound(out *Outcome, doc *extract.Document, dec Decision) {
	if doc == nil || len(dec.Redactions) == 0 {
		return
	}
	parts := make([]string, len(doc.Parts))
	var paragraphs []string
	for i, p := range doc.Parts {
		parts[i] = scan.Normalize(p.Text)
		if doc.Format == "docx" {
			for _, line := range strings.Split(p.Text, "\n") {
				paragraphs = append(paragraphs, scan.Normalize(line))
			}
		}
	}
	for i, red := range dec.Redactions {
		switch {
		case !passageIn(parts, red.Text):
			out.add(RetRedactionNotFound, "拟部分公开，但第 %d 处删除内容（%s）在草稿中找不到：请在正文中选中要删除的文字，或原样复制粘贴", i+1, Clip(red.Text, 20))
		case doc.Format == "docx" && !passageIn(paragraphs, red.Text):
			out.add(RetRedactionNotFound, "拟部分公开，但第 %d 处删除内容（%s）跨越了段落或表格单元格，发布稿无法整体替换：请按段落分别标出", i+1, Clip(red.Text, 20))
		}
	}
}

// passageIn reports whether one of the normalised parts holds the passage.
func passageIn(parts []string, passage string) bool {
	p := scan.Normalize(passage)
	if p == "" {
		return false
	}
	for _, text := range parts {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}
