// Command prepubctl runs prepub's review core without a window: scan drafts
// for secrecy findings, and more as the product grows.
package main

import (
	"fmt"
	"io"
	"os"

	"prepub/review/extract"
)

// version is set when the program is built: go build -ldflags "-X main.version=0.1.0".
var version = "dev"

const usage = `用法：prepubctl <命令> [选项] ...

命令：
  scan   保密检查：扫描文件中的密级标志、敏感用语和个人信息
  text   显示读取到的文字（逐部分，含隐藏部分），核对读取是否完整
  check  发布前审查：检查公开属性、依据和理由，给出退文理由或签发流程
  release  生成 .docx 的发布稿：删除不予公开的内容并注明依据，清除批注、修订和隐藏内容
  rules  检查（--check FILE）或打印（--print）签发规则文件
  archive  档案库：add 导入已决定的文件，list 列出，show 查看，reindex 重建检索索引
  search   全文检索档案库（简体、繁体均可）
  verify   核对审计链与档案记录是否一致；--checkpoint 另核对签名的检查点
  checkpoint 把审计链的链尾签名写入检查点文件，存放在数据库之外
  sheet    打印审查表（A4 PDF，带验证码和二维码）；verify --code 核验打印的审查表
  rereview 年度复查：列出到期的不予公开、依申请公开决定，维持或转为公开
  report   政府信息公开工作年度报告表三，可导出 .xlsx、.csv
  catalogue 政府信息公开目录：导出某年的目录条目（索引号、主题分类、有效性等），更正条目
  serve    多终端共享的办公服务器（HTTPS JSON 接口，PostgreSQL 或 SQLite）
  users    账号管理：add 新建，list 列出，set 修改角色、部门或停用，passwd 重置密码（密码从标准输入读取）
  backup   备份档案库（含原文件、账号和审计链）到一个文件
  restore  把备份恢复到空的档案库，并核对审计链

运行 "prepubctl <命令> -h" 查看该命令的选项。
`

func main() {
	extract.ServeWorker()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "scan":
		return runScan(args[1:], stdout, stderr)
	case "text":
		return runText(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "release":
		return runRelease(args[1:], stdout, stderr)
	case "rules":
		return runRules(args[1:], stdout, stderr)
	case "archive":
		return runArchive(args[1:], stdout, stderr)
	case "search":
		return runSearch(args[1:], stdout, stderr)
	case "verify":
		return runVerify(args[1:], stdout, stderr)
	case "checkpoint":
		return runCheckpoint(args[1:], stdout, stderr)
	case "sheet":
		return runSheet(args[1:], stdout, stderr)
	case "rereview":
		return runReReview(args[1:], stdout, stderr)
	case "report":
		return runReport(args[1:], stdout, stderr)
	case "catalogue":
		return runCatalogue(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "users":
		return runUsers(args[1:], stdin, stdout, stderr)
	case "backup":
		return runBackup(args[1:], stdout, stderr, false)
	case "restore":
		return runBackup(args[1:], stdout, stderr, true)
	case "--version", "-version", "version":
		fmt.Fprintln(stdout, "prepubctl", version)
		return exitOK
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "未知命令 %q\n\n%s", args[0], usage)
	return exitUsage
}
