package ui

// OpenWhenSignedIn has the clerk's screen open path (a file named on the command
// line, or chosen with "Open with") as soon as a clerk signs in.
func (s *Shell) OpenWhenSignedIn(path string) { s.open = path }

// PreferFont puts a font collection before the system paths NewTheme tries: the
// app's own copy, or the platform's Chinese font. family names the Simplified
// Chinese face in it; a missing file is skipped. Call it before NewTheme.
func PreferFont(regular, bold, family string) {
	cjkFonts = append([]cjkFont{{regular, bold, family}}, cjkFonts...)
}
