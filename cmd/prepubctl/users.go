package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"prepub/index"
	"prepub/review"
)

const usersUsage = `用法：
  prepubctl users add --db URL --user U --role ROLE --department D   新建账号（密码从标准输入读取）
  prepubctl users list --db URL [--json]                            列出账号
  prepubctl users set --db URL --user U [--role R] [--department D] [--disable|--enable]
                                                                    修改角色、部门，停用或启用账号
  prepubctl users passwd --db URL --user U                          重置密码（新密码从标准输入读取）`

// runUsers manages accounts on the archive's database directly: the first
// administrator, and what an administrator needs when no one can sign in.
func runUsers(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usersUsage)
		return exitUsage
	}
	switch args[0] {
	case "add":
		return runUsersAdd(args[1:], stdin, stdout, stderr)
	case "list":
		return runUsersList(args[1:], stdout, stderr)
	case "set":
		return runUsersSet(args[1:], stdout, stderr)
	case "passwd":
		return runUsersPasswd(args[1:], stdin, stdout, stderr)
	}
	fmt.Fprintln(stderr, usersUsage)
	return exitUsage
}

// usersFlags is a flag set with --db and --user, the flags every users command takes.
func usersFlags(name, synopsis string, stderr io.Writer) (fs *flag.FlagSet, db, user *string) {
	fs = newFlagSet("users "+name, "users "+name+" "+synopsis, stderr)
	db = fs.String("db", "", "数据库：postgres://… 或 SQLite 文件路径")
	user = fs.String("user", "", "用户名")
	return fs, db, user
}

// readPassword reads one line of standard input: the password, without its line end.
func readPassword(stdin io.Reader, stderr io.Writer) (string, bool) {
	pw, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		fmt.Fprintln(stderr, "无法从标准输入读取密码")
		return "", false
	}
	return strings.TrimRight(pw, "\r\n"), true
}

func runUsersAdd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, db, user := usersFlags("add", "--db URL --user U --role ROLE --department D", stderr)
	role := fs.String("role", "", "角色：clerk、secrecy-officer、legal-office、deputy-head、principal-head、disclosure-office、admin")
	dept := fs.String("department", "", "部门")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	pw, ok := readPassword(stdin, stderr)
	if !ok {
		return exitUsage
	}
	st, _, err := openDB(*db)
	if err != nil {
		return fail(stderr, err)
	}
	defer st.Close()
	err = st.AddUser(context.Background(), index.User{Name: *user, Role: review.Role(*role), Department: *dept}, pw, actor())
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "已创建账号 %s（%s）\n", *user, index.RoleName(review.Role(*role)))
	return exitOK
}

func runUsersList(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("users list", "users list --db URL [--json]", stderr)
	db := fs.String("db", "", "数据库：postgres://… 或 SQLite 文件路径")
	asJSON := fs.Bool("json", false, "每个账号一行 JSON")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	st, _, err := openDB(*db)
	if err != nil {
		return fail(stderr, err)
	}
	defer st.Close()
	users, err := st.Users(context.Background())
	if err != nil {
		return fail(stderr, err)
	}
	for _, u := range users {
		if *asJSON {
			jsonLine(stdout, u)
			continue
		}
		state := ""
		if u.Disabled {
			state = "（已停用）"
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s%s\n", u.Name, index.RoleName(u.Role), u.Department, state)
	}
	return exitOK
}

func runUsersSet(args []string, stdout, stderr io.Writer) int {
	fs, db, user := usersFlags("set", "--db URL --user U [--role R] [--department D] [--disable|--enable]", stderr)
	role := fs.String("role", "", "新角色")
	dept := fs.String("department", "", "新部门")
	disable := fs.Bool("disable", false, "停用账号：不能再登录")
	enable := fs.Bool("enable", false, "重新启用账号")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	var ch index.AccountChange
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "role":
			r := review.Role(*role)
			ch.Role = &r
		case "department":
			ch.Department = dept
		}
	})
	switch {
	case *disable && *enable:
		fmt.Fprintln(stderr, "--disable 和 --enable 只能选一个")
		return exitUsage
	case *disable || *enable:
		ch.Disabled = disable
	}
	if ch == (index.AccountChange{}) {
		fmt.Fprintln(stderr, "请至少给出 --role、--department、--disable 或 --enable 之一")
		return exitUsage
	}
	st, _, err := openDB(*db)
	if err != nil {
		return fail(stderr, err)
	}
	defer st.Close()
	u, err := st.EditUser(context.Background(), *user, ch, actor())
	if err != nil {
		return fail(stderr, err)
	}
	state := "可登录"
	if u.Disabled {
		state = "已停用"
	}
	fmt.Fprintf(stdout, "账号 %s：%s，%s，%s\n", u.Name, index.RoleName(u.Role), u.Department, state)
	return exitOK
}

func runUsersPasswd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, db, user := usersFlags("passwd", "--db URL --user U（新密码从标准输入读取）", stderr)
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	pw, ok := readPassword(stdin, stderr)
	if !ok {
		return exitUsage
	}
	st, _, err := openDB(*db)
	if err != nil {
		return fail(stderr, err)
	}
	defer st.Close()
	if err := st.SetPassword(context.Background(), *user, pw, actor(), "reset"); err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "已为账号 %s 设置新密码\n", index.UserName(*user))
	return exitOK
}
