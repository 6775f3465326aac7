package review

import (
	"strings"
	"testing"
)

// TestNames ensures every state has a Chinese name in both forms, a decided
// state and its attribute map onto each other, and every basis is found again
// by its label.
func TestNames(t *testing.T) {
	states := []State{StateDraft, StateSecrecyReview, StateLegalReview, StateDeputySignOff, StatePrincipalSign,
		StateReturned, StatePublished, StateOnRequest, StateWithheldFinal}
	for _, s := range states {
		if s.Chinese() == string(s) || s.Described() == string(s) {
			t.Errorf("%s has no Chinese name: %q / %q", s, s.Chinese(), s.Described())
		}
		if s.Decided() != strings.HasPrefix(s.Described(), "已决定：") {
			t.Errorf("%s described as %q", s, s.Described())
		}
	}
	if got := StateLegalReview.Described(); got != "审查中：待法制机构审查" {
		t.Errorf("legal review described as %q", got)
	}
	if got := StateWithheldFinal.Described(); got != "已决定：不予公开" {
		t.Errorf("withheld described as %q", got)
	}
	for _, a := range []Attribute{Public, OnRequest, Withheld} {
		if AttributeOf(DecidedState(a)) != a || !DecidedState(a).Decided() {
			t.Errorf("%s: state %s, back %s", a, DecidedState(a), AttributeOf(DecidedState(a)))
		}
	}
	for _, b := range Bases {
		got, ok := BasisByLabel(b.Label())
		if !ok || got.Code != b.Code {
			t.Errorf("basis %s: label %q found %+v", b.Code, b.Label(), got)
		}
	}
	if _, ok := BasisByLabel("属于国家秘密"); ok {
		t.Error("a name without its article found a basis")
	}
}
