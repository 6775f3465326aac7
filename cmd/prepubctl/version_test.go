package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestVersion checks --version prints the version set at build time ("dev" without -ldflags -X).
func TestVersion(t *testing.T) {
	for _, arg := range []string{"--version", "version"} {
		var out, errOut bytes.Buffer
		if code := run([]string{arg}, strings.NewReader(""), &out, &errOut); code != exitOK || out.String() != "prepubctl "+version+"\n" {
			t.Errorf("%s: exit %d, %q %q", arg, code, out.String(), errOut.String())
		}
	}
}
