package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// Rows kept beside the drafts (catalogue entries, validity marks, the report's
// typed values, release copies) are chained in the audit like the drafts themselves: each
// write appends an entry whose action names the table and the row's key, with
// the row's content hash, so verify finds a row changed or removed outside the
// program. Such an entry's draft ID is 0, whatever draft the row is about: an
// entry with a draft's ID always describes that draft's own row, which verify
// and the sheet codes rely on. The draft's history tells the same change.
const (
	sideCatalogue    = "catalogue:"     // + draft ID + ":assign" or ":correct:FIELD"
	sideValidity     = "validity:"      // + draft ID + ":" + the status
	sideReportValues = "report-values:" // + the year
	sideReleaseCopy  = "release-copy:"  // + draft ID: the copy kept at the last signature (release_copy.go)
)

// sideActionOf returns the audit action of a write to a side table: its prefix, the row's key, then what was done.
func sideActionOf(prefix string, key any, what string) string {
	a := prefix + fmt.Sprint(key)
	if what != "" {
		a += ":" + what
	}
	return a
}

// sideAction reports whether an audit entry is about a row beside the drafts, not a draft's row.
func sideAction(action string) bool {
	return strings.HasPrefix(action, sideCatalogue) || strings.HasPrefix(action, sideValidity) ||
		strings.HasPrefix(action, sideReportValues) || strings.HasPrefix(action, sideReleaseCopy)
}

// fieldsHash hashes a row's fields, each prefixed by its length so no two rows collide.
func fieldsHash(fields ...string) string {
	h := sha256.New()
	for _, f := range fields {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sideRow is a row beside the drafts as verify sees it: its key and content hash.
type sideRow struct {
	key, hash string
}

// sideKey is the row an audit entry about a side table wrote: table and key.
func sideKey(e AuditEntry) (table, key string) {
	for _, t := range []struct{ prefix, table string }{
		{sideCatalogue, "catalogue"}, {sideValidity, "validity"}, {sideReportValues, "report_values"}, {sideReleaseCopy, "release_copies"},
	} {
		if rest, ok := strings.CutPrefix(e.Action, t.prefix); ok {
			key, _, _ = strings.Cut(rest, ":")
			return t.table, key
		}
	}
	return "", ""
}

// verifySide checks every row beside the drafts against the last audit entry
// that wrote it, and that no row the chain wrote is gone. It fills v and
// returns it when something does not match, or returns nil when all do.
func (s *Store) verifySide(ctx context.Context, entries []AuditEntry, v *Verification) (*Verification, error) {
	last := map[string]map[string]AuditEntry{"catalogue": {}, "validity": {}, "report_values": {}, "release_copies": {}}
	for _, e := range entries {
		if sideAction(e.Action) {
			t, k := sideKey(e)
			last[t][k] = e
		}
	}
	names := map[string]string{"catalogue": "公开目录条目", "validity": "有效性标注", "report_values": "年报填报数据", "release_copies": "存档发布稿"}
	for _, t := range []string{"catalogue", "validity", "report_values", "release_copies"} {
		rows, err := s.sideRows(ctx, t)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, r := range rows {
			seen[r.key] = true
			e, ok := last[t][r.key]
			switch {
			case !ok:
				return v.failRow(0, sideLabel(names, t, r.key)+"没有对应的审计条目：它是绕过程序写入的").about(t, r.key), nil
			case e.ContentHash != r.hash:
				return v.fail(e, sideLabel(names, t, r.key)+fmt.Sprintf("与审计链第 %d 条不符：它在程序之外被修改", e.Seq)).about(t, r.key), nil
			}
		}
		for k, e := range last[t] {
			if !seen[k] && e.ContentHash != emptyHash {
				return v.fail(e, sideLabel(names, t, k)+fmt.Sprintf("已被删除（审计链第 %d 条记载过它）", e.Seq)).about(t, k), nil
			}
		}
	}
	return nil, nil
}

// sideLabel names a side row in a verify problem: a release copy by its record, others by table and key.
func sideLabel(names map[string]string, table, key string) string {
	if table == "release_copies" {
		return "记录 " + key + " 的" + names[table]
	}
	return names[table] + "（" + key + "）"
}

// about names the record a failed side row belongs to, when the row is a record's release copy.
func (v *Verification) about(table, key string) *Verification {
	if id, err := strconv.ParseInt(key, 10, 64); err == nil && table == "release_copies" {
		v.DraftID = id
	}
	return v
}

// emptyHash is the content hash of a side row that was removed by the program (a year's typed values all cleared).
var emptyHash = fieldsHash()

// sideRows returns the key and content hash of every row of a side table.
func (s *Store) sideRows(ctx context.Context, table string) ([]sideRow, error) {
	var out []sideRow
	switch table {
	case "catalogue":
		entries, err := s.catalogueOf(ctx, s.db, 0)
		if err != nil {
			return nil, err
		}
		for i := range entries {
			out = append(out, sideRow{strconv.FormatInt(entries[i].ID, 10), entries[i].hash()})
		}
	case "validity":
		marks, err := s.marks(ctx)
		if err != nil {
			return nil, err
		}
		for id, m := range marks {
			out = append(out, sideRow{strconv.FormatInt(id, 10), m.hash()})
		}
	case "release_copies":
		return s.releaseCopyRows(ctx)
	case "report_values":
		years, err := s.reportValueYears(ctx)
		if err != nil {
			return nil, err
		}
		for _, y := range years {
			vals, err := reportValuesOf(s.query(ctx), y)
			if err != nil {
				return nil, err
			}
			out = append(out, sideRow{strconv.Itoa(y), vals.hash(y)})
		}
	}
	return out, nil
}
