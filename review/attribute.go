package review

// Attribute is a draft's disclosure attribute (公开属性).
type Attribute string

// The three attributes.
const (
	Public    Attribute = "public"     // 主动公开
	OnRequest Attribute = "on-request" // 依申请公开
	Withheld  Attribute = "withheld"   // 不予公开
)

// Attributes lists the attributes in the order forms show them.
var Attributes = []Attribute{Public, OnRequest, Withheld}

// Valid reports whether a is one of the three attributes.
func (a Attribute) Valid() bool { return a == Public || a == OnRequest || a == Withheld }

// Chinese returns the attribute's Chinese name.
func (a Attribute) Chinese() string {
	switch a {
	case Public:
		return "主动公开"
	case OnRequest:
		return "依申请公开"
	case Withheld:
		return "不予公开"
	}
	return string(a)
}

// Basis is a lawful basis for withholding, with the annual report's category name.
type Basis struct {
	Code    string // e.g. "state-secret"
	Name    string // the annual report's category, e.g. "属于国家秘密"
	Article string // the article of the Regulations, e.g. "第十四条"
	Help    string // what the clerk must keep in mind, empty when nothing
	May     bool   // Art. 16: the agency "may" withhold, so the reason must say why it does
}

// Bases are the eight lawful bases, in the annual report's order (table 3, 三（三）1–8).
var Bases = []Basis{
	{Code: "state-secret", Name: "属于国家秘密", Article: "第十四条"},
	{Code: "law-forbids", Name: "其他法律行政法规禁止公开", Article: "第十四条"},
	{Code: "security-stability", Name: "危及“三安全一稳定”", Article: "第十四条"},
	{Code: "third-party", Name: "保护第三方合法权益", Article: "第十五条",
		Help: "第十五条：第三方同意公开，或不公开会对公共利益造成重大影响的，应当公开；请在理由中说明已征求第三方意见或已作公共利益衡量"},
	{Code: "internal-affairs", Name: "属于三类内部事务信息", Article: "第十六条第一款", May: true,
		Help: "第十六条为“可以不予公开”，且法律、法规、规章规定应当公开的从其规定：请在理由中说明为何选择不公开"},
	{Code: "process-info", Name: "属于四类过程性信息", Article: "第十六条第二款", May: true,
		Help: "第十六条为“可以不予公开”，且法律、法规、规章规定应当公开的从其规定：请在理由中说明为何选择不公开"},
	{Code: "enforcement-file", Name: "属于行政执法案卷", Article: "第十六条第二款", May: true,
		Help: "第十六条为“可以不予公开”，且法律、法规、规章规定应当公开的从其规定：请在理由中说明为何选择不公开"},
	{Code: "query-matter", Name: "属于行政查询事项", Article: "年报分类"},
}

// LookupBasis returns the basis with the code, or false.
func LookupBasis(code string) (Basis, bool) {
	for _, b := range Bases {
		if b.Code == code {
			return b, true
		}
	}
	return Basis{}, false
}

// Role is a step of the sign-off route, and the account role that takes it.
type Role string

// The roles that take steps of a route, in route order.
const (
	SecrecyOfficer Role = "secrecy-officer"
	LegalOffice    Role = "legal-office"
	DeputyHead     Role = "deputy-head"
	PrincipalHead  Role = "principal-head"
)

// StepRoles lists the roles that may appear on a route.
var StepRoles = []Role{SecrecyOfficer, LegalOffice, DeputyHead, PrincipalHead}

// Chinese returns the role's Chinese name.
func (r Role) Chinese() string {
	switch r {
	case SecrecyOfficer:
		return "保密员"
	case LegalOffice:
		return "法制机构"
	case DeputyHead:
		return "分管负责人"
	case PrincipalHead:
		return "主要负责人"
	case "clerk":
		return "起草人"
	}
	return string(r)
}
