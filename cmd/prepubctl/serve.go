package main

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"prepub/index"
	"prepub/review"
	"prepub/server"
)

// openDB opens the store named by --db: a postgres:// URL or a SQLite file path.
func openDB(url string) (*index.Store, string, error) {
	if url == "" {
		return nil, "", errors.New("请用 --db 指定数据库：postgres://… 或 SQLite 文件路径")
	}
	if isPostgres(url) {
		st, err := index.OpenPostgres(url)
		if err != nil {
			return nil, "", err
		}
		dir, err := index.DefaultDir()
		return st, filepath.Join(dir, "server"), err
	}
	st, err := index.OpenStore(url)
	return st, filepath.Dir(url), err
}

// isPostgres reports whether a --db value is a PostgreSQL URL, not a SQLite path.
func isPostgres(url string) bool {
	return strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://")
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", "serve --listen ADDR --db URL [--tls-cert F --tls-key F] [--index DIR] [--rules FILE] [--keywords FILE] [--allow FILE] [--checkpoint-key FILE --checkpoint-dir DIR]", stderr)
	listen := fs.String("listen", "127.0.0.1:8443", "监听地址")
	db := fs.String("db", "", "数据库：postgres://… 或 SQLite 文件路径")
	certFile := fs.String("tls-cert", "", "TLS 证书文件（不给出时自动生成自签名证书）")
	keyFile := fs.String("tls-key", "", "TLS 私钥文件")
	indexDir := fs.String("index", "", "检索索引文件夹")
	rulesFile := fs.String("rules", "", "本单位的规则文件（默认：办公文件夹中的 rules.toml，没有时用内置规则）")
	keywordsFile := fs.String("keywords", "", "本单位的关键词文件（默认：办公文件夹中的 keywords.toml，没有时只用内置关键词）")
	allowFile := fs.String("allow", "", "本单位的保密检查白名单文件（默认：办公文件夹中的 allow.toml，没有时不用白名单）")
	cpKeyFile := fs.String("checkpoint-key", "", "签发检查点的私钥文件（prepubctl checkpoint --new-key 生成）")
	cpDir := fs.String("checkpoint-dir", "", "检查点文件夹：启动时和此后每小时写入一个检查点（宜在另一台机器或另一块盘上）")
	if _, err := parseInterleaved(fs, args); err != nil {
		return exitUsage
	}
	if (*certFile == "") != (*keyFile == "") {
		fmt.Fprintln(stderr, "--tls-cert 和 --tls-key 须同时给出")
		return exitUsage
	}
	if (*cpKeyFile == "") != (*cpDir == "") {
		fmt.Fprintln(stderr, "--checkpoint-key 和 --checkpoint-dir 须同时给出（或都不给出：不写检查点）")
		return exitUsage
	}
	var cpKey ed25519.PrivateKey
	if *cpKeyFile != "" {
		var err error
		if cpKey, err = index.LoadCheckpointKey(*cpKeyFile); err != nil {
			return fail(stderr, err)
		}
		if err := os.MkdirAll(*cpDir, 0o750); err != nil {
			return fail(stderr, review.Wrap(err, review.ErrInternal, "无法建立检查点文件夹 %s", *cpDir))
		}
	}
	st, dir, err := openDB(*db)
	if err != nil {
		return fail(stderr, err)
	}
	if *indexDir != "" {
		dir = *indexDir
	}
	a, err := index.OpenWith(st, dir, progressBar(stderr, "重建检索索引"))
	if err != nil {
		return fail(stderr, err)
	}
	defer a.Close()
	files := officePolicy{index.OfficeFile(*rulesFile, "rules.toml"), index.OfficeFile(*keywordsFile, "keywords.toml"), index.OfficeFile(*allowFile, "allow.toml")}
	policy, err := files.load()
	if err != nil {
		fmt.Fprintln(stderr, review.ErrorMessage(err))
		return exitUsage
	}
	cert, fp, err := server.Certificate(*certFile, *keyFile, dir)
	if err != nil {
		code := review.ErrInternal // the self-signed certificate kept beside the archive
		if *certFile != "" {
			code = review.ErrInvalid // the files named on the command line
		}
		return fail(stderr, review.Wrap(err, code, "无法载入 TLS 证书：请检查证书和私钥文件"))
	}
	desk := &index.Desk{Archive: a, Rules: policy.Rules, Scanner: policy.Scanner}
	desk.UsePolicy(policy)
	api := server.New(desk)
	srv := server.HTTPServer(*listen, api.Handler(), cert)
	fmt.Fprintf(stdout, "prepub 服务已启动：https://%s/api/v1\n证书指纹（SHA-256）：%s\n", *listen, fp)
	files.describe(stdout, policy)
	if cpKey != nil {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go keepCheckpoints(ctx, st, cpKey, *cpDir, checkpointEvery, stderr)
		fmt.Fprintf(stdout, "检查点：每小时写入 %s\n", *cpDir)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	reload := make(chan os.Signal, 1)
	signal.Notify(reload, syscall.SIGHUP)
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServeTLS("", "") }()
	for {
		select {
		case err := <-errc:
			fmt.Fprintf(stderr, "服务停止：%v\n", err)
			return exitUnreadable
		case <-reload:
			files.reload(desk, stdout, stderr)
		case <-stop:
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			srv.Shutdown(ctx)
			return exitOK
		}
	}
}
