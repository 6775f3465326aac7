package release

import (
	"bytes"

	"prepub/review"
)

// notDOCX says plainly, in Chinese, that a release copy needs the .docx source, naming what the file is instead.
func notDOCX(data []byte, ofd bool) error {
	what := "不是 .docx 文件（文件已损坏，或扩展名与内容不符）"
	switch {
	case ofd:
		what = "是 OFD 版式文件"
	case bytes.HasPrefix(data, []byte("%PDF")):
		what = "是 PDF 文件"
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		what = "是 Word 97–2003（.doc）、WPS（.wps）或加密的文件"
	case len(data) == 0:
		what = "是空文件"
	}
	return review.Errorf(review.ErrUnreadable, "这个文件%s。发布稿需要起草时的 .docx 原稿：请用 Word 或 WPS 打开原稿，“另存为” .docx 后再生成发布稿", what)
}
