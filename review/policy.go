package review

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"time"

	"prepub/assets"
	"prepub/review/scan"
)

// PolicyFile is one file of an office's policy: its name and its text, as read.
type PolicyFile struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// BuiltinKeywordsSource names the embedded keyword classes.
const BuiltinKeywordsSource = "内置关键词"

// Policy is an office's whole review policy: the routing rules, the keyword
// files of the secrecy scan and its allow list, with the version that names
// this content. The office server serves it to its workstations, so the
// clerk's live check and the server's own scan apply the same one.
type Policy struct {
	Rules    *Rules
	Builtin  PolicyFile   // the built-in keyword classes the office's files add to
	Keywords []PolicyFile // the office's keyword files, in order
	Allow    *PolicyFile  // the office's allow list; nil when there is none
	Version  string       // SHA-256 of the content, hex: the same files give the same version
	Loaded   time.Time    // when the office's files were read
	Scanner  *scan.Scanner
	Scan     *scan.Policy // the keyword file names and the parsed allow list, as the settings show them
}

// NewPolicy builds a policy from its files' text: it validates the rules,
// the keyword files and the allow list, and builds the scanner that applies them.
func NewPolicy(rules, builtin PolicyFile, keywords []PolicyFile, allow *PolicyFile, loaded time.Time) (*Policy, error) {
	r, err := ParseRules(rules.Name, []byte(rules.Text))
	if err != nil {
		return nil, err
	}
	p := &Policy{Rules: r, Builtin: builtin, Keywords: keywords, Allow: allow, Loaded: loaded, Scan: &scan.Policy{}}
	base, err := scan.ParseTerms(builtin.Name, []byte(builtin.Text))
	if err != nil {
		return nil, Wrap(err, ErrRules, "%s", err.Error())
	}
	files := []*scan.TermFile{base}
	for _, k := range keywords {
		tf, err := scan.ParseTerms(k.Name, []byte(k.Text))
		if err != nil {
			return nil, Wrap(err, ErrRules, "%s", err.Error())
		}
		files = append(files, tf)
		p.Scan.KeywordFiles = append(p.Scan.KeywordFiles, k.Name)
	}
	p.Scanner = scan.New(files...)
	if allow != nil {
		if p.Scan.Allow, err = scan.ParseAllow(allow.Name, []byte(allow.Text)); err != nil {
			return nil, Wrap(err, ErrRules, "%s", err.Error())
		}
		p.Scan.AllowFile = allow.Name
		p.Scanner = p.Scanner.WithAllow(p.Scan.Allow)
	}
	p.Version = p.contentHash()
	return p, nil
}

// LoadPolicy reads an office's files, each optional ("" for none): the rules
// file (else the embedded rules), its keyword files and its allow list.
func LoadPolicy(rulesFile string, keywordFiles []string, allowFile string, now time.Time) (*Policy, error) {
	rules := PolicyFile{Name: DefaultRulesSource, Text: string(assets.Rules)}
	if rulesFile != "" {
		f, err := readPolicyFile(rulesFile, "规则文件")
		if err != nil {
			return nil, err
		}
		rules = f
	}
	var keywords []PolicyFile
	for _, k := range keywordFiles {
		f, err := readPolicyFile(k, "关键词文件")
		if err != nil {
			return nil, err
		}
		keywords = append(keywords, f)
	}
	var allow *PolicyFile
	if allowFile != "" {
		f, err := readPolicyFile(allowFile, "白名单文件")
		if err != nil {
			return nil, err
		}
		allow = &f
	}
	return NewPolicy(rules, BuiltinKeywords(), keywords, allow, now)
}

// DefaultPolicy is the policy of rules with the built-in keyword classes and no allow list.
func DefaultPolicy(rules *Rules, now time.Time) *Policy {
	p, err := NewPolicy(PolicyFile{Name: rules.Source, Text: string(rules.Raw)}, BuiltinKeywords(), nil, nil, now)
	if err != nil {
		panic("rules or embedded keywords do not validate: " + err.Error()) // validated rules and a build defect only
	}
	return p
}

// BuiltinKeywords is the embedded keyword-class file.
func BuiltinKeywords() PolicyFile {
	return PolicyFile{Name: BuiltinKeywordsSource, Text: string(assets.Keywords)}
}

// readPolicyFile reads one of an office's files; what says which kind it is, for the message.
func readPolicyFile(path, what string) (PolicyFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return PolicyFile{}, Wrap(err, ErrRules, "无法读取%s %s：请检查文件是否存在、是否可读", what, path)
	}
	return PolicyFile{Name: path, Text: string(data)}, nil
}

// contentHash is the policy's version: SHA-256 over each file's text, in a
// fixed order, each as "kind len:text;". File names do not count: the same
// text moved to another folder is the same policy.
func (p *Policy) contentHash() string {
	h := sha256.New()
	put := func(kind, text string) {
		fmt.Fprintf(h, "%s %d:", kind, len(text))
		h.Write([]byte(text))
		h.Write([]byte(";"))
	}
	put("rules", string(p.Rules.Raw))
	put("builtin", p.Builtin.Text)
	for _, k := range p.Keywords {
		put("keywords", k.Text)
	}
	if p.Allow != nil {
		put("allow", p.Allow.Text)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ShortVersion is the version as a person reads it: its first 12 characters.
func (p *Policy) ShortVersion() string {
	if len(p.Version) < 12 {
		return p.Version
	}
	return p.Version[:12]
}
