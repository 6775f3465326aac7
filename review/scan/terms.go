package scan

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/BurntSushi/toml"
)

// TermClass is one group of keywords that share a category, severity and basis.
type TermClass struct {
	Category  string   `toml:"category"`
	Severity  Severity `toml:"severity"`
	Basis     string   `toml:"basis"`
	HeadBoost bool     `toml:"head_boost"`
	Mention   bool     `toml:"mention"`
	Note      string   `toml:"note"`
	Terms     []string `toml:"terms"`
	Examples  []string `toml:"examples"`
	Counter   []string `toml:"counter"`
}

// StatementClass lists the wordings that declare one disclosure attribute.
type StatementClass struct {
	Attribute string   `toml:"attribute"`
	Terms     []string `toml:"terms"`
}

// TermFile is the content of a keyword file.
type TermFile struct {
	Classes    []TermClass      `toml:"class"`
	Statements []StatementClass `toml:"statement"`
}

// BasisCodes are the legal-basis codes a finding may suggest.
var BasisCodes = []string{"state-secret", "law-forbids", "security-stability", "third-party",
	"internal-affairs", "process-info", "enforcement-file", "query-matter"}

// Attributes are the disclosure attributes a statement may declare.
var Attributes = []string{"public", "on-request", "withheld"}

// ParseTerms reads and validates a keyword file. name is used in error messages.
func ParseTerms(name string, data []byte) (*TermFile, error) {
	var f TermFile
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("关键词文件 %s 第 %d 行格式错误：%s", name, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("关键词文件 %s 格式错误：%v", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("关键词文件 %s：不认识的字段 %q", name, und[0].String())
	}
	for i, c := range f.Classes {
		where := fmt.Sprintf("关键词文件 %s 第 %d 个 [[class]]（%s）", name, i+1, c.Category)
		switch {
		case c.Category == "":
			return nil, fmt.Errorf("%s：缺少 category", where)
		case c.Severity.Rank() == 0:
			return nil, fmt.Errorf("%s：severity 必须是 critical、high、medium 或 low，而不是 %q", where, c.Severity)
		case c.Basis != "" && !contains(BasisCodes, c.Basis):
			return nil, fmt.Errorf("%s：未知的法律依据代码 %q", where, c.Basis)
		case len(c.Terms) == 0:
			return nil, fmt.Errorf("%s：terms 为空", where)
		}
		for _, t := range c.Terms {
			if Normalize(t) == "" {
				return nil, fmt.Errorf("%s：有空白的关键词", where)
			}
		}
	}
	for i, s := range f.Statements {
		if !contains(Attributes, s.Attribute) {
			return nil, fmt.Errorf("关键词文件 %s 第 %d 个 [[statement]]：attribute 必须是 public、on-request 或 withheld，而不是 %q", name, i+1, s.Attribute)
		}
	}
	return &f, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
