package release

import (
	"strings"

	"prepub/review"
)

// regulations is the full name of the law the bases' articles belong to.
const regulations = "《中华人民共和国政府信息公开条例》"

// Note returns the bracketed note that stands where a passage was withheld,
// naming its basis's article, e.g. ［此处依据《中华人民共和国政府信息公开条例》第十五条不予公开］.
// A basis that is an annual-report category rather than an article is named instead.
func Note(b review.Basis) string {
	if strings.HasPrefix(b.Article, "第") {
		return "［此处依据" + regulations + b.Article + "不予公开］"
	}
	return "［此处" + b.Name + "，不予公开］"
}
