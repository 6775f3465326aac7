// Command prepubctl runs prepub's review core without a window: scan drafts
// for secrecy findings, and more as the product grows.
package main

import (
	"fmt"
	"io"
	"os"

	"prepub/review/extract"
)

// Exit statuses shared by the subcommands.
const (
	exitOK         = 0
	exitFindings   = 1 // scan: a critical finding; check: returned; rules: invalid file
	exitUnreadable = 2 // a file could not be checked
	exitUsage      = 64
)

const usage = `用法：prepubctl <命令> [选项] ...

命令：
  scan   保密检查：扫描文件中的密级标志、敏感用语和个人信息
  check  发布前审查：检查公开属性、依据和理由，给出退文理由或签发流程
  rules  检查（--check FILE）或打印（--print）签发规则文件

运行 "prepubctl <命令> -h" 查看该命令的选项。
`

func main() {
	extract.ServeWorker()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "scan":
		return runScan(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "rules":
		return runRules(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "未知命令 %q\n\n%s", args[0], usage)
	return exitUsage
}
