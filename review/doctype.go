package review

import "time"

// DocType is a document's type as the annual report counts it (条例第二十条第（一）项):
// a rule (规章), a normative document (行政规范性文件), or any other document.
type DocType string

// The document types. An empty DocType means DocOther.
const (
	DocRegulation DocType = "regulation" // 规章
	DocNormative  DocType = "normative"  // 行政规范性文件
	DocOther      DocType = "other"      // 其他文件
)

// DocTypes lists the document types in the order forms and the report show them.
var DocTypes = []DocType{DocOther, DocNormative, DocRegulation}

// RetBadDocType returns a draft whose document type or validity period is wrong.
const RetBadDocType = "bad-doc-type"

// Valid reports whether t is a document type; empty counts as DocOther.
func (t DocType) Valid() bool {
	return t == "" || t == DocRegulation || t == DocNormative || t == DocOther
}

// Chinese returns the document type's Chinese name.
func (t DocType) Chinese() string {
	switch t {
	case DocRegulation:
		return "规章"
	case DocNormative:
		return "行政规范性文件"
	case DocOther, "":
		return "其他文件"
	}
	return string(t)
}

// ParseDocType reads a document type given by its code or its Chinese name;
// empty is DocOther. Anything else is an *Error with code ErrInvalid.
func ParseDocType(s string) (DocType, error) {
	if s == "" {
		return DocOther, nil
	}
	for _, t := range DocTypes {
		if s == string(t) || s == t.Chinese() || t == DocOther && s == "其他" {
			return t, nil
		}
	}
	return "", docTypeError(DocType(s))
}

func docTypeError(t DocType) *Error {
	return Errorf(ErrInvalid, "文件类型 %q 无效：请在规章（regulation）、行政规范性文件（normative）、其他文件（other）中选择一项", t)
}

// Kind returns the decision's document type: its own when set, else a
// decision marked Normative is a normative document, and any other is DocOther.
func (d Decision) Kind() DocType {
	switch {
	case d.DocType != "":
		return d.DocType
	case d.Normative:
		return DocNormative
	}
	return DocOther
}

// Normalized returns the decision with its document type and its Normative
// flag in agreement: a normative document is Normative (and so important),
// and a decision marked Normative without a type is a normative document.
// This is the one place the two are reconciled; Check and the workflow use it.
func (d Decision) Normalized() Decision {
	if d.DocType == "" && d.Normative {
		d.DocType = DocNormative
	}
	if d.DocType == DocNormative {
		d.Normative = true
	}
	return d
}

// CheckDocument returns what is wrong with the decision's document type and
// validity period, or nil: an *Error with code ErrInvalid and a Chinese message
// that says what to do. A normative flag on a document of another type, a
// type that is none of the three, and a validity end that is not a date are wrong.
func (d Decision) CheckDocument() error {
	if !d.DocType.Valid() {
		return docTypeError(d.DocType)
	}
	if d.Normative && d.DocType != "" && d.DocType != DocNormative {
		return Errorf(ErrInvalid, "已标为规范性文件，但文件类型选择了“%s”：规范性文件请选择“行政规范性文件”，否则请取消规范性文件标记", d.DocType.Chinese())
	}
	if d.ValidUntil != "" {
		if _, err := time.Parse(time.DateOnly, d.ValidUntil); err != nil {
			return Errorf(ErrInvalid, "有效期至 %q 不是日期：应为 YYYY-MM-DD，如 2031-06-30（没有有效期的请留空）", d.ValidUntil)
		}
	}
	return nil
}

// checkDocument returns a draft whose document type or validity period is wrong.
func checkDocument(out *Outcome, dec Decision) {
	if err := dec.CheckDocument(); err != nil {
		out.add(RetBadDocType, "%s", ErrorMessage(err))
	}
}
