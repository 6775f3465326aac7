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
// scan compares text (width, Traditional, spaces and line breaks), within one part.
func checkRedactionsFound(out *Outcome, doc *extract.Document, dec Decision) {
	if doc == nil || len(dec.Redactions) == 0 {
		return
	}
	parts := make([]string, len(doc.Parts))
	for i, p := range doc.Parts {
		parts[i] = scan.Normalize(p.Text)
	}
	for i, red := range dec.Redactions {
		if !passageIn(parts, red.Text) {
			out.add(RetRedactionNotFound, "拟部分公开，但第 %d 处删除内容（%s）在草稿中找不到：请在正文中选中要删除的文字，或原样复制粘贴", i+1, Clip(red.Text, 20))
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
