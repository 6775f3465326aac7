package ui

// OpenWhenSignedIn has the clerk's screen open path (a file named on the command
// line, or chosen with "Open with") as soon as a clerk signs in.
func (s *Shell) OpenWhenSignedIn(path string) { s.open = path }
