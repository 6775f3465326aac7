package extract

import "fmt"

// tooMuchText refuses a file whose text (in what, e.g. "PDF 中") is over the
// limit on extracted text, saying the limit.
func tooMuchText(what string, max int64) *UnreadableError {
	return unreadable("too-large", fmt.Sprintf("%s的文字过多（超过 %s），超出上限，请拆分后再检查", what, sizeText(max)), nil)
}

// tooManyParts refuses a file split into more text parts (pages, headers,
// notes) than the limit, saying the limit.
func tooManyParts(max int) *UnreadableError {
	return unreadable("too-large", fmt.Sprintf("文件中的页面、批注等文字部分过多（超过 %d 个），超出上限，请拆分后再检查", max), nil)
}

// sizeText writes a byte count for a Chinese message: "8 MB", "512 KB".
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	if n >= 1<<10 {
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// checkSize refuses a document over the limits on its text and its number of
// parts: the last guard, whatever the format, after each reader's own.
func checkSize(d *Document, lim Limits) error {
	if lim.MaxParts > 0 && len(d.Parts) > lim.MaxParts {
		return tooManyParts(lim.MaxParts)
	}
	if lim.MaxPartsBytes > 0 && int64(d.Len()) > lim.MaxPartsBytes {
		return tooMuchText("文件中", lim.MaxPartsBytes)
	}
	return nil
}
