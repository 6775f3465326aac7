package review

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"prepub/review/scan"
)

// TestPolicyVersion ensures a policy's version names its content: the same
// files give the same version, a changed keyword file another, and a
// document sent over the wire rebuilds the same scanner or is refused.
func TestPolicyVersion(t *testing.T) {
	dir := t.TempDir()
	kw := filepath.Join(dir, "keywords.toml")
	allow := filepath.Join(dir, "allow.toml")
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(kw, "[[class]]\ncategory = \"secrecy-term\"\nseverity = \"high\"\nterms = [\"青松工程\"]\n")
	write(allow, "[[allow]]\ntext = \"内部资料\"\nreason = \"刊物名称\"\nexpires = 2099-12-31\n")
	now := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	p, err := LoadPolicy("", []string{kw}, allow, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Version) != 64 || p.ShortVersion() != p.Version[:12] {
		t.Fatalf("version %q", p.Version)
	}
	if res := p.Scanner.ScanText("关于青松工程的通知", scan.Options{}); len(res.Findings) != 1 {
		t.Fatalf("office term not found: %+v", res.Findings)
	}
	if res := p.Scanner.ScanText("内部资料", scan.Options{}); len(res.Findings) != 0 || res.Allowed != 1 {
		t.Fatalf("allow list not applied: %+v", res)
	}
	again, err := LoadPolicy("", []string{kw}, allow, now.Add(time.Hour))
	if err != nil || again.Version != p.Version {
		t.Fatalf("same files, another version: %v %s %s", err, again.Version, p.Version)
	}
	got, err := p.Doc().Policy()
	if err != nil || got.Version != p.Version || len(got.Scanner.ScanText("青松工程", scan.Options{}).Findings) != 1 {
		t.Fatalf("wire round trip: %v", err)
	}
	bent := p.Doc()
	bent.Keywords[0].Text += "\n"
	if _, err := bent.Policy(); ErrorCode(err) != ErrInternal {
		t.Fatalf("altered document accepted: %v", err)
	}
	write(kw, "[[class]]\ncategory = \"secrecy-term\"\nseverity = \"high\"\nterms = [\"青松工程\", \"红杉计划\"]\n")
	changed, err := LoadPolicy("", []string{kw}, allow, now)
	if err != nil || changed.Version == p.Version {
		t.Fatalf("changed file, same version: %v", err)
	}
	if _, err := LoadPolicy("", []string{filepath.Join(dir, "missing.toml")}, "", now); ErrorCode(err) != ErrRules {
		t.Fatalf("missing file: %v", err)
	}
}
