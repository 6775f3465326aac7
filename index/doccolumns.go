package index

import (
	"encoding/json"
	"strings"

	"prepub/review"
)

// A draft's document type and validity end are kept twice: in its decision,
// inside the body the content hash covers, and in two columns of their own
// (doc_type, valid_until) that the annual report reads without opening
// bodies. The columns are written with the body, and verify checks they agree.

// docColumns returns the values of a draft's doc_type and valid_until columns.
func docColumns(dec review.Decision) []any {
	return []any{string(dec.Kind()), dec.ValidUntil}
}

// decisionOf reads the decision at the head of a stored body, without decoding the rest.
func decisionOf(body string) (review.Decision, error) {
	var dec review.Decision
	d := json.NewDecoder(strings.NewReader(body))
	if _, err := d.Token(); err != nil { // {
		return dec, err
	}
	for d.More() {
		key, err := d.Token()
		if err != nil {
			return dec, err
		}
		if key == "decision" {
			err := d.Decode(&dec)
			return dec, err
		}
		var skip json.RawMessage
		if err := d.Decode(&skip); err != nil {
			return dec, err
		}
	}
	return dec, nil
}

// docColumnsAgree reports whether a draft's doc_type and valid_until columns say what its body does.
func docColumnsAgree(body, docType, validUntil string) bool {
	dec, err := decisionOf(body)
	if err != nil {
		return false
	}
	want := docColumns(dec)
	return want[0] == docType && want[1] == validUntil
}
