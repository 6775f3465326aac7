package review

import (
	"errors"

	"prepub/review/extract"
)

// ReadAttachment decides from the file itself whether an attached policy
// interpretation can be read, the same way for the desk, the window and the
// command: readable when its text can be extracted, else the reason why not.
func ReadAttachment(name string, data []byte, lim extract.Limits) *Attachment {
	a := &Attachment{File: name, Data: data}
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
