package client

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"mime"

	"prepub/index"
	"prepub/review"
)

// The headers that describe a release copy, as server/files.go sends them.
const (
	headerSHA256 = "X-Prepub-SHA256"
	headerStored = "X-Prepub-Stored"
	headerMadeAt = "X-Prepub-Made-At"
)

// ReleaseCopy downloads a decision's release copy; the server decides who may have it.
func (c *Client) ReleaseCopy(ctx context.Context, id int64, a review.Actor) (*index.ReleaseCopy, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	data, h, err := c.send(ctx, "GET", fmt.Sprintf("/records/%d/release", id), "", nil, nil)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	if hash := h.Get(headerSHA256); hash != hex.EncodeToString(sum[:]) {
		return nil, review.Errorf(review.ErrInternal, "下载的发布稿与服务器给出的哈希不符：请重新导出")
	}
	name := fmt.Sprintf("第%d号记录（发布稿）.docx", id)
	if _, p, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil && p["filename"] != "" {
		name = p["filename"]
	}
	return &index.ReleaseCopy{DraftID: id, Name: name, Data: data, Hash: hex.EncodeToString(sum[:]),
		MadeAt: h.Get(headerMadeAt), Stored: h.Get(headerStored) == "true"}, nil
}

// Original downloads a draft's original file, as submitted; the server decides who may have it.
func (c *Client) Original(ctx context.Context, id int64, a review.Actor) ([]byte, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	data, _, err := c.send(ctx, "GET", fmt.Sprintf("/drafts/%d/original", id), "", nil, nil)
	return data, err
}
