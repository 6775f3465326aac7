package review

import (
	"errors"
	"fmt"

	"prepub/review/extract"
)

// ReadAttachment decides from the file itself whether an attached policy
// interpretation can be read, the same way for the desk, the window and the
// command: readable when its text can be extracted, else the reason why not.
// A reader that panics is a file that could not be read, not a crash.
func ReadAttachment(name string, data []byte, lim extract.Limits) (a *Attachment) {
	a = &Attachment{File: name, Data: data}
	defer func() {
		if r := recover(); r != nil {
			a.Readable, a.Reason = false, fmt.Sprintf("读取时程序出错（%v）", r)
		}
	}()
	_, err := extract.Bytes(name, data, lim)
	var ue *extract.UnreadableError
	switch {
	case err == nil:
		a.Readable = true
	case errors.As(err, &ue):
		a.Reason = ue.Reason
	default:
		a.Reason = "无法读取"
	}
	return a
}
