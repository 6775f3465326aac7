package extract

// partNames are the Chinese names of the part kinds, as every screen and report shows them.
var partNames = map[PartKind]string{
	Body:       "正文",
	Header:     "页眉",
	Footer:     "页脚",
	Footnote:   "脚注/尾注",
	Comment:    "批注",
	Deleted:    "修订删除",
	Properties: "文档属性",
	Annotation: "批注/注释",
	Chart:      "图表",
}

// Name returns the part kind's Chinese name, such as 正文 for Body or 页眉 for
// Header; a kind this package does not define is returned as it is.
func (k PartKind) Name() string {
	if n, ok := partNames[k]; ok {
		return n
	}
	return string(k)
}
