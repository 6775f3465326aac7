package index

import (
	"context"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/width"

	"prepub/review"
)

// A sign-off sheet (审查表) carries a verification code: the first digits of
// the hash of the audit entry that last changed its draft. The archive then
// answers, for a code read off paper, whether it still holds exactly the
// decision that sheet shows: the entry exists, the chain verifies, and the
// draft's row still has that entry's content hash.

// codeDigits is how many hex digits of an entry's hash a code carries: 64 bits.
const codeDigits = 16

// Outcomes of checking a verification code (CodeResult.Status).
const (
	CodeValid   = "valid"   // the archive holds exactly what the sheet shows
	CodeUnknown = "unknown" // no audit entry has this code
	CodeChanged = "changed" // the draft changed after the sheet was printed
	CodeDeleted = "deleted" // the draft is no longer in the archive
	CodeBroken  = "broken"  // the audit chain does not verify, so nothing can be vouched for
)

// CodeResult is the answer for a verification code read off a sheet.
type CodeResult struct {
	OK      bool         `json:"ok"`
	Status  string       `json:"status"` // one of the Code* outcomes
	Code    string       `json:"code"`   // as printed: XXXX-XXXX-XXXX-XXXX
	DraftID int64        `json:"draft_id,omitempty"`
	Title   string       `json:"title,omitempty"`
	State   review.State `json:"state,omitempty"`  // the draft's state now
	Entry   *AuditEntry  `json:"entry,omitempty"`  // the entry the sheet was printed for
	Latest  *AuditEntry  `json:"latest,omitempty"` // the draft's last entry, when it changed since
	Message string       `json:"message"`          // Chinese: what holds, or what does not
}

// FormatCode returns the verification code of an audit entry's hash: its
// first 16 hex digits, upper case, in groups of four (1A2B-3C4D-5E6F-7A8B).
func FormatCode(hash string) string {
	h := strings.ToUpper(hash)
	if len(h) > codeDigits {
		h = h[:codeDigits]
	}
	var b strings.Builder
	for i := 0; i < len(h); i += 4 {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(h[i:min(i+4, len(h))])
	}
	return b.String()
}

// ParseCode reads a verification code as a person types it (any case,
// full-width or half-width, with or without dashes and spaces) and returns
// its hex digits in lower case, or an ErrInvalid error.
func ParseCode(s string) (string, error) {
	var b strings.Builder
	for _, r := range width.Narrow.String(s) {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'f':
			b.WriteRune(r)
		case r >= 'A' && r <= 'F':
			b.WriteRune(r + 'a' - 'A')
		case r == '-' || r == ' ' || r == '\t' || r == '\u2014' || r == '\u2010' || r == '\u2013':
		default:
			return "", review.Errorf(review.ErrInvalid, "验证码 %q 中有不该出现的字符 %q：验证码由 0–9、A–F 组成，如 1A2B-3C4D-5E6F-7A8B", s, r)
		}
	}
	if b.Len() != codeDigits {
		return "", review.Errorf(review.ErrInvalid, "验证码 %q 应为 %d 位（0–9、A–F），如 1A2B-3C4D-5E6F-7A8B；现在是 %d 位", s, codeDigits, b.Len())
	}
	return b.String(), nil
}

// SheetRecord returns a draft as it is now with the verification code of
// exactly that state. A draft whose row does not match its last audit entry
// (changed outside the program) gets no code.
func (s *Store) SheetRecord(ctx context.Context, id int64) (*Record, string, error) {
	for try := 0; try < 3; try++ { // a write between the two reads: read again
		r, err := s.draftRow(ctx, id)
		if err != nil {
			return nil, "", err
		}
		e, err := s.lastAudit(ctx, id)
		if err != nil {
			return nil, "", err
		}
		if e == nil {
			return nil, "", review.Errorf(review.ErrConflict, "记录 %d 没有对应的审计条目（绕过程序写入），不能出具审查表：请运行 prepubctl verify 核对", id)
		}
		if e.ContentHash == r.contentHash() {
			rec, err := r.record()
			if err != nil {
				return nil, "", storeErr(fmt.Sprintf("记录 %d 已损坏", id), err)
			}
			return rec, FormatCode(e.Hash), nil
		}
	}
	return nil, "", review.Errorf(review.ErrConflict, "记录 %d 与审计链最后一条不符（在程序之外被修改），不能出具审查表：请运行 prepubctl verify 核对", id)
}

// SheetCode returns the verification code of a draft as it is now.
func (a *Archive) SheetCode(ctx context.Context, id int64) (string, error) {
	_, code, err := a.Store.SheetRecord(ctx, id)
	return code, err
}

// VerifyCode checks a verification code read off a sheet. The result says
// whether the archive still holds exactly the decision the sheet shows, and
// if not, why; an error means the code is malformed (ErrInvalid) or the
// archive could not be read.
func (s *Store) VerifyCode(ctx context.Context, code string) (*CodeResult, error) {
	hex, err := ParseCode(code)
	if err != nil {
		return nil, err
	}
	res := &CodeResult{Code: FormatCode(hex)}
	entries, err := s.auditByHashPrefix(ctx, hex)
	if err != nil {
		return nil, err
	}
	if len(entries) != 1 || entries[0].DraftID == 0 {
		res.Status = CodeUnknown
		res.Message = fmt.Sprintf("验证码 %s 无效：档案库中没有与之对应的审查记录。该审查表不是本档案库出具的，或验证码抄写有误", res.Code)
		return res, nil
	}
	e := entries[0]
	res.Entry, res.DraftID = &e, e.DraftID
	v, err := s.Verify(ctx)
	if err != nil {
		return nil, err
	}
	if !v.OK {
		res.Status = CodeBroken
		res.Message = fmt.Sprintf("无法确认验证码 %s：档案库的审计链不一致（%s），档案内容不可信，请联系政务公开办", res.Code, v.Problem)
		return res, nil
	}
	r, err := s.draftRow(ctx, e.DraftID)
	if review.ErrorCode(err) == review.ErrNotFound {
		res.Status = CodeDeleted
		res.Message = fmt.Sprintf("验证码 %s 无效：第 %d 号记录已不在档案库中", res.Code, e.DraftID)
		return res, nil
	}
	if err != nil {
		return nil, err
	}
	rec, err := r.record()
	if err != nil {
		return nil, storeErr(fmt.Sprintf("记录 %d 已损坏", e.DraftID), err)
	}
	res.Title, res.State = rec.Title, rec.State
	if r.contentHash() != e.ContentHash {
		res.Status = CodeChanged
		res.Latest, err = s.lastAudit(ctx, e.DraftID)
		if err != nil {
			return nil, err
		}
		res.Message = fmt.Sprintf("验证码 %s 已失效：第 %d 号记录《%s》在该审查表出具（%s）之后又有变动", res.Code, e.DraftID, rec.Title, entryTime(e.At))
		if l := res.Latest; l != nil {
			res.Message += fmt.Sprintf("，最近一次是 %s %s %s", entryTime(l.At), l.Actor, ActionName(l.Action))
		}
		res.Message += fmt.Sprintf("；现在的状态：%s。审查表上的内容已不是档案库中的现状，请重新打印", rec.State.Described())
		return res, nil
	}
	res.OK, res.Status = true, CodeValid
	res.Message = fmt.Sprintf("验证码 %s 有效：审查表与档案库一致。第 %d 号记录《%s》，%s；审查表依据审计链第 %d 条（%s %s %s），此后没有任何变动",
		res.Code, e.DraftID, rec.Title, rec.State.Described(), e.Seq, entryTime(e.At), e.Actor, ActionName(e.Action))
	return res, nil
}

// VerifyCode checks a verification code read off a sheet; see Store.VerifyCode.
func (a *Archive) VerifyCode(ctx context.Context, code string) (*CodeResult, error) {
	return a.Store.VerifyCode(ctx, code)
}

// entryTime formats an audit entry's time for people, in local time.
func entryTime(at string) string {
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return at
	}
	return t.Local().Format("2006-01-02 15:04")
}
