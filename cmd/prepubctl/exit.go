package main

import (
	"fmt"
	"io"

	"prepub/review"
)

// Exit statuses shared by the subcommands. Each command's own documented
// statuses (scan, check, release, verify) come first; a failure of the core
// takes its status from exitStatus.
const (
	exitOK         = 0
	exitFindings   = 1  // scan: a critical finding; check: returned; rules: invalid file; any refusal
	exitUnreadable = 2  // a file could not be checked
	exitUsage      = 64 // bad usage: a flag, argument or value given on the command line is wrong
	exitInternal   = 70 // the archive, its database or the disk failed: nothing the command line can fix
	exitBusy       = 75 // the archive is busy (its search index is being rebuilt): try again shortly
)

// exitStatus is the one map from an error's code to the exit status a script sees.
func exitStatus(err error) int {
	switch review.ErrorCode(err) {
	case "":
		return exitOK
	case review.ErrInvalid, review.ErrRules:
		return exitUsage
	case review.ErrUnreadable:
		return exitUnreadable
	case review.ErrInternal:
		return exitInternal
	case review.ErrBusy:
		return exitBusy
	}
	return exitFindings
}

// fail prints an error's Chinese message, and for an internal one its cause
// on a line of its own for the administrator, and returns its exit status.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, review.ErrorMessage(err))
	if d := review.ErrorDetail(err); review.ErrorCode(err) == review.ErrInternal && d != review.ErrorMessage(err) {
		fmt.Fprintln(stderr, "详情（供管理员排查）："+d)
	}
	return exitStatus(err)
}
