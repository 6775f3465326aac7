package server_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"prepub/index"
	"prepub/review"
	"prepub/review/scan"
	"prepub/server"
)

// hostileBudget is the most memory (peak resident set) one hostile request may
// cost the server above what it held once started and signed in. Each input
// is refused (a draft recorded as unreadable, or a 400), saying the limit,
// but for the longest text accepted, which is checked, recorded and indexed.
const hostileBudget = 512 << 20

// hostileWait is the longest another client may wait for an answer while a hostile request runs.
const hostileWait = 10 * time.Second

// hostileInput is one request a clerk could send to exhaust the server.
type hostileInput struct {
	name     string
	file     string // the uploaded file's name
	data     func() []byte
	decision review.Decision
	want     string // what the answer must say: the limit the input went past
}

// paragraph is ordinary draft text; dense is text where every few characters is a finding.
const (
	paragraph = "关于进一步做好防汛物资储备工作的通知。各乡镇人民政府，县直有关单位：根据县防汛抗旱指挥部工作安排，现将有关事项通知如下。\n"
	dense     = "内部资料 国家秘密 13800138000 机密★\n"
)

func hostileInputs() []hostileInput {
	small := func() []byte { return []byte(paragraph) }
	return []hostileInput{
		{"docx-100MB-text", "bomb.docx", func() []byte { return docxOf(paragraph, 100<<20) }, review.Decision{Attribute: review.Public}, "超过 8 MB"},
		{"docx-dense-findings", "dense.docx", func() []byte { return docxOf(dense, 20<<20) }, review.Decision{Attribute: review.Public}, "超过 8 MB"},
		{"txt-20MB", "big.txt", func() []byte { return bytes.Repeat([]byte(paragraph), 20<<20/len(paragraph)) }, review.Decision{Attribute: review.Public}, "超过 8 MB"},
		{"txt-8MB-accepted", "long.txt", func() []byte { return bytes.Repeat([]byte(paragraph), (8<<20-4096)/len(paragraph)) }, review.Decision{Attribute: review.Public}, `"status":"checked"`},
		{"txt-dense-findings", "dense.txt", func() []byte { return bytes.Repeat([]byte(dense), 4<<20/len(dense)) }, review.Decision{Attribute: review.Public}, "超过 5000 处"},
		{"reason-30MB", "small.txt", small, review.Decision{Attribute: review.Withheld, Basis: "state-secret", Reason: strings.Repeat("载明储备库位置和数量", 30<<20/30)}, "上限 2000 字"},
		{"redactions-many", "small.txt", small, review.Decision{Attribute: review.Public, Redactions: manyRedactions()}, "上限 200 处"},
	}
}

func manyRedactions() []review.Redaction {
	out := make([]review.Redaction, 100000)
	for i := range out {
		out[i] = review.Redaction{Text: "防汛物资储备", Basis: "state-secret", Reason: strings.Repeat("理由", 50)}
	}
	return out
}

// docxOf returns a .docx whose body is text repeated, one paragraph each, to about size bytes of XML.
func docxOf(text string, size int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("[Content_Types].xml")
	io.WriteString(w, `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	w, _ = zw.Create("word/document.xml")
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	p := `<w:p><w:r><w:t>` + strings.TrimSuffix(text, "\n") + `</w:t></w:r></w:p>`
	for n := 0; n < size; n += len(p) {
		bw.WriteString(p)
	}
	bw.WriteString(`</w:body></w:document>`)
	bw.Flush()
	zw.Close()
	return buf.Bytes()
}

// TestHostileInputs ensures that no single clerk request, however built, costs
// the server more than hostileBudget of memory, and that another client is
// answered while it runs, on each backend. Each input goes to a fresh server
// in a child process whose peak resident set (VmHWM) is read from /proc.
func TestHostileInputs(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("peak memory is read from /proc")
	}
	if testing.Short() {
		t.Skip("starts a server process per input")
	}
	for _, b := range backends(t) {
		for _, in := range hostileInputs() {
			t.Run(b.name+"/"+in.name, func(t *testing.T) {
				db := b.url(t)
				start, peak, worst, status := runHostile(t, db, in)
				t.Logf("%s: status %d, peak %.0f MB (%.0f MB above the %.0f MB at start), another client waited at most %v",
					in.name, status, float64(start+peak)/(1<<20), float64(peak)/(1<<20), float64(start)/(1<<20), worst.Round(time.Millisecond))
				if peak > hostileBudget {
					t.Errorf("peak memory %d MB above start, budget %d MB", peak>>20, hostileBudget>>20)
				}
				if worst > hostileWait {
					t.Errorf("another client waited %v, want at most %v", worst, hostileWait)
				}
			})
		}
	}
}

// runHostile starts a server child on db, sends one hostile input while a
// second clerk polls their queue, and returns the child's peak memory at its
// start and above it, the longest the second clerk waited, and the hostile request's status.
func runHostile(t *testing.T, db string, in hostileInput) (start, peak int64, worst time.Duration, status int) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHostileChild$")
	cmd.Env = append(os.Environ(), "PREPUB_HOSTILE_DB="+db, "PREPUB_HOSTILE_DIR="+t.TempDir())
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); cmd.Wait() }()
	var ready struct {
		URL, Clerk, Other string
		Start             int64
	}
	sc := bufio.NewScanner(stdout)
	var said []string
	for sc.Scan() {
		said = append(said, sc.Text())
		if line, ok := strings.CutPrefix(sc.Text(), "hostile-ready "); ok {
			if err := json.Unmarshal([]byte(line), &ready); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if ready.URL == "" {
		t.Fatalf("the server child did not start: %s", strings.Join(said, "\n"))
	}
	body, ctype := hostileBody(t, in)
	done := make(chan struct{})
	var wg sync.WaitGroup
	var once sync.Once
	stop := func() { once.Do(func() { close(done); wg.Wait() }) }
	defer stop() // also when the request fails: the poller must not outlive the test
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			case <-time.After(100 * time.Millisecond):
			}
			start := time.Now()
			code, _ := get(ready.URL+"/api/v1/queue", ready.Other)
			if d := time.Since(start); d > worst {
				worst = d
			}
			if code != 200 {
				t.Errorf("another clerk's queue: status %d", code)
			}
		}
	}()
	req, _ := http.NewRequest("POST", ready.URL+"/api/v1/drafts", body)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Authorization", "Bearer "+ready.Clerk)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	stop()
	status = resp.StatusCode
	if status >= 500 {
		t.Errorf("status %d: %s", status, answer)
	}
	if !strings.Contains(string(answer), in.want) {
		t.Errorf("the answer does not say %q: %.300s", in.want, answer)
	}
	return ready.Start, vmHWM(t, cmd.Process.Pid) - ready.Start, worst, status
}

func hostileBody(t *testing.T, in hostileInput) (io.Reader, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", in.file)
	fw.Write(in.data())
	j, _ := json.Marshal(in.decision)
	mw.WriteField("decision", string(j))
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func get(url, token string) (int, []byte) {
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// vmHWM returns a process's peak resident set in bytes.
func vmHWM(t *testing.T, pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc status")
	return 0
}

// TestHostileChild is the server process of TestHostileInputs: it runs only
// when started by it, serves until its standard input closes.
func TestHostileChild(t *testing.T) {
	db := os.Getenv("PREPUB_HOSTILE_DB")
	if db == "" {
		t.Skip("started by TestHostileInputs")
	}
	var st *index.Store
	var err error
	if strings.HasPrefix(db, "postgres://") {
		st, err = index.OpenPostgres(db)
	} else {
		st, err = index.OpenStore(db)
	}
	if err != nil {
		t.Fatal(err)
	}
	a, err := index.OpenWith(st, os.Getenv("PREPUB_HOSTILE_DIR"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	sc, _ := scan.Default()
	api := server.New(&index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc})
	h := api.Handler()
	if err := st.AddUser(ctx, index.User{Name: "管理员", Role: index.RoleAdmin}, "admin-password", "setup"); err != nil {
		t.Fatal(err)
	}
	tokens := map[string]string{}
	for _, name := range []string{"张起草", "刘起草"} {
		if err := st.AddUser(ctx, index.User{Name: name, Role: review.RoleClerk, Department: "县政府办"}, passwordOf(name), "管理员"); err != nil {
			t.Fatal(err)
		}
		j, _ := json.Marshal(map[string]string{"user": name, "password": passwordOf(name)})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("POST", "/api/v1/login", bytes.NewReader(j)))
		var out struct{ Token string }
		json.Unmarshal(rec.Body.Bytes(), &out)
		tokens[name] = out.Token
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	runtime.GC()
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // the peak from here on
	var start int64
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				start = kb << 10
			}
		}
	}
	j, _ := json.Marshal(map[string]any{"URL": srv.URL, "Clerk": tokens["张起草"], "Other": tokens["刘起草"], "Start": start})
	fmt.Printf("hostile-ready %s\n", j)
	io.Copy(io.Discard, os.Stdin)
}
