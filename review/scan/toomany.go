package scan

import "fmt"

// MaxFindings is the most findings (and the most attribute statements) one
// file may have: a draft with more is
// not a draft a secrecy officer can review finding by finding, and keeping
// each of them would cost memory in proportion to a hostile file's size.
const MaxFindings = 5000

// TooManyCode is the reason code of a file with more than MaxFindings findings.
const TooManyCode = "too-large"

// tooManyReason says in Chinese why a file with more than max findings was not checked.
func tooManyReason(max int) string {
	return fmt.Sprintf("无法检查：发现的疑似涉密、内部事项或个人信息超过 %d 处，超出上限：文件可能异常，请核对或拆分后再检查", max)
}
