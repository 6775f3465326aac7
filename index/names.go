package index

import "prepub/review"

// The Chinese names of the workflow states and of the actions a record's
// history and the audit chain hold, for what is printed and said to people.
// (review names roles and attributes; it keeps no exported names for these.)

// stateNames are the Chinese names of the workflow states.
var stateNames = map[review.State]string{
	review.StateDraft:         "草稿",
	review.StateSecrecyReview: "审查中：待保密审查",
	review.StateLegalReview:   "审查中：待法制机构审查",
	review.StateDeputySignOff: "审查中：待分管负责人签发",
	review.StatePrincipalSign: "审查中：待主要负责人审批",
	review.StateReturned:      "已退回起草人",
	review.StatePublished:     "已决定：主动公开",
	review.StateOnRequest:     "已决定：依申请公开",
	review.StateWithheldFinal: "已决定：不予公开",
}

// StateName returns a workflow state's Chinese name, e.g. 审查中：待保密审查 or 已决定：不予公开.
func StateName(st review.State) string {
	if n, ok := stateNames[st]; ok {
		return n
	}
	return string(st)
}

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
