package main

import (
	"prepub/index"
)

// places says where the app finds the archive and the office's files. It is
// worked out the same way on every platform, here and nowhere else.
type places struct {
	Data   string // the archive: --archive, else the user's data folder (index.DefaultDir)
	Office string // the office's folder, set up by its administrator: /etc/prepub, %ProgramData%\prepub
	// The office's files: the flag when given, else the file of that name in Office
	// when it exists, else "" (the built-in rules and keywords, no allow list).
	Rules, Keywords, Allow string
}

// locate works out the places from the command line's flags (empty when not given).
// Data stays empty when the user's data folder cannot be found: opening the archive says why.
func locate(archive, rules, keywords, allow string) places {
	p := places{Office: index.OfficeDir()}
	p.Rules, p.Keywords, p.Allow = index.OfficeFile(rules, "rules.toml"), index.OfficeFile(keywords, "keywords.toml"), index.OfficeFile(allow, "allow.toml")
	p.Data = archive
	if p.Data == "" {
		p.Data, _ = index.DefaultDir()
	}
	return p
}
