package index

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"
)

// genesis is the previous hash of the first audit entry.
const genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// AuditEntry is one link of the audit chain: who did what to which record, when,
// the record's content hash after it, and the hash that chains it to the entry before.
type AuditEntry struct {
	Seq         int64  `json:"seq"`
	At          string `json:"at"`
	Actor       string `json:"actor"`
	Action      string `json:"action"`
	DraftID     int64  `json:"draft_id"`
	ContentHash string `json:"content_hash"`
	PrevHash    string `json:"prev_hash"`
	Hash        string `json:"hash"`
}

func (e AuditEntry) computeHash() string {
	h := sha256.New()
	for _, s := range []string{e.PrevHash, fmt.Sprint(e.Seq), e.At, e.Actor, e.Action, fmt.Sprint(e.DraftID), e.ContentHash} {
		fmt.Fprintf(h, "%d:%s;", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// appendAudit adds the next entry of the chain inside tx, after the head it
// read (in this transaction, which holds the writers' turn) or reads now.
// The entry is queued: it is written with what follows, at the latest with
// the commit.
func (s *Store) appendAudit(ctx context.Context, tx *writeTx, actor, action string, draftID int64, contentHash string) error {
	if !tx.head.read {
		if err := tx.queryRow(`SELECT `+headColumns).Scan(&tx.head.seq, &tx.head.hash); err != nil {
			return storeErr("无法读取审计链", err)
		}
		tx.head.read = true
	}
	e := AuditEntry{Seq: tx.head.seq + 1, At: timeText(s.now()), Actor: actor, Action: action, DraftID: draftID, ContentHash: contentHash, PrevHash: tx.head.hash}
	e.Hash = e.computeHash()
	tx.queue(`INSERT INTO audit (seq, at, actor, action, draft_id, content_hash, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		e.Seq, e.At, e.Actor, e.Action, e.DraftID, e.ContentHash, e.PrevHash, e.Hash)
	tx.head.seq, tx.head.hash = e.Seq, e.Hash
	return nil
}

// Audit returns the audit entries of one record, oldest first; id 0 returns all.
func (s *Store) Audit(ctx context.Context, id int64) ([]AuditEntry, error) {
	q := `SELECT seq, at, actor, action, draft_id, content_hash, prev_hash, hash FROM audit`
	var args []any
	if id != 0 {
		q += ` WHERE draft_id=$1`
		args = append(args, id)
	}
	return s.readAudit(ctx, s.db, q+` ORDER BY seq`, args...)
}

// auditTx returns every audit entry as seen inside tx.
func (s *Store) auditTx(ctx context.Context, tx *sql.Tx) ([]AuditEntry, error) {
	return s.readAudit(ctx, tx, `SELECT seq, at, actor, action, draft_id, content_hash, prev_hash, hash FROM audit ORDER BY seq`)
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func (s *Store) readAudit(ctx context.Context, db querier, q string, args ...any) ([]AuditEntry, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, storeErr("无法读取审计链", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.Seq, &e.At, &e.Actor, &e.Action, &e.DraftID, &e.ContentHash, &e.PrevHash, &e.Hash); err != nil {
			return nil, storeErr("无法读取审计链", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Verification is the outcome of walking the audit chain.
type Verification struct {
	OK      bool   `json:"ok"`
	Entries int    `json:"entries"`
	Records int    `json:"records"`
	Head    string `json:"head"`               // the last entry's hash: record it elsewhere to anchor the chain
	Seq     int64  `json:"seq,omitempty"`      // the first entry that does not match
	DraftID int64  `json:"draft_id,omitempty"` // the record concerned
	Problem string `json:"problem,omitempty"`  // Chinese
}

// Verify walks the audit chain and checks that every link holds and that every
// stored record, and its original file, and every account matches the last entry that wrote it.
// Any row edited or deleted by hand, and any entry altered or removed, is found.
func (s *Store) Verify(ctx context.Context) (*Verification, error) {
	entries, err := s.Audit(ctx, 0)
	if err != nil {
		return nil, err
	}
	v := &Verification{OK: true, Entries: len(entries), Head: genesis}
	last := map[int64]AuditEntry{}
	prev, seq := genesis, int64(0)
	for _, e := range entries {
		seq++
		if problem := linkProblem(e, seq, prev); problem != "" {
			return v.fail(e, problem), nil
		}
		prev = e.Hash
		if e.DraftID != 0 && !sideAction(e.Action) {
			last[e.DraftID] = e
		}
	}
	v.Head = prev
	rows, err := s.db.QueryContext(ctx, `SELECT `+columns+`, file_bytes, doc_type, valid_until FROM drafts ORDER BY id`)
	if err != nil {
		return nil, storeErr("无法读取档案库", err)
	}
	defer rows.Close()
	seen := map[int64]bool{}
	for rows.Next() {
		var r row
		var file []byte
		var docType, validUntil string
		if err := rows.Scan(&r.id, &r.title, &r.department, &r.file, &r.fileHash, &r.attribute, &r.basis, &r.reason,
			&r.state, &r.issueDate, &r.decidedAt, &r.reviewedAt, &r.drafter, &r.partial, &r.unreadable, &r.body, &file, &docType, &validUntil); err != nil {
			return nil, storeErr("无法读取档案库", err)
		}
		v.Records++
		seen[r.id] = true
		e, ok := last[r.id]
		switch {
		case !ok:
			return v.failRow(r.id, fmt.Sprintf("记录 %d 没有对应的审计条目：它是绕过程序写入的", r.id)), nil
		case e.ContentHash != r.contentHash():
			return v.fail(e, fmt.Sprintf("记录 %d 与审计链第 %d 条不符：该记录在程序之外被修改", r.id, e.Seq)), nil
		case len(file) == 0 && r.fileHash != "" && r.fileHash != emptyFileHash:
			return v.fail(e, fmt.Sprintf("记录 %d 的原文件缺失：登记过原文件（哈希 %.12s…），库中却没有", r.id, r.fileHash)), nil
		case file != nil && fileHash(file) != r.fileHash:
			return v.fail(e, fmt.Sprintf("记录 %d 的原文件与登记的哈希不符：原文件被替换", r.id)), nil
		case !docColumnsAgree(r.body, docType, validUntil):
			return v.fail(e, fmt.Sprintf("记录 %d 的文件类型或有效期与其决定不符：该记录在程序之外被修改", r.id)), nil
		}
	}
	if err := rows.Err(); err != nil {
		return nil, storeErr("无法读取档案库", err)
	}
	for _, e := range entries {
		if e.DraftID != 0 && !seen[e.DraftID] {
			l, ok := last[e.DraftID]
			if !ok {
				l = e
			}
			return v.fail(l, fmt.Sprintf("记录 %d 已被删除（审计链第 %d 条记载过它）", e.DraftID, l.Seq)), nil
		}
	}
	if bad, err := s.verifySide(ctx, entries, v); bad != nil || err != nil {
		return bad, err
	}
	if bad, err := s.verifyAccounts(ctx, entries, v); bad != nil || err != nil {
		return bad, err
	}
	return v, nil
}

// linkProblem says how entry e, expected as number seq after an entry whose
// hash is prev, breaks the chain, or returns "" when it holds.
func linkProblem(e AuditEntry, seq int64, prev string) string {
	switch {
	case e.Seq != seq:
		return fmt.Sprintf("审计链第 %d 条缺失（下一条是第 %d 条）", seq, e.Seq)
	case e.PrevHash != prev:
		return fmt.Sprintf("审计链第 %d 条与上一条衔接不上：之前的记录被修改或删除", e.Seq)
	case e.computeHash() != e.Hash:
		return fmt.Sprintf("审计链第 %d 条的内容被修改", e.Seq)
	}
	return ""
}

func (v *Verification) fail(e AuditEntry, problem string) *Verification {
	v.OK, v.Seq, v.DraftID, v.Problem = false, e.Seq, e.DraftID, problem
	return v
}

func (v *Verification) failRow(id int64, problem string) *Verification {
	v.OK, v.DraftID, v.Problem = false, id, problem
	return v
}

// emptyFileHash is the hash of an empty file: a record that had one may hold no bytes.
var emptyFileHash = fileHash(nil)

// fileHash returns the hex SHA-256 of a file's bytes.
func fileHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// now is the store's clock.
func (s *Store) now() time.Time {
	if s.Clock == nil {
		return time.Now()
	}
	return s.Clock()
}
