package review_test

import (
	"math/rand"
	"reflect"
	"testing"
	"time"

	"prepub/review"
)

var (
	clerk     = review.Actor{User: "张起草", Role: review.RoleClerk}
	secrecy   = review.Actor{User: "李保密", Role: review.SecrecyOfficer}
	legal     = review.Actor{User: "王法制", Role: review.LegalOffice}
	deputy    = review.Actor{User: "赵分管", Role: review.DeputyHead}
	principal = review.Actor{User: "钱主要", Role: review.PrincipalHead}
)

const markedWithheldWhy = "本通知载明防汛物资储备库的具体位置和数量，经定密属于国家秘密事项。"

func fixedClock() func() time.Time {
	t := time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local)
	return func() time.Time { t = t.Add(time.Minute); return t }
}

func mustAct(t *testing.T, w *review.Workflow, a review.Actor, action string, finding int, note string) {
	t.Helper()
	if err := w.Act(a, action, finding, note); err != nil {
		t.Fatalf("%s by %s: %v", action, a.User, err)
	}
}

// TestWorkflowWithheld ensures a marked, withheld draft passes secrecy review, legal review and the principal head, in that order.
func TestWorkflowWithheld(t *testing.T) {
	w := review.NewWorkflow(review.DefaultRules(), clerk.User, draftOf(t, "机密★1年\n"+plain),
		review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: markedWithheldWhy})
	w.Clock = fixedClock()
	if w.State != review.StateSecrecyReview {
		t.Fatalf("state %s %v", w.State, w.Outcome.Returns)
	}
	if err := w.Act(secrecy, review.ActionApprove, -1, ""); review.ErrorCode(err) != review.ErrConflict {
		t.Fatalf("approve with an open finding: %v", err)
	}
	mustAct(t, w, secrecy, review.ActionConfirm, 0, "确属国家秘密")
	mustAct(t, w, secrecy, review.ActionApprove, -1, "")
	if w.State != review.StateLegalReview {
		t.Fatalf("state %s", w.State)
	}
	mustAct(t, w, legal, review.ActionApprove, -1, "依据和理由适当")
	mustAct(t, w, principal, review.ActionSign, -1, "同意")
	if w.State != review.StateWithheldFinal || len(w.History) != 5 {
		t.Fatalf("state %s, %d actions", w.State, len(w.History))
	}
}

// TestWorkflowReturnAndResubmit ensures a returned draft keeps its decision and, resubmitted, starts a new round.
func TestWorkflowReturnAndResubmit(t *testing.T) {
	w := review.NewWorkflow(review.DefaultRules(), clerk.User, draftOf(t, "机密★1年\n"+plain), review.Decision{Attribute: review.Public})
	if w.State != review.StateReturned || w.Outcome.Returns[0].Code != review.RetMarkedSecret {
		t.Fatalf("%s %v", w.State, w.Outcome.Returns)
	}
	if err := w.Resubmit(secrecy, review.Decision{Attribute: review.Withheld}); review.ErrorCode(err) != review.ErrForbidden {
		t.Fatalf("someone else resubmitted: %v", err)
	}
	dec := review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: markedWithheldWhy}
	if err := w.Resubmit(clerk, dec); err != nil || w.State != review.StateSecrecyReview {
		t.Fatalf("%v %s", err, w.State)
	}
	mustAct(t, w, secrecy, review.ActionClear, 0, "模板残留，已删除")
	mustAct(t, w, secrecy, review.ActionApprove, -1, "")
	mustAct(t, w, legal, review.ActionReturn, -1, "理由不充分")
	if w.State != review.StateReturned || w.Decision.Reason != markedWithheldWhy {
		t.Fatalf("returned draft lost its decision: %s %+v", w.State, w.Decision)
	}
	// The finding stays cleared; in the next round the same reviewer may take the same step again.
	if err := w.Resubmit(clerk, dec); err != nil || w.State != review.StateLegalReview {
		t.Fatalf("%v %s", err, w.State)
	}
	mustAct(t, w, legal, review.ActionApprove, -1, "")
}

// TestWorkflowRefusals ensures each refused action is an error with a Chinese message and changes nothing.
func TestWorkflowRefusals(t *testing.T) {
	rules := review.DefaultRules()
	newW := func(text string) *review.Workflow {
		if text == "" {
			text = "内部资料\n" + plain
		}
		w := review.NewWorkflow(rules, clerk.User, draftOf(t, text), review.Decision{Attribute: review.Public})
		w.Clock = fixedClock()
		return w
	}
	selfReview := review.Actor{User: clerk.User, Role: review.SecrecyOfficer}
	for _, tc := range []struct {
		name    string
		text    string
		prepare func(*review.Workflow)
		actor   review.Actor
		action  string
		finding int
		note    string
		code    string
	}{
		{"WrongRole", "", nil, deputy, review.ActionSign, -1, "", review.ErrForbidden},
		{"OwnDraft", "", nil, selfReview, review.ActionApprove, -1, "", review.ErrForbidden},
		{"SkipStep", "", nil, principal, review.ActionSign, -1, "", review.ErrForbidden},
		{"SignAtReview", "", nil, secrecy, review.ActionSign, -1, "", review.ErrConflict},
		{"ApproveOpenFinding", "", nil, secrecy, review.ActionApprove, -1, "", review.ErrConflict},
		{"ClearWithoutNote", "", nil, secrecy, review.ActionClear, 0, "", review.ErrInvalid},
		{"NoSuchFinding", "", nil, secrecy, review.ActionConfirm, 99, "x", review.ErrNotFound},
		{"ReturnWithoutNote", "", nil, secrecy, review.ActionReturn, -1, "", review.ErrInvalid},
		{"UnknownAction", "", nil, secrecy, "publish", -1, "", review.ErrInvalid},
		{"ConfirmedSecretNotPublic", plain + "附件首页标注“机密★”字样。\n", func(w *review.Workflow) { w.Act(secrecy, review.ActionConfirm, 0, "内部") }, secrecy, review.ActionApprove, -1, "", review.ErrConflict},
		{"TwoStepsOnePerson", "", func(w *review.Workflow) {
			w.Act(secrecy, review.ActionClear, 0, "刊物名称")
			w.Act(secrecy, review.ActionApprove, -1, "")
		}, review.Actor{User: secrecy.User, Role: review.DeputyHead}, review.ActionSign, -1, "", review.ErrForbidden},
		{"AfterDecision", "", func(w *review.Workflow) {
			w.Act(secrecy, review.ActionClear, 0, "刊物名称")
			w.Act(secrecy, review.ActionApprove, -1, "")
			w.Act(deputy, review.ActionSign, -1, "")
		}, deputy, review.ActionSign, -1, "", review.ErrConflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newW(tc.text)
			if tc.prepare != nil {
				tc.prepare(w)
			}
			before := snapshot(w)
			err := w.Act(tc.actor, tc.action, tc.finding, tc.note)
			if review.ErrorCode(err) != tc.code || review.ErrorMessage(err) == "" {
				t.Fatalf("want %s, got %v", tc.code, err)
			}
			if !reflect.DeepEqual(before, snapshot(w)) {
				t.Fatal("a refused action changed the workflow")
			}
		})
	}
}

type snap struct {
	State       review.State
	Current     int
	History     int
	Resolutions map[int]review.Resolution
}

func snapshot(w *review.Workflow) snap {
	res := map[int]review.Resolution{}
	for k, v := range w.Draft.Resolutions {
		res[k] = v
	}
	return snap{w.State, w.Current, len(w.History), res}
}

// TestWorkflowProperty ensures that random actions by random people in random roles never decide a draft
// without every step of its route done by someone allowed, and never let anyone act on their own draft.
func TestWorkflowProperty(t *testing.T) {
	rules := review.DefaultRules()
	texts := []string{plain, "机密★1年\n" + plain, "内部资料\n" + importantT, "特急\n" + plain + "电话13812345678\n"}
	decs := []review.Decision{
		{Attribute: review.Public},
		{Attribute: review.OnRequest, Reason: onReqWhy},
		{Attribute: review.Withheld, Basis: "state-secret", Reason: markedWithheldWhy},
		{Attribute: review.Withheld, Basis: "third-party", Reason: goodWhy},
	}
	users := []string{"甲", "乙", "丙", "丁", "戊"}
	roleList := []review.Role{review.RoleClerk, review.SecrecyOfficer, review.LegalOffice, review.DeputyHead, review.PrincipalHead}
	actions := []string{review.ActionConfirm, review.ActionClear, review.ActionApprove, review.ActionSign, review.ActionReturn, review.ActionResubmit}
	rng := rand.New(rand.NewSource(7))
	decided := 0
	for run := 0; run < 3000; run++ {
		drafter := users[rng.Intn(len(users))]
		w := review.NewWorkflow(rules, drafter, draftOf(t, texts[rng.Intn(len(texts))]), decs[rng.Intn(len(decs))])
		w.Clock = fixedClock()
		for k := 0; k < 40 && !w.State.Decided(); k++ {
			a := review.Actor{User: users[rng.Intn(len(users))], Role: roleList[rng.Intn(len(roleList))]}
			act := actions[rng.Intn(len(actions))]
			waiting, before := w.WaitingFor(), len(w.History)
			var err error
			if act == review.ActionResubmit {
				err = w.Resubmit(a, decs[rng.Intn(len(decs))])
			} else {
				err = w.Act(a, act, rng.Intn(3)-1, "说明")
			}
			if err == nil && act != review.ActionResubmit {
				if a.User == drafter {
					t.Fatalf("drafter %s acted on own draft: %s", drafter, act)
				}
				if a.Role != waiting {
					t.Fatalf("%s acted as %s at a %s step", a.User, a.Role, waiting)
				}
			}
			if err != nil && len(w.History) != before {
				t.Fatalf("refused %s still recorded", act)
			}
		}
		if w.State.Decided() {
			decided++
			checkDecided(t, w)
		}
	}
	if decided < 50 {
		t.Fatalf("only %d of 3000 random workflows were decided: the test explores too little", decided)
	}
}

// checkDecided ensures a decided workflow's last round took every step of its route in order, each by its own role and person.
func checkDecided(t *testing.T, w *review.Workflow) {
	t.Helper()
	start := 0
	for i, h := range w.History {
		if h.Action == review.ActionSubmit || h.Action == review.ActionResubmit {
			start = i
		}
	}
	people := map[string]int{}
	step := 0
	for _, h := range w.History[start+1:] {
		if h.Action != review.ActionApprove && h.Action != review.ActionSign {
			continue
		}
		want := w.Outcome.Route[step]
		if h.Step != step || h.Role != want.Role || h.User == w.Drafter {
			t.Fatalf("step %d done as %+v, route %+v", step, h, w.Outcome.Route)
		}
		if prev, ok := people[h.User]; ok && prev != step {
			t.Fatalf("%s took two steps", h.User)
		}
		people[h.User] = step
		step++
	}
	if step != len(w.Outcome.Route) || len(review.Unresolved(w.Draft)) != 0 && w.Outcome.Route[0].Role == review.SecrecyOfficer {
		t.Fatalf("decided after %d of %d steps", step, len(w.Outcome.Route))
	}
}
