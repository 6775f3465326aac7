package index

import (
	"fmt"
	"strings"
	"time"

	"prepub/review"
)

// Filter narrows the drafts a store query reads. Every field set must hold;
// the zero Filter reads every draft.
type Filter struct {
	ID            int64            // this draft only
	States        []review.State   // in one of these states
	Drafter       string           // drafted by this user
	DocTypes      []review.DocType // of one of these document types
	DecidedFrom   time.Time        // decided at or after
	DecidedBefore time.Time        // decided before (a draft never decided is left out)
	CatalogueYear int              // catalogued in this year
	// BodyContains narrows by a piece of the stored record (its JSON); a
	// coarse first pass, the caller decides on the record itself.
	BodyContains string
}

// where returns the filter as an SQL condition with its arguments numbered
// from $1, or "" when it keeps every draft.
func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	in := func(col string, vals []string) {
		ps := make([]string, len(vals))
		for i, v := range vals {
			ps[i] = arg(v)
		}
		conds = append(conds, col+" IN ("+strings.Join(ps, ", ")+")")
	}
	if f.ID != 0 {
		conds = append(conds, "id = "+arg(f.ID))
	}
	if len(f.States) > 0 {
		in("state", textsOf(f.States))
	}
	if f.Drafter != "" {
		conds = append(conds, "drafter = "+arg(f.Drafter))
	}
	if len(f.DocTypes) > 0 {
		in("doc_type", textsOf(f.DocTypes))
	}
	if !f.DecidedFrom.IsZero() {
		conds = append(conds, "decided_at >= "+arg(timeText(f.DecidedFrom)))
	}
	if !f.DecidedBefore.IsZero() {
		conds = append(conds, "decided_at <> '' AND decided_at < "+arg(timeText(f.DecidedBefore)))
	}
	if f.CatalogueYear != 0 {
		conds = append(conds, "id IN (SELECT draft_id FROM catalogue WHERE year = "+arg(f.CatalogueYear)+")")
	}
	if f.BodyContains != "" {
		conds = append(conds, "body LIKE "+arg("%"+likeEscape(f.BodyContains)+"%")+` ESCAPE '\'`)
	}
	return strings.Join(conds, " AND "), args
}

// textsOf returns string-typed values as strings.
func textsOf[T ~string](vals []T) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// likeEscape escapes LIKE's wildcards so the text is matched as written.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
