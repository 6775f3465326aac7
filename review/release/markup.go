package release

import (
	"encoding/xml"
	"strings"
)

// action is what the copy does with a WordprocessingML element.
type action int

const (
	keep   action = iota
	drop          // the element goes, with everything it holds
	unwrap        // its tags go, what it holds stays
)

// cleaned lists the WordprocessingML elements of tracked changes, comments and
// custom XML, and what accepting every change and removing every comment does
// with each. The guard refuses a copy where any of them is left.
var cleaned = map[string]action{
	// tracked changes: deletions and moved-away text go, insertions and moved-to text stay
	"del": drop, "moveFrom": drop, "delText": drop, "delInstrText": drop,
	"moveFromRangeStart": drop, "moveFromRangeEnd": drop, "moveToRangeStart": drop, "moveToRangeEnd": drop,
	"ins": unwrap, "moveTo": unwrap,
	"cellIns": drop, "cellDel": drop, "cellMerge": drop,
	// tracked formatting: the new formatting stays, the record of the old goes
	"rPrChange": drop, "pPrChange": drop, "sectPrChange": drop, "tblPrChange": drop, "tblPrExChange": drop,
	"trPrChange": drop, "tcPrChange": drop, "tblGridChange": drop, "numberingChange": drop,
	// comments
	"commentRangeStart": drop, "commentRangeEnd": drop, "commentReference": drop,
	// custom XML and smart tags: the markup and its data go, the text stays
	"customXml": unwrap, "smartTag": unwrap, "customXmlPr": drop, "smartTagPr": drop, "dataBinding": drop,
	"customXmlInsRangeStart": drop, "customXmlInsRangeEnd": drop, "customXmlDelRangeStart": drop, "customXmlDelRangeEnd": drop,
	"customXmlMoveFromRangeStart": drop, "customXmlMoveFromRangeEnd": drop, "customXmlMoveToRangeStart": drop, "customXmlMoveToRangeEnd": drop,
}

// hides reports a w:vanish or w:specVanish that is on: the run it formats is hidden text.
func hides(t xml.StartElement) bool {
	if t.Name.Space != nsW || t.Name.Local != "vanish" && t.Name.Local != "specVanish" {
		return false
	}
	for _, a := range t.Attr {
		if a.Name.Local == "val" {
			switch strings.ToLower(a.Value) {
			case "0", "false", "off":
				return false
			}
		}
	}
	return true
}

// tally counts an element the copy removes or unwraps in the report.
func (r *Report) tally(local, parent string) {
	marker := parent == "rPr" || parent == "trPr" // a paragraph mark's or a row's change
	switch {
	case local == "ins" && !marker:
		r.Accepted.Insertions++
	case local == "del" && !marker:
		r.Accepted.Deletions++
	case local == "moveFrom":
		r.Accepted.Moves++
	case strings.HasSuffix(local, "Change"):
		r.Accepted.Formatting++
	case local == "customXml" || local == "smartTag":
		r.CustomXML++
	}
}
