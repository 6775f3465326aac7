package scan

import "fmt"

// attributeNames are the Chinese names of the disclosure attributes.
var attributeNames = map[string]string{"public": "主动公开", "on-request": "依申请公开", "withheld": "不予公开"}

// AttributeName returns the Chinese name of a disclosure attribute code.
func AttributeName(a string) string {
	if n, ok := attributeNames[a]; ok {
		return n
	}
	return a
}

// checkStatements adds an attribute-mismatch finding for each statement in
// the text that declares another attribute than the one chosen.
func (s *Scanner) checkStatements(res *Result, attr string) {
	if attr == "" {
		return
	}
	for _, st := range res.Statements {
		if st.Attribute == attr {
			continue
		}
		res.Findings = append(res.Findings, Finding{
			Category: CatAttributeMismatch, Severity: High, Text: st.Text, Normalized: Normalize(st.Text),
			Part: st.Part, PartName: st.PartName, Hidden: st.Hidden, Offset: st.Offset, Line: st.Line,
			Note: fmt.Sprintf("正文写明“%s”（%s），与所选公开属性“%s”不一致：请修改正文或所选属性",
				st.Text, AttributeName(st.Attribute), AttributeName(attr)),
		})
	}
}
