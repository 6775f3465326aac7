package main

import (
	"context"
	"fmt"
	"io"

	"prepub/index"
	"prepub/review"
)

// runVerifyCode checks a verification code read off a sign-off sheet: exit 0
// when the archive holds exactly the decision the sheet shows, 1 when not
// (unknown code, the draft changed since, the chain broken), 64 for a code
// that is not one.
func runVerifyCode(sf storeFlags, code string, stdout, stderr io.Writer) int {
	if _, err := index.ParseCode(code); err != nil {
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		return exitUsage
	}
	st, done, err := sf.openRead(stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer done()
	res, err := st.VerifyCode(context.Background(), code)
	if err != nil {
		return fail(stderr, err)
	}
	if *sf.json {
		jsonLine(stdout, res)
	} else {
		fmt.Fprintln(stdout, res.Message)
	}
	if !res.OK {
		return exitFindings
	}
	return exitOK
}
