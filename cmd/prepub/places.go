package main

import (
	"os"
	"path/filepath"
	"runtime"

	"prepub/index"
)

// places says where the app is installed and where it finds the archive, the
// office's files and the Chinese font. It is worked out the same way on every
// platform, here and nowhere else.
type places struct {
	Install string // the folder of the running program: /usr/bin, C:\Program Files\prepub
	Data    string // the archive: --archive, else the user's data folder (index.DefaultDir)
	Office  string // the office's folder, set up by its administrator: /etc/prepub, %ProgramData%\prepub
	// The office's files: the flag when given, else the file of that name in Office
	// when it exists, else "" (the built-in rules and keywords, no allow list).
	Rules, Keywords, Allow string
	Fonts                  []fontFile // tried before the Linux system paths ui.NewTheme knows
}

// fontFile is a font collection, its bold companion and the Simplified Chinese face in them.
type fontFile struct{ regular, bold, family string }

// locate works out the places from the command line's flags (empty when not given).
// Data stays empty when the user's data folder cannot be found: opening the archive says why.
func locate(archive, rules, keywords, allow string) places {
	p := places{Office: index.OfficeDir()}
	if exe, err := os.Executable(); err == nil {
		if exe, err = filepath.EvalSymlinks(exe); err == nil {
			p.Install = filepath.Dir(exe)
		}
	}
	p.Rules, p.Keywords, p.Allow = index.OfficeFile(rules, "rules.toml"), index.OfficeFile(keywords, "keywords.toml"), index.OfficeFile(allow, "allow.toml")
	// Noto Sans CJK put beside the program gives every platform the same glyphs; else the
	// system's: fonts-noto-cjk on Linux (ui knows its paths), Microsoft YaHei on Windows.
	if p.Install != "" {
		dir := filepath.Join(p.Install, "fonts")
		p.Fonts = append(p.Fonts, fontFile{filepath.Join(dir, "NotoSansCJK-Regular.ttc"), filepath.Join(dir, "NotoSansCJK-Bold.ttc"), "Noto Sans CJK SC"})
	}
	if runtime.GOOS == "windows" {
		dir := filepath.Join(os.Getenv("WINDIR"), "Fonts")
		p.Fonts = append(p.Fonts, fontFile{filepath.Join(dir, "msyh.ttc"), filepath.Join(dir, "msyhbd.ttc"), "Microsoft YaHei"})
	}
	p.Data = archive
	if p.Data == "" {
		p.Data, _ = index.DefaultDir()
	}
	return p
}
