package server_test

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
	"prepub/server"
)

// TestSearchWhileIndexing ensures a search while the server's index is being
// rebuilt is answered 503 with the code indexing and a Chinese message, not
// with an empty or partial result.
func TestSearchWhileIndexing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "archive.db")
	a, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := scan.Default()
	if _, _, err := a.Import(ctx, sc, "d.txt", []byte("关于做好防汛工作的通知\n"), index.ImportMeta{Attribute: review.Public}); err != nil {
		t.Fatal(err)
	}
	a.Close()
	os.RemoveAll(filepath.Join(dir, "search.bleve"))
	st, err := index.OpenStore(db)
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	a, err = index.OpenWith(st, dir, func(done, total int) { <-release })
	if err != nil {
		t.Fatal(err)
	}
	d := &index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}
	api := server.New(d)
	o := &office{t: t, srv: httptest.NewServer(api.Handler()), api: api, desk: d, index: dir}
	t.Cleanup(func() { o.srv.Close(); close(release); a.Close() })
	tok := o.setUp()
	var refusal struct{ Code, Message string }
	o.decode(o.do(tok["周公开"], "GET", "/search?q=防汛", nil, 503), &refusal)
	if refusal.Code != review.ErrBusy || !strings.Contains(refusal.Message, "正在重建检索索引") {
		t.Fatalf("%+v", refusal)
	}
}
