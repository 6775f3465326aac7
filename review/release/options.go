package release

import (
	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// Options say what a release copy leaves out.
type Options struct {
	Withhold []review.Redaction // passages replaced by a note of their basis (Art. 37)
	Mask     bool               // mask the personal numbers the scanner finds, as scan.Mask does: 138****5678, 110105********1234, a card's first 6 and last 4
	Scanner  *scan.Scanner      // finds the personal numbers; nil means scan.Default()
	Limits   extract.Limits     // bounds the work on a hostile file; zero means extract.DefaultLimits()
}

// masked lists the finding categories Mask hides. A unified social credit code
// names a unit, not a person, and is published as it is.
var masked = map[string]bool{scan.CatResidentID: true, scan.CatMobile: true, scan.CatBankCard: true}

func (o Options) limits() extract.Limits {
	if o.Limits == (extract.Limits{}) {
		return extract.DefaultLimits()
	}
	return o.Limits
}

func (o Options) scanner() (*scan.Scanner, error) {
	if o.Scanner != nil {
		return o.Scanner, nil
	}
	return scan.Default()
}
