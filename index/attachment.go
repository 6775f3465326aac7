package index

import (
	"prepub/review"
	"prepub/review/extract"
)

// attachment decides, from the file itself, whether a draft's policy
// interpretation was attached and can be read; what a client says of it is
// not trusted. A resubmission without the file keeps what was decided of the
// same file before (prev); anything else without its file is not attached.
func attachment(prev, in *review.Attachment) *review.Attachment {
	if in == nil || in.File == "" && in.Data == nil {
		return nil
	}
	out := &review.Attachment{File: in.File}
	switch {
	case in.Data == nil && prev != nil && prev.File == in.File:
		out.Readable, out.Reason = prev.Readable, prev.Reason
	case in.Data == nil:
		out.Reason = "解读材料没有随草稿一同提交"
	default:
		read := review.ReadAttachment(in.File, in.Data, extract.DefaultLimits())
		out.Readable, out.Reason = read.Readable, read.Reason
	}
	return out
}
