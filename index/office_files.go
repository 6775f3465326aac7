package index

import (
	"os"
	"path/filepath"
	"runtime"
)

// OfficeDir is the folder where an office's administrator puts its files
// (rules.toml, keywords.toml, allow.toml): /etc/prepub, %ProgramData%\prepub on Windows.
func OfficeDir() string {
	if runtime.GOOS == "windows" {
		return filepath.Join(os.Getenv("ProgramData"), "prepub")
	}
	return "/etc/prepub"
}

// OfficeFile says which of an office's files is in force: the one named on
// the command line when given, else the file of that name in OfficeDir when
// it exists, else "" (the built-in rules and keywords, no allow list). The
// desktop app and the office server look the same way.
func OfficeFile(flag, name string) string {
	if flag != "" {
		return flag
	}
	f := filepath.Join(OfficeDir(), name)
	if st, err := os.Stat(f); err == nil && !st.IsDir() {
		return f
	}
	return ""
}
