package index

import (
	"context"

	"prepub/review"
)

// ReleaseSource returns what an archived decision's release copy is made
// from: its original file and the passages it withholds. Only a decided
// draft that publishes (public or on request) has a release copy, and only
// from an original that still matches the hash the archive recorded.
func (a *Archive) ReleaseSource(ctx context.Context, id int64) ([]byte, []review.Redaction, error) {
	r, err := a.Store.Get(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case r.Attribute == review.Withheld:
		return nil, nil, review.Errorf(review.ErrConflict, "第 %d 号记录决定不予公开，不能生成发布稿", id)
	case !r.State.Decided():
		return nil, nil, review.Errorf(review.ErrConflict, "第 %d 号记录尚未审批完成（%s），不能生成发布稿", id, r.State.Described())
	}
	data, err := a.Store.File(ctx, id)
	if err != nil || len(data) == 0 {
		return nil, nil, review.Errorf(review.ErrUnreadable, "档案库中没有第 %d 号记录的原文件，无法生成发布稿", id)
	}
	if fileHash(data) != r.FileHash {
		return nil, nil, review.Errorf(review.ErrConflict, "第 %d 号记录的原文件与档案记录的哈希不一致，可能已被改动：请先运行 prepubctl verify", id)
	}
	return data, r.Decision.Redactions, nil
}
