package main

import (
	"encoding/json"
	"strings"
	"testing"

	"prepub/internal/docxfixture"
)

// TestCheckExitStatus ensures check's contract: 0 routed, 1 returned, 2 unreadable, 64 bad usage.
func TestCheckExitStatus(t *testing.T) {
	dir := t.TempDir()
	marked := write(t, dir, "marked.txt", []byte("机密★1年\n关于做好防汛工作的通知\n"))
	interp := write(t, dir, "解读.docx", docxfixture.Doc{Body: []string{"关于《办法》的政策解读"}}.Build())
	badInterp := write(t, dir, "解读.doc", []byte("\xD0\xCF\x11\xE0"))
	empty := write(t, dir, "empty.txt", nil)
	badRules := write(t, dir, "rules.toml", []byte("[[step]]\nrole = \"mayor\"\nwhen = [\"always\"]\n"))
	why := "--reason=载明防汛物资储备库位置和数量，经定密属于国家秘密事项"
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"Routed", []string{"check", "--attr", "public", corpus + "xuyi-news.txt"}, 0},
		{"RoutedWithheld", []string{"check", "--attr", "withheld", "--basis", "state-secret", why, marked}, 0},
		{"ReturnedMarked", []string{"check", "--attr", "public", marked}, 1},
		{"ReturnedNoAttribute", []string{"check", corpus + "xuyi-news.txt"}, 1},
		{"PolicyWithInterpretation", []string{"check", "--attr", "public", "--policy", "--interpretation", interp, corpus + "xuyi-news.txt"}, 0},
		{"PolicyUnreadableInterpretation", []string{"check", "--attr", "public", "--policy", "--interpretation", badInterp, corpus + "xuyi-news.txt"}, 1},
		{"Unreadable", []string{"check", "--attr", "public", empty}, 2},
		{"ErrTwoFiles", []string{"check", "--attr", "public", marked, marked}, 64},
		{"ErrBadRules", []string{"check", "--rules", badRules, "--attr", "public", marked}, 64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, out, errs := runCLI(tc.args...); got != tc.want {
				t.Fatalf("exit %d, want %d\n%s%s", got, tc.want, out, errs)
			}
		})
	}
}

// TestCheckJSON ensures the JSON has the contract's fields, with Chinese return messages and the route in order.
func TestCheckJSON(t *testing.T) {
	dir := t.TempDir()
	draft := write(t, dir, "d.txt", []byte("内部资料\n关于某县政府信息公开工作规定的通知\n"))
	_, out, _ := runCLI("check", "--json", "--attr", "public", draft)
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, k := range []string{"file", "status", "result", "returns", "route", "findings"} {
		if _, ok := m[k]; !ok {
			t.Errorf("field %q missing", k)
		}
	}
	route := m["route"].([]any)
	if m["result"] != "routed" || len(route) != 2 || route[0].(map[string]any)["role"] != "secrecy-officer" || route[1].(map[string]any)["role"] != "principal-head" {
		t.Fatalf("%s", out)
	}
	_, out, _ = runCLI("check", "--json", "--attr", "withheld", draft)
	if !strings.Contains(out, `"code":"no-basis"`) || !strings.Contains(out, `"result":"returned"`) {
		t.Fatalf("%s", out)
	}
}

// TestRulesCommand ensures rules --check names the line at fault and --print shows the file in force.
func TestRulesCommand(t *testing.T) {
	dir := t.TempDir()
	bad := write(t, dir, "rules.toml", []byte("[[step]]\nrole = \"deputy-head\"\nwhen = [\"always\"]\n\n[[step]]\nrole = \"mayor\"\nwhen = [\"always\"]\n"))
	if code, _, errs := runCLI("rules", "--check", bad); code != 1 || !strings.Contains(errs, "第 5 行") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if code, out, _ := runCLI("rules", "--print"); code != 0 || !strings.Contains(out, "[[step]]") || !strings.Contains(out, "内置默认规则") {
		t.Fatalf("exit %d: %s", code, out)
	}
	if code, _, _ := runCLI("rules"); code != 64 {
		t.Fatalf("exit %d", code)
	}
}
