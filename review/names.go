package review

// The Chinese names of the workflow's states and the labels of the lawful
// bases, and the one mapping between a decision's attribute and its final
// state: what every screen, sheet and command shows comes from here.

// stateNames are the Chinese names of the workflow states as a list shows them.
var stateNames = map[State]string{
	StateDraft:         "草稿",
	StateSecrecyReview: "待保密审查",
	StateLegalReview:   "待法制机构审查",
	StateDeputySignOff: "待分管负责人签发",
	StatePrincipalSign: "待主要负责人审批",
	StateReturned:      "已退回起草人",
	StatePublished:     "已决定主动公开",
	StateOnRequest:     "已决定依申请公开",
	StateWithheldFinal: "已决定不予公开",
}

// Chinese returns the state's name as a list shows it, e.g. 待保密审查 or 已决定不予公开.
func (s State) Chinese() string {
	if n, ok := stateNames[s]; ok {
		return n
	}
	return string(s)
}

// Described returns the state's name with its phase, as paperwork prints it,
// e.g. 审查中：待保密审查 or 已决定：不予公开.
func (s State) Described() string {
	switch {
	case s.Decided():
		return "已决定：" + AttributeOf(s).Chinese()
	case s == StateDraft || s == StateReturned:
		return s.Chinese()
	case stateNames[s] != "":
		return "审查中：" + s.Chinese()
	}
	return string(s)
}

// DecidedState returns the final state of a decision with this attribute.
func DecidedState(a Attribute) State {
	switch a {
	case Public:
		return StatePublished
	case OnRequest:
		return StateOnRequest
	}
	return StateWithheldFinal
}

// AttributeOf returns the attribute a final state decided; a state not final
// gives Withheld, the attribute that discloses nothing.
func AttributeOf(s State) Attribute {
	switch s {
	case StatePublished:
		return Public
	case StateOnRequest:
		return OnRequest
	}
	return Withheld
}

// Label returns a basis as a person picks it: its name and article, e.g. 属于国家秘密（第十四条）.
func (b Basis) Label() string { return b.Name + "（" + b.Article + "）" }

// BasisByLabel returns the basis a label names, false for none.
func BasisByLabel(label string) (Basis, bool) {
	for _, b := range Bases {
		if b.Label() == label {
			return b, true
		}
	}
	return Basis{}, false
}
