package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"prepub/review"
	"prepub/review/release"
)

// The release copy (发布稿) of a draft decided public or on request is made at
// its last signature, in the transaction that records the signature, and kept
// in release_copies beside the original. Its audit entry is a side entry
// (sideReleaseCopy) whose content hash covers the copy's SHA-256, so verify
// finds a copy changed or removed outside the program. When no copy can be
// made (the original is not a .docx, a withheld passage is not in it, the
// guard refuses it) the signature still stands: the draft's history says why,
// in Chinese, and no copy is kept; Archive.ReleaseCopy then makes one from the
// original on request, or says the same reason again.

// ActionReleaseCopy is the history entry of a release copy made, or not made, at the last signature.
const ActionReleaseCopy = "release-copy"

// ReleaseCopy is a decision's release copy.
type ReleaseCopy struct {
	DraftID int64  `json:"draft_id"`
	Name    string `json:"name"`    // a file name for it: the original's, marked 发布稿
	Data    []byte `json:"-"`       // the .docx bytes
	Hash    string `json:"sha256"`  // hex SHA-256 of Data
	MadeAt  string `json:"made_at"` // when the stored copy was made; empty when made now
	Stored  bool   `json:"stored"`  // the copy kept at the signature; false: made now from the original
}

// releaseCopyHash is the content hash a kept copy's audit entry carries.
func releaseCopyHash(id int64, hash, sum, madeAt string) string {
	return fieldsHash("release-copy", strconv.FormatInt(id, 10), hash, sum, madeAt)
}

// releaseName is the file name of a draft's release copy.
func releaseName(original string) string {
	base := filepath.Base(strings.ReplaceAll(original, "\\", "/"))
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if base == "" || base == "." || base == "/" {
		base = "草稿"
	}
	return base + "（发布稿）.docx"
}

// keepReleaseCopy makes the release copy of a draft just decided public or on
// request, inside the transaction that decides it, stores it with its audit
// entry and notes in the history what was done or why no copy was made.
func (s *Store) keepReleaseCopy(ctx context.Context, tx *writeTx, r *Record, a review.Actor) error {
	note, err := s.storeReleaseCopy(ctx, tx, r, a.User)
	if err != nil {
		return err
	}
	r.History = append(r.History, review.Action{Action: ActionReleaseCopy, User: a.User, Role: a.Role, Step: -1,
		Note: note, At: r.DecidedAt, State: r.State})
	return nil
}

// storeReleaseCopy makes and stores the copy and returns the history note. A
// copy that cannot be made is a note, not an error; only a store failure is.
func (s *Store) storeReleaseCopy(ctx context.Context, tx *writeTx, r *Record, actor string) (string, error) {
	var file []byte
	if err := tx.queryRow(`SELECT file_bytes FROM drafts WHERE id=$1`, r.ID).Scan(&file); err != nil {
		return "", storeErr("无法读取原文件", err)
	}
	var out []byte
	var err error
	switch {
	case len(file) == 0:
		err = review.Errorf(review.ErrUnreadable, "档案库中没有这份草稿的原文件")
	case fileHash(file) != r.FileHash:
		err = review.Errorf(review.ErrConflict, "原文件与登记的哈希不符，可能已被改动")
	default:
		out, _, err = release.DOCX(file, release.Options{Withhold: r.Decision.Redactions})
	}
	if err != nil {
		return "未生成发布稿：" + strings.TrimRight(review.ErrorMessage(err), "。") + "。决定已生效，但档案中没有存档的发布稿：请政务公开办据此另行制作（档案检索中的“导出发布稿”会按原文件再试一次）。", nil
	}
	sum, madeAt := fileHash(out), timeText(r.DecidedAt)
	if madeAt == "" {
		madeAt = timeText(s.now())
	}
	tx.queue(`INSERT INTO release_copies (draft_id, file_hash, file_bytes, made_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (draft_id) DO UPDATE SET file_hash=excluded.file_hash, file_bytes=excluded.file_bytes, made_at=excluded.made_at`,
		r.ID, sum, out, madeAt)
	if err := s.appendAudit(ctx, tx, actor, sideActionOf(sideReleaseCopy, r.ID, ""), 0, releaseCopyHash(r.ID, sum, sum, madeAt)); err != nil {
		return "", err
	}
	return fmt.Sprintf("签发后自动生成发布稿并存档（删除不予公开内容 %d 处，SHA-256 %s…）", len(r.Decision.Redactions), sum[:16]), nil
}

// storedReleaseCopy returns the kept copy of a draft, checked against its
// hash and its audit entry, or nil when none is kept.
func (s *Store) storedReleaseCopy(ctx context.Context, id int64) (*ReleaseCopy, error) {
	c := &ReleaseCopy{DraftID: id, Stored: true}
	err := s.db.QueryRowContext(ctx, `SELECT file_hash, file_bytes, made_at FROM release_copies WHERE draft_id=$1`, id).Scan(&c.Hash, &c.Data, &c.MadeAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, storeErr("无法读取发布稿", err)
	}
	last, err := s.readAudit(ctx, s.db, `SELECT seq, at, actor, action, draft_id, content_hash, prev_hash, hash FROM audit WHERE action=$1 ORDER BY seq DESC LIMIT 1`,
		sideActionOf(sideReleaseCopy, id, ""))
	if err != nil {
		return nil, err
	}
	if len(last) == 0 || last[0].ContentHash != releaseCopyHash(id, c.Hash, fileHash(c.Data), c.MadeAt) {
		return nil, review.Errorf(review.ErrConflict, "第 %d 号记录存档的发布稿与审计链不符，可能在程序之外被改动：请运行 prepubctl verify，并由政务公开办核查", id)
	}
	return c, nil
}

// ReleaseCopy returns a decision's release copy: the one kept at its last
// signature when there is one, else one made now from its original (a
// decision from before copies were kept, or whose copy could not be made at
// the signature: the same reason is given again if it still cannot).
func (a *Archive) ReleaseCopy(ctx context.Context, id int64) (*ReleaseCopy, error) {
	c, err := a.StoredReleaseCopy(ctx, id)
	if err != nil {
		return nil, err
	}
	if c == nil {
		data, withheld, err := a.ReleaseSource(ctx, id)
		if err != nil {
			return nil, err
		}
		out, _, err := release.DOCX(data, release.Options{Withhold: withheld})
		if err != nil {
			return nil, err
		}
		r, err := a.Store.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		c = &ReleaseCopy{DraftID: id, Name: releaseName(r.File), Data: out, Hash: fileHash(out)}
	}
	return c, nil
}

// StoredReleaseCopy returns the copy kept at a decision's last signature,
// checked against its hash and audit entry, or nil when none is kept.
func (a *Archive) StoredReleaseCopy(ctx context.Context, id int64) (*ReleaseCopy, error) {
	r, err := a.Store.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	c, err := a.Store.storedReleaseCopy(ctx, id)
	if c != nil {
		c.Name = releaseName(r.File)
	}
	return c, err
}

// releaseCopyRows returns the key and content hash of every kept copy, for verify.
func (s *Store) releaseCopyRows(ctx context.Context) ([]sideRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT draft_id, file_hash, file_bytes, made_at FROM release_copies ORDER BY draft_id`)
	if err != nil {
		return nil, storeErr("无法读取发布稿", err)
	}
	defer rows.Close()
	var out []sideRow
	for rows.Next() {
		var id int64
		var hash, madeAt string
		var data []byte
		if err := rows.Scan(&id, &hash, &data, &madeAt); err != nil {
			return nil, storeErr("无法读取发布稿", err)
		}
		out = append(out, sideRow{strconv.FormatInt(id, 10), releaseCopyHash(id, hash, fileHash(data), madeAt)})
	}
	return out, rows.Err()
}
