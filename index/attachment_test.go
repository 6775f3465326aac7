package index_test

import (
	"testing"

	"prepub/index"
	"prepub/review"
)

// TestDeskInterpretationFromFile ensures the desk decides from the file
// itself whether a policy interpretation is attached and readable: one only
// claimed readable is returned, one uploaded is read, and a resubmission
// naming the same file keeps what was read of it.
func TestDeskInterpretationFromFile(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *index.Archive) {
		d := desk(t, a)
		draft := []byte("关于做好春季植树工作的通知\n各乡镇：请做好春季植树工作。\n")
		claimed := review.Decision{Attribute: review.Public, Policy: true, Interpretation: &review.Attachment{File: "解读.txt", Readable: true}}
		rec, err := d.Submit(ctx, clerk, "县政府办", "d.txt", draft, claimed)
		if err != nil || rec.State != review.StateReturned || rec.Decision.Interpretation.Readable {
			t.Fatalf("a claim alone: %v %s %+v", err, rec.State, rec.Decision.Interpretation)
		}
		sent := claimed
		sent.Interpretation = &review.Attachment{File: "解读.txt", Data: []byte("《关于做好春季植树工作的通知》政策解读：一、背景。二、主要内容。")}
		if rec, err = d.Resubmit(ctx, rec.ID, clerk, sent); err != nil || rec.State == review.StateReturned {
			t.Fatalf("uploaded: %v %s %+v", err, rec.State, rec.Outcome.Returns)
		}
		empty := claimed
		empty.Interpretation = &review.Attachment{File: "空.txt", Data: []byte{}}
		if rec, err = d.Submit(ctx, clerk, "县政府办", "e.txt", draft, empty); err != nil || rec.State != review.StateReturned {
			t.Fatalf("an empty file: %v %s", err, rec.State)
		}
	})
}
