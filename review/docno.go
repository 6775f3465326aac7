package review

import (
	"regexp"
	"strings"

	"prepub/review/extract"
)

// docNoPattern is a document number (发文字号, GB/T 9704-2012 7.2.4) at the
// start of a line: the issuing agency's code, the year in brackets, the
// number, 号, e.g. X政发〔2026〕12号. Typists use [] （） 【】 ［］ for 〔〕.
var docNoPattern = regexp.MustCompile(`^([\p{Han}A-Za-z0-9]{1,24})\s*[〔\[［(（【]\s*((?:19|20|21)\d{2})\s*[〕\]］)）】]\s*(第?\s*\d{1,6}\s*号)`)

// DocNumber returns the document number (文号) of a draft from its head
// lines, in its standard form with 〔〕 and no spaces, or "" when the draft
// carries none: many drafts are numbered only after they are signed. The
// number stands on its own line above the title (an up-bound document's 签发人
// may follow it); a number cited in a title or the body is not the draft's own.
func DocNumber(doc *extract.Document) string {
	for _, l := range headLines(doc, 8) {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "关于") || strings.HasSuffix(l, "：") || strings.HasSuffix(l, ":") {
			break // the title or the addressees: the number stands above them, in the header (版头)
		}
		m := docNoPattern.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		if rest := strings.TrimSpace(l[len(m[0]):]); rest != "" && !strings.HasPrefix(rest, "签发人") {
			continue // a title that cites a number (转发国办发〔2019〕12号文件的通知), not the number's own line
		}
		num := strings.Join(strings.Fields(m[3]), "")
		return m[1] + "〔" + m[2] + "〕" + num
	}
	return ""
}
