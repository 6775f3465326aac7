package review

import (
	"fmt"
	"time"
)

// State is where a draft stands in its workflow.
type State string

// Workflow states. A draft waits at the step its route has next, is returned
// to its drafter with reasons, or is decided with its attribute.
const (
	StateDraft         State = "draft"
	StateSecrecyReview State = "secrecy-review"
	StateLegalReview   State = "legal-review"
	StateDeputySignOff State = "deputy-sign-off"
	StatePrincipalSign State = "principal-sign-off"
	StateReturned      State = "returned"
	StatePublished     State = "decided-public"
	StateOnRequest     State = "decided-on-request"
	StateWithheldFinal State = "decided-withheld"
)

// RoleClerk is the account role of a drafting clerk.
const RoleClerk Role = "clerk"

// Actions a person takes on a draft (the server's contract names).
const (
	ActionSubmit   = "submit"
	ActionConfirm  = "confirm"
	ActionClear    = "clear"
	ActionApprove  = "approve"
	ActionSign     = "sign"
	ActionReturn   = "return"
	ActionResubmit = "resubmit"
)

// noFinding marks a history entry about no finding, or taken at no step.
const noFinding = -1

// stepState is the state a draft is in while it waits for a role.
var stepState = map[Role]State{
	SecrecyOfficer: StateSecrecyReview, LegalOffice: StateLegalReview,
	DeputyHead: StateDeputySignOff, PrincipalHead: StatePrincipalSign,
}

// StepState returns the state a draft is in while it waits for role.
func StepState(role Role) (State, bool) {
	s, ok := stepState[role]
	return s, ok
}

// Decided reports whether a state is final.
func (s State) Decided() bool {
	return s == StatePublished || s == StateOnRequest || s == StateWithheldFinal
}

// Actor is a person acting on a draft: an account name and the role they act in.
type Actor struct {
	User string `json:"user"`
	Role Role   `json:"role"`
}

// Action is one entry in a draft's history.
type Action struct {
	Action  string    `json:"action"`
	User    string    `json:"user"`
	Role    Role      `json:"role"`
	Step    int       `json:"step"`              // index of the route step it took, -1 for none
	Finding int       `json:"finding,omitempty"` // for confirm and clear
	Note    string    `json:"note,omitempty"`
	At      time.Time `json:"at"`
	State   State     `json:"state"` // the state after the action
}

// Workflow is one draft on its way to a decision. Its methods either apply an
// action and return nil, or refuse it with an *Error and change nothing.
type Workflow struct {
	Drafter  string           `json:"drafter"`
	Draft    Draft            `json:"-"`
	Decision Decision         `json:"decision"`
	Outcome  Outcome          `json:"outcome"`
	State    State            `json:"state"`
	Current  int              `json:"current"` // index of the route step waiting, when in review
	History  []Action         `json:"history"`
	Rules    *Rules           `json:"-"`
	Clock    func() time.Time `json:"-"`
}

// NewWorkflow starts a draft's workflow by submitting it: it is checked, then
// either returned with reasons or put at the first step of its route.
func NewWorkflow(rules *Rules, drafter string, d Draft, dec Decision) *Workflow {
	if d.Resolutions == nil {
		d.Resolutions = map[int]Resolution{}
	}
	w := &Workflow{Drafter: drafter, Draft: d, Rules: rules, State: StateDraft, Clock: time.Now}
	w.submit(Actor{drafter, RoleClerk}, dec, ActionSubmit)
	return w
}

func (w *Workflow) now() time.Time {
	if w.Clock == nil {
		return time.Now()
	}
	return w.Clock()
}

// submit checks the decision and moves the draft to its first step, or returns it.
func (w *Workflow) submit(a Actor, dec Decision, action string) {
	w.Decision = dec.Normalized()
	w.Outcome = w.Rules.Check(w.Draft, dec)
	w.Current = 0
	if w.Outcome.Result != Routed {
		w.State = StateReturned
	} else {
		w.advance()
	}
	w.record(a, action, noFinding, "")
}

// advance moves to the next step of the route from w.Current, or decides the draft.
func (w *Workflow) advance() {
	if w.Current < len(w.Outcome.Route) {
		w.State = stepState[w.Outcome.Route[w.Current].Role]
		return
	}
	w.State = DecidedState(w.Decision.Attribute)
}

func (w *Workflow) record(a Actor, action string, finding int, note string) {
	step := noFinding
	if w.State != StateReturned && !w.State.Decided() && action != ActionSubmit && action != ActionResubmit {
		step = w.Current
	}
	w.History = append(w.History, Action{Action: action, User: a.User, Role: a.Role, Step: step,
		Finding: finding, Note: note, At: w.now(), State: w.State})
}

// WaitingFor returns the role the draft waits for, or "" when none does.
func (w *Workflow) WaitingFor() Role {
	if w.State == StateReturned || w.State.Decided() || w.Current >= len(w.Outcome.Route) {
		return ""
	}
	return w.Outcome.Route[w.Current].Role
}

// Act applies one action by one person: confirm or clear a finding (secrecy
// officer), approve (secrecy officer or legal office), sign (heads), or return.
func (w *Workflow) Act(a Actor, action string, finding int, note string) error {
	if err := w.mayAct(a); err != nil {
		return err
	}
	if err := CheckText("意见", note, MaxReasonRunes); err != nil {
		return err
	}
	role := w.WaitingFor()
	switch action {
	case ActionConfirm, ActionClear:
		if role != SecrecyOfficer {
			return Errorf(ErrConflict, "只有保密审查环节可以确认或排除保密检查结果")
		}
		if finding < 0 || finding >= len(w.Draft.Report.Findings) {
			return Errorf(ErrNotFound, "没有第 %d 条检查结果", finding+1)
		}
		if action == ActionClear && note == "" {
			return Errorf(ErrInvalid, "排除误报须写明理由")
		}
		w.Draft.Resolutions[finding] = Resolution{Confirmed: action == ActionConfirm, Note: note, By: a.User}
		w.record(a, action, finding, note)
		return nil
	case ActionApprove:
		if role != SecrecyOfficer && role != LegalOffice {
			return Errorf(ErrConflict, "当前环节是%s，应当签发而不是审核通过", role.Chinese())
		}
		if role == SecrecyOfficer {
			if err := SecrecyApproveRefusal(w.Draft, w.Decision); err != nil {
				return err
			}
		}
	case ActionSign:
		if role != DeputyHead && role != PrincipalHead {
			return Errorf(ErrConflict, "当前环节是%s，不是签发环节", role.Chinese())
		}
	case ActionReturn:
		if note == "" {
			return Errorf(ErrInvalid, "退回须写明理由，起草人才知道如何修改")
		}
		w.State = StateReturned
		w.record(a, action, noFinding, note)
		return nil
	default:
		return Errorf(ErrInvalid, "未知操作 %q", action)
	}
	w.record(a, action, noFinding, note)
	w.Current++
	w.advance()
	w.History[len(w.History)-1].State = w.State
	return nil
}

// Resubmit sends a returned draft again with a new decision; only its drafter may.
func (w *Workflow) Resubmit(a Actor, dec Decision) error {
	if a.User != w.Drafter {
		return Errorf(ErrForbidden, "只有起草人 %s 可以重新提交该草稿", w.Drafter)
	}
	if w.State != StateReturned {
		return Errorf(ErrConflict, "该草稿没有被退回，不能重新提交（当前状态：%s）", w.State)
	}
	if err := dec.CheckLimits(); err != nil {
		return err
	}
	w.submit(a, dec, ActionResubmit)
	return nil
}

// mayAct refuses a person who may not act on the draft now.
func (w *Workflow) mayAct(a Actor) error {
	role := w.WaitingFor()
	switch {
	case role == "":
		return Errorf(ErrConflict, "该草稿已%s，不能再操作", w.stateChinese())
	case a.User == w.Drafter:
		return Errorf(ErrForbidden, "不能审核或签发自己起草的草稿（职责分离）")
	case a.Role != role:
		return Errorf(ErrForbidden, "该草稿正等待%s处理，您的角色是%s", role.Chinese(), a.Role.Chinese())
	}
	if !w.Rules.Settings.SamePersonTwoSteps {
		for _, h := range w.History[w.roundStart():] {
			if h.User == a.User && h.Step >= 0 && h.Step != w.Current {
				return Errorf(ErrForbidden, "您已经办理过该草稿的%s环节，同一人不能办理同一草稿的两个环节", h.Role.Chinese())
			}
		}
	}
	return nil
}

// roundStart returns the index in the history of the last submission: steps
// taken before a draft was returned and resubmitted belong to an earlier round.
func (w *Workflow) roundStart() int {
	start := 0
	for i, h := range w.History {
		if h.Action == ActionSubmit || h.Action == ActionResubmit {
			start = i
		}
	}
	return start
}

func (w *Workflow) stateChinese() string {
	switch w.State {
	case StateReturned:
		return "退回起草人"
	case StatePublished:
		return "决定主动公开"
	case StateOnRequest:
		return "决定依申请公开"
	case StateWithheldFinal:
		return "决定不予公开"
	}
	return fmt.Sprint(w.State)
}
