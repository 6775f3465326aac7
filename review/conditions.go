package review

// conditionNames are the Chinese names of the route conditions, as the rules are shown to people.
var conditionNames = map[string]string{
	CondPublic:         "主动公开",
	CondOnRequest:      "依申请公开",
	CondWithheld:       "不予公开",
	CondImportant:      "重要信息",
	CondOrdinary:       "一般信息",
	CondPartial:        "部分不予公开",
	CondPolicy:         "政策性文件",
	CondSecrecyFinding: "保密检查有未处理的高风险或严重问题",
	CondAlways:         "每一份草稿",
}

// ConditionName returns the Chinese name of a route condition, or the condition itself when it has none.
func ConditionName(c string) string {
	if n, ok := conditionNames[c]; ok {
		return n
	}
	return c
}

// conditionList joins conditions by their Chinese names with 或.
func conditionList(cs []string) string {
	out := ""
	for i, c := range cs {
		if i > 0 {
			out += "或"
		}
		out += ConditionName(c)
	}
	return out
}
