package review

import "prepub/review/scan"

// SecrecyApproveRefusal says why the secrecy officer may not pass a draft
// with this decision yet, or returns nil when they may: every high or
// critical finding must be confirmed or cleared first, and a draft confirmed
// to hold a state secret must be withheld. The desk refuses with it, and the
// window says it before the officer types an opinion.
func SecrecyApproveRefusal(d Draft, dec Decision) error {
	if open := Unresolved(d); len(open) > 0 {
		return Errorf(ErrConflict, "还有 %d 条高风险或严重的检查结果未确认或排除：请逐条处理后再通过", len(open))
	}
	if confirmedSecret(d) && dec.Attribute != Withheld {
		return Errorf(ErrConflict, "已确认文件属于国家秘密，不得%s：请退回起草人改为不予公开", dec.Attribute.Chinese())
	}
	return nil
}

// confirmedSecret reports whether the secrecy officer confirmed a classification marking of the draft.
func confirmedSecret(d Draft) bool {
	for i, r := range d.Resolutions {
		if i < len(d.Report.Findings) && r.Confirmed && d.Report.Findings[i].Category == scan.CatMarking {
			return true
		}
	}
	return false
}
