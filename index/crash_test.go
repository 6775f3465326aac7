package index_test

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"prepub/index"
	"prepub/review"
	"prepub/review/extract"
)

// crashChildEnv names the archive folder a child process writes to until it is killed.
const crashChildEnv = "PREPUB_CRASH_CHILD"

// TestMain runs the crash test's child when asked, and serves PDF workers.
func TestMain(m *testing.M) {
	extract.ServeWorker()
	if dir := os.Getenv(crashChildEnv); dir != "" {
		crashChild(dir)
		return
	}
	os.Exit(m.Run())
}

// crashChild imports decisions and takes withheld drafts through their
// review in a loop, acknowledging each record on stdout once it is stored.
func crashChild(dir string) {
	a, err := index.Open(dir, nil)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
	sc := scanner(nil)
	d := &index.Desk{Archive: a, Rules: review.DefaultRules(), Scanner: sc}
	check := func(err error) {
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(1)
		}
	}
	seed := time.Now().UnixNano()
	for i := 0; ; i++ {
		title := fmt.Sprintf("关于第%d-%d号事项的通知", seed, i)
		data := []byte(title + "\n各单位：现将有关事项通知如下。\n")
		if i%2 == 0 {
			id, _, err := a.Import(ctx, sc, "d.txt", data, index.ImportMeta{Attribute: review.Public, Actor: "测试"})
			check(err)
			fmt.Printf("ACK %d %s\n", id, title)
			continue
		}
		rec, err := d.Submit(ctx, clerk, "县政府办", "d.txt", data,
			review.Decision{Attribute: review.Withheld, Basis: "third-party", Reason: "载明企业的投标报价，公开会损害其合法权益"})
		check(err)
		fmt.Printf("ACK %d %s\n", rec.ID, title)
		_, err = d.Act(ctx, rec.ID, legal, review.ActionApprove, -1, "依据适当")
		check(err)
		_, err = d.Act(ctx, rec.ID, principal, review.ActionSign, -1, "同意")
		check(err)
	}
}

// TestCrashSafety ensures every record acknowledged as saved survives kill -9 at random moments, the chain still verifies,
// and the reopened search index agrees with the store record by record (a draft decided withheld is not indexed as under review).
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	dir := t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	acked := map[int64]string{}
	for round := 0; round < 12; round++ {
		cmd := exec.Command(self, "-test.run=^$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// The kill comes at a random moment after the child's first
		// acknowledgement, so a loaded machine that is slow to start the
		// child still sees it at work; a child that never gets going is
		// stopped after a minute.
		var deadline <-chan time.Time
		stuck := time.After(time.Minute)
	read:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					break read
				}
				if strings.HasPrefix(l, "ERR") {
					t.Fatal(l)
				}
				var id int64
				fmt.Sscanf(l, "ACK %d", &id)
				acked[id] = strings.SplitN(l, " ", 3)[2]
				if deadline == nil {
					deadline = time.After(time.Duration(300+rng.Intn(700)) * time.Millisecond)
				}
			case <-stuck:
				cmd.Process.Kill()
				t.Fatal("the child acknowledged nothing within a minute")
			case <-deadline:
				cmd.Process.Kill() // SIGKILL: no chance to flush or close anything
				for l := range lines {
					var id int64
					if n, _ := fmt.Sscanf(l, "ACK %d", &id); n == 1 {
						acked[id] = strings.SplitN(l, " ", 3)[2]
					}
				}
				break read
			}
		}
		cmd.Wait()
	}
	if len(acked) < 12 {
		t.Fatalf("only %d decisions acknowledged: the child did not get to work", len(acked))
	}
	a, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for id, title := range acked {
		r, err := a.Store.Get(ctx, id)
		if err != nil || !strings.HasPrefix(r.Text(), title) {
			t.Fatalf("acknowledged decision %d lost or changed: %v", id, err)
		}
	}
	v, err := a.Verify(ctx)
	if err != nil || !v.OK {
		t.Fatalf("chain after crashes: %+v %v", v, err)
	}
	a.WaitIndexed(ctx)
	if err := index.IndexAgrees(a); err != nil {
		t.Fatalf("search index after crashes: %v", err)
	}
	n, _ := a.Store.Count(ctx)
	t.Logf("%d records acknowledged, %d stored, chain of %d entries verifies, index agrees", len(acked), n, v.Entries)
}
