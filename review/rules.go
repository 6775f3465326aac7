package review

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"prepub/assets"
)

// Route conditions a step's `when` and `unless` may name.
const (
	CondPublic         = "public"
	CondOnRequest      = "on-request"
	CondWithheld       = "withheld"
	CondImportant      = "important"
	CondOrdinary       = "ordinary"
	CondPartial        = "partial"
	CondPolicy         = "policy"
	CondSecrecyFinding = "secrecy-finding"
	CondAlways         = "always"
)

var conditions = []string{CondPublic, CondOnRequest, CondWithheld, CondImportant, CondOrdinary,
	CondPartial, CondPolicy, CondSecrecyFinding, CondAlways}

// Settings are an office's choices where the rules allow them.
type Settings struct {
	OnRequestNeedsReason bool     `toml:"on_request_needs_reason"`
	MinReasonChars       int      `toml:"min_reason_chars"`
	ImportantTitleWords  []string `toml:"important_title_words"`
	ImportantUrgency     []string `toml:"important_urgency"`
	SamePersonTwoSteps   bool     `toml:"same_person_two_steps"`
}

// StepRule puts a role on a draft's route when any `when` condition holds and no `unless` condition does.
type StepRule struct {
	Role   Role     `toml:"role"`
	When   []string `toml:"when"`
	Unless []string `toml:"unless"`
	Why    string   `toml:"why"`
	Line   int      `toml:"-"` // where the step starts in its file
}

// Rules are the validated sign-off rules in force.
type Rules struct {
	Settings Settings   `toml:"settings"`
	Steps    []StepRule `toml:"step"`
	Source   string     `toml:"-"` // the file they came from, or the embedded default
	Raw      []byte     `toml:"-"` // the file's text, as read
}

// DefaultRulesSource names the embedded default rules.
const DefaultRulesSource = "内置默认规则"

// DefaultRules returns the embedded default rules.
func DefaultRules() *Rules {
	r, err := ParseRules(DefaultRulesSource, assets.Rules)
	if err != nil {
		panic("embedded rules do not validate: " + err.Error()) // a build defect, caught by the tests
	}
	return r
}

var stepHeader = regexp.MustCompile(`(?m)^[ \t]*\[\[[ \t]*step[ \t]*\]\]`)

// ParseRules reads and validates a rules file. Errors are *Error with code
// ErrRules and say which line is wrong.
func ParseRules(source string, data []byte) (*Rules, error) {
	r := &Rules{Source: source, Raw: data}
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(r)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, Errorf(ErrRules, "规则文件 %s 第 %d 行格式错误：%s", source, pe.Position.Line, pe.Message)
		}
		return nil, Errorf(ErrRules, "规则文件 %s 格式错误：%v", source, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, Errorf(ErrRules, "规则文件 %s 第 %d 行：不认识的字段 %q", source, lineOf(data, und[len(und)-1][len(und[len(und)-1])-1]), und[0].String())
	}
	if !md.IsDefined("settings", "on_request_needs_reason") {
		r.Settings.OnRequestNeedsReason = true
	}
	if !md.IsDefined("settings", "min_reason_chars") {
		r.Settings.MinReasonChars = 10
	}
	headers := stepHeader.FindAllIndex(data, -1)
	for i := range r.Steps {
		if i < len(headers) {
			r.Steps[i].Line = bytes.Count(data[:headers[i][0]], []byte("\n")) + 1
		}
	}
	if err := r.validate(); err != nil {
		return nil, err
	}
	return r, nil
}

// lineOf returns the first line where key is assigned, or 0.
func lineOf(data []byte, key string) int {
	re, err := regexp.Compile(`(?m)^[ \t]*` + regexp.QuoteMeta(key) + `[ \t]*=`)
	if err != nil {
		return 0
	}
	if loc := re.FindIndex(data); loc != nil {
		return bytes.Count(data[:loc[0]], []byte("\n")) + 1
	}
	return 0
}

func (r *Rules) validate() error {
	if r.Settings.MinReasonChars < 0 {
		return Errorf(ErrRules, "规则文件 %s：min_reason_chars 不能为负数", r.Source)
	}
	if len(r.Steps) == 0 {
		return Errorf(ErrRules, "规则文件 %s：没有任何 [[step]]，草稿将无人签发", r.Source)
	}
	seen := map[Role]int{}
	for _, s := range r.Steps {
		at := fmt.Sprintf("规则文件 %s 第 %d 行", r.Source, s.Line)
		if !validRole(s.Role) {
			return Errorf(ErrRules, "%s：未知角色 %q（应为 secrecy-officer、legal-office、deputy-head 或 principal-head）", at, s.Role)
		}
		if first, ok := seen[s.Role]; ok {
			return Errorf(ErrRules, "%s：角色 %s 已在第 %d 行出现，同一草稿会再次回到该环节（循环）", at, s.Role, first)
		}
		seen[s.Role] = s.Line
		if len(s.When) == 0 {
			return Errorf(ErrRules, "%s：步骤 %s 没有 when 条件，永远不会进入流程", at, s.Role)
		}
		for _, c := range append(append([]string{}, s.When...), s.Unless...) {
			if !contains(conditions, c) {
				return Errorf(ErrRules, "%s：未知条件 %q（可用：%s）", at, c, strings.Join(conditions, "、"))
			}
		}
	}
	// Every kind of draft must reach a signer, and every step must be reachable by some draft.
	reached := map[Role]bool{}
	for _, f := range allFacts() {
		route := r.route(f)
		signed := false
		for _, s := range route {
			reached[s.Role] = true
			signed = signed || s.Role == DeputyHead || s.Role == PrincipalHead
		}
		if !signed {
			return Errorf(ErrRules, "规则文件 %s：%s的草稿没有签发环节（须有 deputy-head 或 principal-head）", r.Source, f.describe())
		}
	}
	for _, s := range r.Steps {
		if !reached[s.Role] {
			return Errorf(ErrRules, "规则文件 %s 第 %d 行：步骤 %s 的条件互相排斥，任何草稿都不会经过该环节", r.Source, s.Line, s.Role)
		}
	}
	return nil
}

func validRole(r Role) bool {
	for _, x := range StepRoles {
		if x == r {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// facts are what the route conditions are judged on.
type facts struct {
	attr      Attribute
	important bool
	partial   bool
	policy    bool
	secrecy   bool
}

// allFacts enumerates every kind of draft the conditions can tell apart.
func allFacts() []facts {
	var out []facts
	for _, a := range Attributes {
		for _, imp := range []bool{false, true} {
			for _, part := range []bool{false, true} {
				if part && a == Withheld {
					continue
				}
				for _, pol := range []bool{false, true} {
					for _, sec := range []bool{false, true} {
						out = append(out, facts{a, imp, part, pol, sec})
					}
				}
			}
		}
	}
	return out
}

func (f facts) describe() string {
	s := f.attr.Chinese()
	if f.important {
		s += "、重要"
	} else {
		s += "、一般"
	}
	if f.partial {
		s += "、部分公开"
	}
	if f.policy {
		s += "、政策性文件"
	}
	if f.secrecy {
		s += "、有保密问题"
	}
	return s
}

func (f facts) holds(cond string) bool {
	switch cond {
	case CondPublic:
		return f.attr == Public
	case CondOnRequest:
		return f.attr == OnRequest
	case CondWithheld:
		return f.attr == Withheld
	case CondImportant:
		return f.important
	case CondOrdinary:
		return !f.important
	case CondPartial:
		return f.partial
	case CondPolicy:
		return f.policy
	case CondSecrecyFinding:
		return f.secrecy
	case CondAlways:
		return true
	}
	return false
}

// route returns the steps whose conditions hold, in file order.
func (r *Rules) route(f facts) []Step {
	var out []Step
	for _, s := range r.Steps {
		when, unless := false, false
		for _, c := range s.When {
			when = when || f.holds(c)
		}
		for _, c := range s.Unless {
			unless = unless || f.holds(c)
		}
		if when && !unless {
			out = append(out, Step{Role: s.Role, Why: s.Why})
		}
	}
	return out
}

// Summary describes the rules in force in a few Chinese lines.
func (r *Rules) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "规则来源：%s\n", r.Source)
	need := "不需要"
	if r.Settings.OnRequestNeedsReason {
		need = "需要"
	}
	fmt.Fprintf(&b, "依申请公开%s说明理由；理由至少 %d 字\n", need, r.Settings.MinReasonChars)
	fmt.Fprintf(&b, "重要信息标题用语：%s；紧急程度：%s\n", strings.Join(r.Settings.ImportantTitleWords, "、"), strings.Join(r.Settings.ImportantUrgency, "、"))
	for i, s := range r.Steps {
		fmt.Fprintf(&b, "%d. %s：%s时", i+1, s.Role.Chinese(), conditionList(s.When))
		if len(s.Unless) > 0 {
			fmt.Fprintf(&b, "（%s的除外）", conditionList(s.Unless))
		}
		b.WriteString("\n")
	}
	return b.String()
}
