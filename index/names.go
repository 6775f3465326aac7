package index

import "prepub/review"

// The Chinese names of the actions a record's history and the audit chain
// hold, for what is printed and said to people (review names the states,
// roles, attributes and bases).

// actionNames are the Chinese names of the actions in a history or the audit chain.
var actionNames = map[string]string{
	review.ActionSubmit:   "提交",
	review.ActionConfirm:  "确认",
	review.ActionClear:    "排除误报",
	review.ActionApprove:  "审核通过",
	review.ActionSign:     "签发",
	review.ActionReturn:   "退回",
	review.ActionResubmit: "重新提交",
	"import":              "导入",
	ActionKeep:            "年度复查维持原决定",
	ActionConvert:         "年度复查转为主动公开",
	// Recorded by the public catalogue and the validity marks.
	"catalogue":         "编入公开目录",
	"catalogue-correct": "更正公开目录",
	ActionReleaseCopy:   "生成发布稿",
	"repeal":            "标注废止",
	"expire":            "标注失效",
	"reinstate":         "恢复有效",
}

// ActionName returns an action's Chinese name, e.g. 签发 for sign.
func ActionName(action string) string {
	if n, ok := actionNames[action]; ok {
		return n
	}
	return action
}
