package index

import (
	"context"

	"prepub/review"
)

// The files a desk hands out: a decision's release copy, and a draft's
// original for 打开原文件. Who may have them is decided here, for the desktop
// app and the office server alike.

// ReleaseCopy returns a decision's release copy (Archive.ReleaseCopy) to a
// role that may read the archive: the disclosure office, the administrator
// and the reviewers; a drafting clerk is refused.
func (d *Desk) ReleaseCopy(ctx context.Context, id int64, a review.Actor) (*ReleaseCopy, error) {
	if !MaySearch(a.Role) {
		return nil, review.Errorf(review.ErrForbidden, "起草人不能导出发布稿：发布稿由政务公开办从档案库导出")
	}
	return d.Archive.ReleaseCopy(ctx, id)
}

// Original returns a draft's original file, as submitted, to whoever may
// read its record (desk_read.go); to anyone else it is not found. A file that no longer matches the hash the
// archive recorded is refused too.
func (d *Desk) Original(ctx context.Context, id int64, a review.Actor) ([]byte, error) {
	r, err := d.Archive.Store.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if !mayRead(r, a) {
		return nil, notFound(id)
	}
	data, err := d.Archive.Store.File(ctx, id)
	if err != nil {
		return nil, storeErr("无法读取原文件", err)
	}
	if len(data) == 0 {
		return nil, review.Errorf(review.ErrNotFound, "档案库中没有保存第 %d 号草稿的原文件", id)
	}
	if fileHash(data) != r.FileHash {
		return nil, review.Errorf(review.ErrConflict, "第 %d 号草稿的原文件与档案记录的哈希不一致，可能已被改动：请先运行 prepubctl verify", id)
	}
	return data, nil
}
