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
	"prepub/review/scan"
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
	fs := newFlagSet("serve", "serve --listen ADDR --db URL [--tls-cert F --tls-key F] [--index DIR] [--rules FILE] [--checkpoint-key FILE --checkpoint-dir DIR]", stderr)
	listen := fs.String("listen", "127.0.0.1:8443", "监听地址")
	db := fs.String("db", "", "数据库：postgres://… 或 SQLite 文件路径")
	certFile := fs.String("tls-cert", "", "TLS 证书文件（不给出时自动生成自签名证书）")
	keyFile := fs.String("tls-key", "", "TLS 私钥文件")
	indexDir := fs.String("index", "", "检索索引文件夹")
	rulesFile := fs.String("rules", "", "本单位的规则文件")
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
	rules, err := loadRules(*rulesFile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	sc, err := scan.Default()
	if err != nil {
		return fail(stderr, err)
	}
	cert, fp, err := server.Certificate(*certFile, *keyFile, dir)
	if err != nil {
		code := review.ErrInternal // the self-signed certificate kept beside the archive
		if *certFile != "" {
			code = review.ErrInvalid // the files named on the command line
		}
		return fail(stderr, review.Wrap(err, code, "无法载入 TLS 证书：请检查证书和私钥文件"))
	}
	api := server.New(&index.Desk{Archive: a, Rules: rules, Scanner: sc})
	srv := server.HTTPServer(*listen, api.Handler(), cert)
	fmt.Fprintf(stdout, "prepub 服务已启动：https://%s/api/v1\n证书指纹（SHA-256）：%s\n规则：%s\n", *listen, fp, rules.Source)
	if cpKey != nil {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go keepCheckpoints(ctx, st, cpKey, *cpDir, checkpointEvery, stderr)
		fmt.Fprintf(stdout, "检查点：每小时写入 %s\n", *cpDir)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServeTLS("", "") }()
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "服务停止：%v\n", err)
		return exitUnreadable
	case <-stop:
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		return exitOK
	}
}
