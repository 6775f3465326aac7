package main

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"prepub/index"
	"prepub/review"
)

// runCheckpoint makes a key pair (--new-key), or writes the audit chain's
// head signed with the key: exit 0 written, 1 the archive does not verify
// (nothing signed), 2 the file could not be written, 64 bad usage.
func runCheckpoint(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("checkpoint", "checkpoint [--archive DIR | --db URL] --key FILE --out FILE [--json]  |  checkpoint --new-key FILE", stderr)
	sf := addStoreFlags(fs)
	keyFile := fs.String("key", "", "签发检查点的私钥文件")
	out := fs.String("out", "", "写出的检查点文件")
	newKey := fs.String("new-key", "", "生成一对密钥：私钥写入该文件（仅本人可读），公钥写入同名 .pub 文件")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	if *newKey != "" {
		if err := index.NewCheckpointKey(*newKey); err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintf(stdout, "已生成密钥：私钥 %s（妥善保管，仅签发检查点的程序可读），公钥 %s.pub（交给核对的人：verify --key）\n", *newKey, *newKey)
		return exitOK
	}
	if msg := sf.usageErr(); msg != "" || *keyFile == "" || *out == "" {
		fmt.Fprintln(stderr, msg+"\n用法：prepubctl checkpoint [--archive DIR | --db URL] --key FILE --out FILE")
		return exitUsage
	}
	key, err := index.LoadCheckpointKey(*keyFile)
	if err != nil {
		return fail(stderr, err)
	}
	ctx := context.Background()
	st, v, err := sf.verify(ctx)
	if err != nil {
		return fail(stderr, err)
	}
	defer st.Close()
	if !v.OK {
		fmt.Fprintf(stderr, "审计链不一致，不签发检查点：%s\n", v.Problem)
		return exitFindings
	}
	cp, err := st.Checkpoint(ctx, key)
	if err != nil {
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		return exitFindings
	}
	if err := cp.Write(*out); err != nil {
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		return exitUnreadable
	}
	if *sf.json {
		jsonLine(stdout, cp)
	} else {
		fmt.Fprintf(stdout, "已写出检查点 %s：审计链第 %d 条，链尾哈希 %s\n", *out, cp.Seq, cp.Head)
	}
	return exitOK
}

// checkCheckpoint checks the chain against a checkpoint file with the
// trusted public key, and marks v failed with the reason when it does not reach it.
func checkCheckpoint(ctx context.Context, st *index.Store, v *index.Verification, file, pubFile string) error {
	pub, err := index.LoadCheckpointPublicKey(pubFile)
	if err != nil {
		return err
	}
	cp, err := index.ReadCheckpoint(file)
	if review.ErrorCode(err) == review.ErrInvalid { // a damaged checkpoint vouches for nothing
		v.OK, v.Seq, v.DraftID, v.Problem = false, 0, 0, review.ErrorMessage(err)
		return nil
	}
	if err != nil {
		return err
	}
	problem, err := st.CheckCheckpoint(ctx, cp, pub)
	if err != nil {
		return err
	}
	if problem != "" {
		v.OK, v.Seq, v.DraftID, v.Problem = false, cp.Seq, 0, problem
	}
	return nil
}

// checkpointEvery is how often the office server writes a checkpoint.
const checkpointEvery = time.Hour

// keepCheckpoints writes a checkpoint into dir now and then every period
// until ctx ends, skipping a period in which the chain did not grow. Files are
// named by time and sequence, so none is overwritten; failures go to logw.
func keepCheckpoints(ctx context.Context, st *index.Store, key ed25519.PrivateKey, dir string, every time.Duration, logw io.Writer) {
	last := int64(-1)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		cp, err := st.Checkpoint(ctx, key)
		switch {
		case err != nil:
			fmt.Fprintf(logw, "未能写出检查点：%s\n", review.ErrorMessage(err))
		case cp.Seq != last:
			at, _ := time.Parse(time.RFC3339, cp.At)
			name := filepath.Join(dir, fmt.Sprintf("checkpoint-%s-%d.json", at.Format("20060102T150405Z"), cp.Seq))
			if err := cp.Write(name); err != nil {
				fmt.Fprintln(logw, review.ErrorMessage(err))
			} else {
				last = cp.Seq
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
