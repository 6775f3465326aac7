package main

import (
	"context"
	"fmt"
	"io"
)

func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("verify", "verify [--archive DIR | --db URL] [--code CODE | --checkpoint FILE --key FILE.pub] [--json]", stderr)
	sf := addStoreFlags(fs)
	af := sf.archiveFlags
	code := fs.String("code", "", "核验审查表上的验证码（XXXX-XXXX-XXXX-XXXX）")
	checkpoint := fs.String("checkpoint", "", "另核对审计链仍到达该检查点文件记下的链尾")
	pubKey := fs.String("key", "", "受信任的检查点公钥文件（.pub），与 --checkpoint 同用")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	if msg := sf.usageErr(); msg != "" {
		fmt.Fprintln(stderr, msg)
		return exitUsage
	}
	switch {
	case *checkpoint != "" && *code != "":
		fmt.Fprintln(stderr, "--code 和 --checkpoint 不能同时使用")
		return exitUsage
	case (*checkpoint == "") != (*pubKey == ""):
		fmt.Fprintln(stderr, "--checkpoint 须与 --key 同用：--key 给出受信任的公钥文件（.pub），检查点文件自带的公钥不作数")
		return exitUsage
	}
	if *code != "" {
		return runVerifyCode(sf, *code, stdout, stderr)
	}
	ctx := context.Background()
	st, v, err := sf.verify(ctx)
	if err != nil {
		return fail(stderr, err)
	}
	defer st.Close()
	if v.OK && *checkpoint != "" {
		if err := checkCheckpoint(ctx, st, v, *checkpoint, *pubKey); err != nil {
			return fail(stderr, err)
		}
	}
	if *af.json {
		jsonLine(stdout, v)
	} else if v.OK {
		fmt.Fprintf(stdout, "审计链完整：%d 条审计记录，%d 条档案记录，均与库中数据一致。\n链尾哈希：%s（可另行记录，用于日后核对）\n", v.Entries, v.Records, v.Head)
		if *checkpoint != "" {
			fmt.Fprintf(stdout, "审计链仍到达检查点 %s 记下的链尾。\n", *checkpoint)
		}
	} else {
		fmt.Fprintf(stdout, "审计链不一致：%s\n", v.Problem)
	}
	if !v.OK {
		return exitFindings
	}
	return exitOK
}
