package index

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"

	"prepub/review"
)

// backupLine is one line of a backup: a header, an account, a draft row, a
// row beside the drafts (catalogue entry, validity mark, typed report value,
// release copy) or an audit entry.
type backupLine struct {
	Type        string            `json:"type"` // "prepub-backup", "user", "draft", "catalogue", "validity", "report_value", "release_copy", "audit"
	Version     int               `json:"version,omitempty"`
	User        *backupUser       `json:"user,omitempty"`
	Draft       *backupRow        `json:"draft,omitempty"`
	Catalogue   *backupEntry      `json:"catalogue,omitempty"`
	Validity    *ValidityMark     `json:"validity,omitempty"`
	ReportValue *backupReportItem `json:"report_value,omitempty"`
	ReleaseCopy *backupCopy       `json:"release_copy,omitempty"`
	Audit       *AuditEntry       `json:"audit,omitempty"`
}

// backupEntry is a catalogue entry with every stored column.
type backupEntry struct {
	CatalogueEntry
	Series string `json:"series"`
	Seq    int    `json:"seq"`
	Year   int    `json:"year"`
}

// backupReportItem is one typed-in item of a year's report.
type backupReportItem struct {
	Year        int
	Item, Value string
}

// backupCopy is a kept release copy with every stored column.
type backupCopy struct {
	DraftID   int64
	FileHash  string
	FileBytes []byte
	MadeAt    string
}

type backupUser struct {
	Name, Role, Department, CreatedAt string
	Salt, Hash                        []byte
	PasswordChangedAt                 string `json:",omitempty"`
	Disabled                          int64  `json:",omitempty"`
}

// backupRow is a draft's stored columns exactly, so the audit chain still verifies after a restore.
type backupRow struct {
	ID                                                           int64
	Title, Department, File, FileHash, Attribute, Basis, Reason  string
	State, IssueDate, DecidedAt, ReviewedAt, Drafter, Unreadable string
	Body                                                         string
	Partial                                                      int64
	FileBytes                                                    []byte
}

// Backup writes every account, draft (with its original file) and audit entry
// as JSON lines, in one read transaction. The same format restores into
// SQLite or PostgreSQL.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return storeErr("无法读取档案库", err)
	}
	defer tx.Rollback()
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	if err := enc.Encode(backupLine{Type: "prepub-backup", Version: len(migrations)}); err != nil {
		return err
	}
	urows, err := tx.QueryContext(ctx, `SELECT `+accountColumns+` FROM users ORDER BY name`)
	if err != nil {
		return storeErr("无法读取账号", err)
	}
	for urows.Next() {
		var u backupUser
		if err := urows.Scan(&u.Name, &u.Role, &u.Department, &u.Salt, &u.Hash, &u.CreatedAt, &u.PasswordChangedAt, &u.Disabled); err != nil {
			urows.Close()
			return storeErr("无法读取账号", err)
		}
		if err := enc.Encode(backupLine{Type: "user", User: &u}); err != nil {
			urows.Close()
			return err
		}
	}
	urows.Close()
	drows, err := tx.QueryContext(ctx, `SELECT `+columns+`, file_bytes FROM drafts ORDER BY id`)
	if err != nil {
		return storeErr("无法读取档案库", err)
	}
	for drows.Next() {
		var r row
		var file []byte
		if err := drows.Scan(&r.id, &r.title, &r.department, &r.file, &r.fileHash, &r.attribute, &r.basis, &r.reason,
			&r.state, &r.issueDate, &r.decidedAt, &r.reviewedAt, &r.drafter, &r.partial, &r.unreadable, &r.body, &file); err != nil {
			drows.Close()
			return storeErr("无法读取档案库", err)
		}
		b := backupRow{r.id, r.title, r.department, r.file, r.fileHash, r.attribute, r.basis, r.reason,
			r.state, r.issueDate, r.decidedAt, r.reviewedAt, r.drafter, r.unreadable, r.body, r.partial, file}
		if err := enc.Encode(backupLine{Type: "draft", Draft: &b}); err != nil {
			drows.Close()
			return err
		}
	}
	drows.Close()
	if err := s.backupSide(ctx, tx, enc); err != nil {
		return err
	}
	entries, err := s.auditTx(ctx, tx)
	if err != nil {
		return err
	}
	for i := range entries {
		if err := enc.Encode(backupLine{Type: "audit", Audit: &entries[i]}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Restore reads a backup into an empty store, in one transaction.
func (s *Store) Restore(ctx context.Context, r io.Reader) error {
	if n, err := s.Count(ctx); err != nil || n > 0 {
		return review.Errorf(review.ErrConflict, "只能恢复到空的档案库：目标档案库已有 %d 条记录", n)
	}
	if n, _ := s.UserCount(ctx); n > 0 {
		return review.Errorf(review.ErrConflict, "只能恢复到空的档案库：目标档案库已有账号")
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 512<<20)
	first := true
	for sc.Scan() {
		var l backupLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return review.Wrap(err, review.ErrInvalid, "备份文件已损坏")
		}
		if first {
			if l.Type != "prepub-backup" {
				return review.Errorf(review.ErrInvalid, "这不是 prepub 的备份文件")
			}
			if l.Version > len(migrations) {
				return review.Errorf(review.ErrInvalid, "备份来自更新版本的程序（版本 %d），请先升级", l.Version)
			}
			first = false
			continue
		}
		switch {
		case l.Type == "user" && l.User != nil:
			u := l.User
			err = tx.exec(`INSERT INTO users (`+accountColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				u.Name, u.Role, u.Department, u.Salt, u.Hash, u.CreatedAt, u.PasswordChangedAt, u.Disabled)
		case l.Type == "draft" && l.Draft != nil:
			d := l.Draft
			dec, derr := decisionOf(d.Body)
			if derr != nil {
				return review.Wrap(derr, review.ErrInvalid, "备份文件中记录 %d 已损坏", d.ID)
			}
			err = tx.exec(`INSERT INTO drafts (id, title, department, file, file_hash, attribute, basis, reason, state, issue_date, decided_at, reviewed_at, drafter, partial, unreadable, body, file_bytes, doc_type, valid_until)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
				append([]any{d.ID, d.Title, d.Department, d.File, d.FileHash, d.Attribute, d.Basis, d.Reason, d.State, d.IssueDate,
					d.DecidedAt, d.ReviewedAt, d.Drafter, d.Partial, d.Unreadable, d.Body, d.FileBytes}, docColumns(dec)...)...)
		case l.Type == "catalogue" && l.Catalogue != nil:
			e := l.Catalogue
			err = tx.exec(`INSERT INTO catalogue (`+catalogueColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
				e.ID, e.IndexNo, e.Series, e.Seq, e.Year, e.Title, e.Publisher, e.DocNo, e.Written, e.Published, e.Category)
		case l.Type == "validity" && l.Validity != nil:
			m := l.Validity
			err = tx.exec(`INSERT INTO validity (draft_id, status, since, note) VALUES ($1, $2, $3, $4)`, m.ID, m.Status, m.Since, m.Note)
		case l.Type == "report_value" && l.ReportValue != nil:
			v := l.ReportValue
			err = tx.exec(`INSERT INTO report_values (year, item, value) VALUES ($1, $2, $3)`, v.Year, v.Item, v.Value)
		case l.Type == "release_copy" && l.ReleaseCopy != nil:
			c := l.ReleaseCopy
			err = tx.exec(`INSERT INTO release_copies (draft_id, file_hash, file_bytes, made_at) VALUES ($1, $2, $3, $4)`,
				c.DraftID, c.FileHash, c.FileBytes, c.MadeAt)
		case l.Type == "audit" && l.Audit != nil:
			e := l.Audit
			err = tx.exec(`INSERT INTO audit (seq, at, actor, action, draft_id, content_hash, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				e.Seq, e.At, e.Actor, e.Action, e.DraftID, e.ContentHash, e.PrevHash, e.Hash)
		default:
			return review.Errorf(review.ErrInvalid, "备份文件中有无法识别的行：%.60s", sc.Text())
		}
		if err != nil {
			return storeErr("恢复失败", err)
		}
	}
	if err := sc.Err(); err != nil {
		return review.Wrap(err, review.ErrInvalid, "无法读取备份文件")
	}
	if first {
		return review.Errorf(review.ErrInvalid, "备份文件是空的")
	}
	if s.dialect == postgres {
		// continue ids after the restored ones
		if err := tx.exec(`SELECT setval(pg_get_serial_sequence('drafts', 'id'), COALESCE((SELECT MAX(id) FROM drafts), 0) + 1, false)`); err != nil {
			return storeErr("恢复失败", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return storeErr("恢复失败", fmt.Errorf("commit: %w", err))
	}
	return nil
}

// backupSide writes the rows kept beside the drafts: catalogue entries (with
// the fields that are kept but not shown), validity marks, typed report values
// and release copies.
func (s *Store) backupSide(ctx context.Context, tx *sql.Tx, enc *json.Encoder) error {
	entries, err := s.catalogueOf(ctx, tx, 0)
	if err != nil {
		return err
	}
	for i := range entries {
		e := entries[i]
		if err := enc.Encode(backupLine{Type: "catalogue", Catalogue: &backupEntry{e, e.Series, e.Seq, e.Year}}); err != nil {
			return err
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT draft_id, status, since, note FROM validity ORDER BY draft_id`)
	if err != nil {
		return storeErr("无法读取有效性标注", err)
	}
	for rows.Next() {
		var m ValidityMark
		if err := rows.Scan(&m.ID, &m.Status, &m.Since, &m.Note); err != nil {
			rows.Close()
			return storeErr("无法读取有效性标注", err)
		}
		if err := enc.Encode(backupLine{Type: "validity", Validity: &m}); err != nil {
			rows.Close()
			return err
		}
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT year, item, value FROM report_values ORDER BY year, item`)
	if err != nil {
		return storeErr("无法读取年报数据", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v backupReportItem
		if err := rows.Scan(&v.Year, &v.Item, &v.Value); err != nil {
			return storeErr("无法读取年报数据", err)
		}
		if err := enc.Encode(backupLine{Type: "report_value", ReportValue: &v}); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return storeErr("无法读取年报数据", err)
	}
	return backupCopies(ctx, tx, enc)
}

// backupCopies writes the kept release copies, one a line.
func backupCopies(ctx context.Context, tx *sql.Tx, enc *json.Encoder) error {
	rows, err := tx.QueryContext(ctx, `SELECT draft_id, file_hash, file_bytes, made_at FROM release_copies ORDER BY draft_id`)
	if err != nil {
		return storeErr("无法读取发布稿", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c backupCopy
		if err := rows.Scan(&c.DraftID, &c.FileHash, &c.FileBytes, &c.MadeAt); err != nil {
			return storeErr("无法读取发布稿", err)
		}
		if err := enc.Encode(backupLine{Type: "release_copy", ReleaseCopy: &c}); err != nil {
			return err
		}
	}
	return rows.Err()
}
