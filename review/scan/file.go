package scan

import (
	"errors"

	"prepub/review/extract"
)

// File statuses in a report.
const (
	StatusChecked    = "checked"
	StatusUnreadable = "unreadable"
)

// FileReport is the outcome of scanning one file, in the shape of the
// `prepubctl scan --json` contract: either checked, with findings, or
// unreadable, with the reason it could not be checked.
type FileReport struct {
	File       string            `json:"file"`
	Status     string            `json:"status"`
	Reason     string            `json:"reason"`
	Detail     string            `json:"detail,omitempty"` // the library's own words on why, for logs; never shown to a person
	ReasonCode string            `json:"reason_code,omitempty"`
	Critical   bool              `json:"critical"`
	Worst      Severity          `json:"worst,omitempty"`
	Coverage   float64           `json:"coverage"`
	Format     string            `json:"format,omitempty"`
	Encoding   string            `json:"encoding,omitempty"`
	Pages      int               `json:"pages,omitempty"`
	Findings   []Finding         `json:"findings"`
	Statements []Statement       `json:"statements"`
	Allowed    int               `json:"allowed"`
	Doc        *extract.Document `json:"-"`
}

// ScanFile reads and scans one file. A file that cannot be read is reported
// as unreadable with its reason, never as clean.
func (s *Scanner) ScanFile(path string, lim extract.Limits, opt Options) *FileReport {
	doc, err := extract.File(path, lim)
	return s.report(path, doc, err, opt)
}

// ScanBytes scans a file's content already in memory; name gives its format.
// A plain text is taken as UTF-8 and checked as it is scanned; one that is
// not UTF-8 after all is read again, as GB18030, and scanned again.
func (s *Scanner) ScanBytes(name string, data []byte, lim extract.Limits, opt Options) *FileReport {
	doc, err := extract.BytesUncheckedUTF8(name, data, lim)
	if err == nil {
		if res := s.Scan(doc, opt); !res.notUTF8 {
			return s.reportScanned(name, doc, res, opt)
		}
		doc, err = extract.Bytes(name, data, lim)
	}
	return s.report(name, doc, err, opt)
}

func (s *Scanner) report(path string, doc *extract.Document, err error, opt Options) *FileReport {
	fr := &FileReport{File: path, Findings: []Finding{}, Statements: []Statement{}}
	if err != nil {
		fr.Status = StatusUnreadable
		var ue *extract.UnreadableError
		if errors.As(err, &ue) {
			fr.Reason, fr.ReasonCode, fr.Detail = "无法检查："+ue.Reason, ue.Code, ue.Detail
		} else {
			fr.Reason, fr.ReasonCode, fr.Detail = "无法检查：读取文件时出错", "error", err.Error()
		}
		return fr
	}
	return s.reportScanned(path, doc, s.Scan(doc, opt), opt)
}

// reportScanned is the report of a document read and scanned.
func (s *Scanner) reportScanned(path string, doc *extract.Document, res *Result, opt Options) *FileReport {
	fr := &FileReport{File: path, Findings: []Finding{}, Statements: []Statement{}}
	if res.TooMany {
		fr.Status, fr.Reason, fr.ReasonCode = StatusUnreadable, tooManyReason(opt.maxFindings()), TooManyCode
		return fr
	}
	fr.Status = StatusChecked
	fr.Doc = doc
	fr.Coverage, fr.Format, fr.Encoding, fr.Pages = doc.Coverage, doc.Format, doc.Encoding, doc.Pages
	fr.Findings, fr.Statements, fr.Allowed = res.Findings, res.Statements, res.Allowed
	fr.Critical, fr.Worst = res.Critical(), res.Worst()
	if doc.Coverage < 1 {
		fr.Reason = doc.UnreadNote()
	}
	return fr
}

// Masked returns a copy of the report with personal data masked.
func (fr *FileReport) Masked() *FileReport {
	c := *fr
	c.Findings = make([]Finding, len(fr.Findings))
	for i, f := range fr.Findings {
		c.Findings[i] = Mask(f)
	}
	return &c
}
