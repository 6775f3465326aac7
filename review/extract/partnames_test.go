package extract_test

import (
	"testing"

	"prepub/review/extract"
)

// TestLabel ensures a part is named in words, never by a path inside the file.
func TestLabel(t *testing.T) {
	for _, tc := range []struct {
		kind extract.PartKind
		name string
		want string
	}{
		{extract.Body, "word/document.xml", "正文"},
		{extract.Deleted, "word/document.xml（修订删除）", "正文（修订删除）"},
		{extract.Body, "word/document.xml（隐藏文字）", "正文（隐藏文字）"},
		{extract.Header, "word/header2.xml", "页眉2"},
		{extract.Footer, "word/footer1.xml", "页脚1"},
		{extract.Comment, "word/comments.xml", "批注"},
		{extract.Chart, "word/charts/chart3.xml", "图表3"},
		{extract.Body, "第3页", "正文 第3页"},
		{extract.Body, "正文", "正文"},
		{extract.Properties, "文档属性", "文档属性"},
		{extract.Body, "", "正文"},
		{extract.Deleted, "word/header1.xml（修订删除）", "页眉1（修订删除）"},
		{extract.Chart, "word/diagrams/data2.xml", "图表2"},
	} {
		if got := extract.Label(tc.kind, tc.name); got != tc.want {
			t.Errorf("Label(%s, %q) = %q, want %q", tc.kind, tc.name, got, tc.want)
		}
	}
}
