package release

// Report says what making a release copy did.
type Report struct {
	Passages     []Passage `json:"passages"`      // each withheld passage and how often it was replaced
	Masked       []Masked  `json:"masked"`        // each personal number masked, in its masked form
	Accepted     Changes   `json:"accepted"`      // tracked changes accepted
	Comments     int       `json:"comments"`      // comments removed
	HiddenRuns   int       `json:"hidden_runs"`   // runs of hidden text removed
	CustomXML    int       `json:"custom_xml"`    // custom XML elements unwrapped or removed
	Properties   []string  `json:"properties"`    // document properties cleared or removed, by Chinese name
	PartsRemoved []string  `json:"parts_removed"` // package parts left out of the copy
	PartsChanged []string  `json:"parts_changed"` // package parts rewritten; all others are copied byte for byte
}

// Passage is one withheld passage in the report.
type Passage struct {
	Text  string `json:"text"`
	Basis string `json:"basis"`
	Note  string `json:"note"`  // what replaced it
	Count int    `json:"count"` // occurrences replaced; 0 when it was only in hidden content, which went with it
}

// Masked is one personal number in the report.
type Masked struct {
	Category string `json:"category"` // resident-id, mobile or bank-card
	Text     string `json:"text"`     // the masked form, never the number itself
	Count    int    `json:"count"`
}

// Changes counts the tracked changes accepted, by kind.
type Changes struct {
	Insertions int `json:"insertions"` // w:ins kept, its marks dropped
	Deletions  int `json:"deletions"`  // w:del removed with its text
	Moves      int `json:"moves"`      // w:moveFrom removed, w:moveTo kept
	Formatting int `json:"formatting"` // w:rPrChange, w:pPrChange and the like dropped
}
