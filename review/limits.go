package review

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits on what a person types into a decision, a note or an account. They
// are far above what any real draft needs and keep one request from costing
// the server memory in proportion to its size (a 30 MB reason cost 5 GB).
const (
	MaxTitleRunes   = 200  // a draft's title
	MaxReasonRunes  = 2000 // a reason for withholding, for a redaction, or a note on an action
	MaxRedactions   = 200  // passages withheld from one draft
	MaxPassageRunes = 2000 // one withheld passage
	MaxNameRunes    = 100  // a user name or a department
	MaxFileRunes    = 255  // a file name
	MaxCodeRunes    = 64   // an attribute, basis, document type or date
)

// CheckText refuses a text a person typed that a store cannot keep or that is
// too long: one with a NUL character, with bytes that are not UTF-8, or with
// more than max characters. field names it in the Chinese message.
func CheckText(field, s string, max int) error {
	switch {
	case !utf8.ValidString(s):
		return Errorf(ErrInvalid, "%s含有无法识别的字符（不是有效的 UTF-8 文字），请重新输入", field)
	case strings.IndexByte(s, 0) >= 0:
		return Errorf(ErrInvalid, "%s含有空字符（NUL），请删除后重新输入", field)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return Errorf(ErrInvalid, "%s过长（%d 字，上限 %d 字），请精简后重新输入", field, n, max)
	}
	return nil
}

// textField is one typed text of a decision with its limit.
type textField struct {
	name, value string
	max         int
}

// CheckLimits refuses a decision with a field a store cannot keep or longer
// than its limit, or with more withheld passages than MaxRedactions, naming the
// field and the limit; nil when every field is within them.
func (d Decision) CheckLimits() error {
	fields := []textField{
		{"公开属性", string(d.Attribute), MaxCodeRunes}, {"法律依据", d.Basis, MaxCodeRunes},
		{"理由", d.Reason, MaxReasonRunes}, {"标题", d.Title, MaxTitleRunes},
		{"文件类型", string(d.DocType), MaxCodeRunes}, {"有效期", d.ValidUntil, MaxCodeRunes},
	}
	if in := d.Interpretation; in != nil {
		fields = append(fields, textField{"政策解读材料的文件名", in.File, MaxFileRunes},
			textField{"政策解读材料无法读取的原因", in.Reason, MaxReasonRunes})
	}
	if len(d.Redactions) > MaxRedactions {
		return Errorf(ErrInvalid, "拟删除的内容过多（%d 处，上限 %d 处）：删除如此之多的，请考虑整体不予公开或拆分文件", len(d.Redactions), MaxRedactions)
	}
	for i, r := range d.Redactions {
		n := fmt.Sprintf("第 %d 处", i+1)
		fields = append(fields, textField{n + "删除的内容", r.Text, MaxPassageRunes},
			textField{n + "删除的法律依据", r.Basis, MaxCodeRunes}, textField{n + "删除的理由", r.Reason, MaxReasonRunes})
	}
	for _, f := range fields {
		if err := CheckText(f.name, f.value, f.max); err != nil {
			return err
		}
	}
	return nil
}
