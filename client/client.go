// Package client talks to the office server's API for the desktop app: the
// same operations as the local desk, each one an HTTPS request, every rule
// enforced by the server.
package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"prepub/index"
	"prepub/review"
)

// Client is a signed-in (or not yet) connection to one office server.
type Client struct {
	base  string
	http  *http.Client
	mu    sync.Mutex
	token string
	// using is the version of the office policy downloaded last (policy.go),
	// latest the version the server's last answer named.
	using, latest string
	user          index.User // the account signed in (session.go)
}

// New returns a client for the server at baseURL (https://host:port). When
// fingerprint (the SHA-256 the server printed, AA:BB:…) is given, the
// server's certificate must have it, as for a self-signed certificate;
// otherwise the system's trusted roots decide.
func New(baseURL, fingerprint string) *Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	if fingerprint != "" {
		want := strings.ToUpper(strings.ReplaceAll(fingerprint, ":", ""))
		tr.TLSClientConfig = &tls.Config{
			InsecureSkipVerify: true, // replaced by the pin below
			VerifyConnection: func(cs tls.ConnectionState) error {
				if len(cs.PeerCertificates) == 0 {
					return fmt.Errorf("服务器没有出示证书")
				}
				sum := sha256.Sum256(cs.PeerCertificates[0].Raw)
				if got := fmt.Sprintf("%X", sum[:]); got != want {
					return fmt.Errorf("服务器证书指纹不符：可能连到了别的服务器")
				}
				return nil
			},
		}
	}
	return &Client{base: strings.TrimRight(baseURL, "/") + "/api/v1", http: &http.Client{Transport: tr, Timeout: 2 * time.Minute}}
}

// do sends a request and decodes a 2xx JSON answer into out; a refusal becomes a review.Error with the server's message.
func (c *Client) do(ctx context.Context, method, path, ctype string, body io.Reader, out any) error {
	return c.doWith(ctx, method, path, ctype, body, nil, out)
}

// doWith is do with extra request headers.
func (c *Client) doWith(ctx context.Context, method, path, ctype string, body io.Reader, header map[string]string, out any) error {
	data, _, err := c.send(ctx, method, path, ctype, body, header)
	if err != nil || out == nil {
		return err
	}
	if err := json.Unmarshal(data, out); err != nil {
		return review.Wrap(err, review.ErrInternal, "服务器应答格式错误：服务器的版本可能与本程序不符")
	}
	return nil
}

// send sends a request, with any extra headers, and returns a 2xx answer's body and headers; a refusal becomes a review.Error with the server's message.
func (c *Client) send(ctx context.Context, method, path, ctype string, body io.Reader, header map[string]string) ([]byte, http.Header, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, nil, err
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	c.mu.Lock()
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	c.mu.Unlock()
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, review.Wrap(err, review.ErrInternal, "无法连接办公服务器，请检查网络或服务器地址")
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 512<<20))
	if err != nil {
		return nil, nil, review.Wrap(err, review.ErrInternal, "读取服务器应答失败，请稍后再试")
	}
	c.notePolicy(resp.Header.Get(policyHeader))
	if resp.StatusCode == http.StatusNotModified { // asked with If-None-Match: what the client holds is current
		return nil, resp.Header, nil
	}
	if resp.StatusCode >= 300 {
		return nil, nil, refusal(resp.StatusCode, data)
	}
	return data, resp.Header, nil
}

func (c *Client) getJSON(ctx context.Context, path string, out any) error {
	return c.do(ctx, "GET", path, "", nil, out)
}

func (c *Client) postJSON(ctx context.Context, path string, in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return c.do(ctx, "POST", path, "application/json", bytes.NewReader(b), out)
}

// Authenticate signs in and keeps the session.
func (c *Client) Authenticate(ctx context.Context, name, password string) (*index.User, error) {
	var out struct {
		Token      string
		Role       review.Role
		Department string
	}
	if err := c.postJSON(ctx, "/login", map[string]string{"user": name, "password": password}, &out); err != nil {
		return nil, err
	}
	u := index.User{Name: index.UserName(name), Role: out.Role, Department: out.Department}
	c.mu.Lock()
	c.token, c.user = out.Token, u
	c.mu.Unlock()
	return &u, nil
}

// AddUser creates an account (administrator only); by is the signed-in administrator.
func (c *Client) AddUser(ctx context.Context, u index.User, password, by string) error {
	if err := c.asName(by); err != nil {
		return err
	}
	return c.postJSON(ctx, "/users", map[string]any{"user": u.Name, "password": password, "role": u.Role, "department": u.Department}, nil)
}

// Users lists the accounts to by, the signed-in administrator.
func (c *Client) Users(ctx context.Context, by string) ([]index.User, error) {
	if err := c.asName(by); err != nil {
		return nil, err
	}
	var out []index.User
	return out, c.getJSON(ctx, "/users", &out)
}

// Rules returns the rules the server enforces, so drafts are checked as the server will (no sign-in needed).
func (c *Client) Rules(ctx context.Context) (*review.Rules, error) {
	var out struct{ Source, Raw string }
	if err := c.getJSON(ctx, "/rules", &out); err != nil {
		return nil, err
	}
	return review.ParseRules("服务器："+out.Source, []byte(out.Raw))
}

// submitTries is how many times an upload is sent before its failure is shown.
const submitTries = 3

// Submit uploads a draft with the clerk's decision and, as a file of its own, the policy interpretation. An upload whose answer
// did not arrive (the network, a busy or restarting server) is sent again
// with the same Idempotency-Key, so the server makes one draft however many
// attempts reach it.
func (c *Client) Submit(ctx context.Context, clerk review.Actor, department, name string, data []byte, dec review.Decision) (*index.Record, error) {
	if err := c.as(clerk); err != nil {
		return nil, err
	}
	if department != c.signedIn().Department {
		return nil, review.Errorf(review.ErrInvalid, "草稿只能以登录账号的部门（%s）提交", c.signedIn().Department)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		return nil, err
	}
	fw.Write(data)
	if in := dec.Interpretation; in != nil && in.Data != nil {
		iw, err := mw.CreateFormFile("interpretation", in.File)
		if err != nil {
			return nil, err
		}
		iw.Write(in.Data)
	}
	j, _ := json.Marshal(dec)
	mw.WriteField("decision", string(j))
	mw.Close()
	key := newKey()
	var out struct{ ID int64 }
	for try := 1; ; try++ {
		err = c.doWith(ctx, "POST", "/drafts", mw.FormDataContentType(), bytes.NewReader(buf.Bytes()), c.withPolicy(map[string]string{"Idempotency-Key": key}), &out)
		if err == nil || try == submitTries || review.ErrorCode(err) != review.ErrInternal || ctx.Err() != nil {
			break
		}
		select {
		case <-ctx.Done():
		case <-time.After(time.Duration(try) * time.Second):
		}
	}
	if err != nil {
		return nil, err
	}
	return c.Get(ctx, clerk, out.ID)
}

// newKey returns a fresh idempotency key: 128 random bits, hex.
func newKey() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Resubmit sends a returned draft again.
func (c *Client) Resubmit(ctx context.Context, id int64, a review.Actor, dec review.Decision) (*index.Record, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	if err := c.postJSON(ctx, fmt.Sprintf("/drafts/%d/actions", id), map[string]any{"action": review.ActionResubmit, "decision": dec}, nil); err != nil {
		return nil, err
	}
	return c.Get(ctx, a, id)
}

// Act applies one action to a draft.
func (c *Client) Act(ctx context.Context, id int64, a review.Actor, action string, finding int, note string) (*index.Record, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	if err := c.postJSON(ctx, fmt.Sprintf("/drafts/%d/actions", id), map[string]any{"action": action, "finding": finding, "note": note}, nil); err != nil {
		return nil, err
	}
	return c.Get(ctx, a, id)
}

// Queue returns the drafts waiting for the signed-in role.
func (c *Client) Queue(ctx context.Context, a review.Actor) ([]index.Record, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out []index.Record
	return out, c.getJSON(ctx, "/queue", &out)
}

// Get returns one record; the server decides whether the signed-in account may read it.
func (c *Client) Get(ctx context.Context, a review.Actor, id int64) (*index.Record, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out index.Record
	if err := c.getJSON(ctx, fmt.Sprintf("/records/%d", id), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Search searches the server's archive, as far as the signed-in account may.
func (c *Client) Search(ctx context.Context, a review.Actor, q index.Query) ([]index.Hit, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	v := url.Values{}
	for k, s := range map[string]string{"q": q.Text, "attr": q.Attribute, "basis": q.Basis, "state": q.State, "department": q.Department} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if !q.From.IsZero() {
		v.Set("from", q.From.Format("2006-01-02"))
	}
	if !q.To.IsZero() {
		v.Set("to", q.To.Format("2006-01-02"))
	}
	if q.Limit > 0 {
		v.Set("limit", strconv.Itoa(q.Limit))
	}
	var out []index.Hit
	return out, c.getJSON(ctx, "/search?"+v.Encode(), &out)
}

// Similar returns the decided records closest to a draft's text, the draft left out.
func (c *Client) Similar(ctx context.Context, a review.Actor, id int64, n int) ([]index.Hit, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out []index.Hit
	return out, c.getJSON(ctx, fmt.Sprintf("/similar?id=%d&n=%d", id, n), &out)
}

// ReviewDue lists the decisions due for re-review after period, by the server's clock.
func (c *Client) ReviewDue(ctx context.Context, a review.Actor, period time.Duration) ([]index.Record, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out []index.Record
	days := strconv.FormatFloat(period.Hours()/24, 'f', -1, 64) // a period shorter than a day is not cut to none
	return out, c.getJSON(ctx, "/rereview?days="+days, &out)
}

// Keep keeps a decision at its re-review.
func (c *Client) Keep(ctx context.Context, a review.Actor, id int64, note string) error {
	if err := c.as(a); err != nil {
		return err
	}
	return c.postJSON(ctx, fmt.Sprintf("/rereview/%d", id), map[string]string{"action": "keep", "note": note}, nil)
}

// Convert starts turning a decision public at its re-review.
func (c *Client) Convert(ctx context.Context, a review.Actor, id int64, note string) (int64, review.Outcome, error) {
	if err := c.as(a); err != nil {
		return 0, review.Outcome{}, err
	}
	var out struct {
		ID      int64
		Outcome review.Outcome
	}
	err := c.postJSON(ctx, fmt.Sprintf("/rereview/%d", id), map[string]string{"action": "convert", "note": note}, &out)
	return out.ID, out.Outcome, err
}

// ExpiredMarkings lists markings whose period has run out by the server's clock.
func (c *Client) ExpiredMarkings(ctx context.Context, a review.Actor) ([]index.Expiry, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out []index.Expiry
	return out, c.getJSON(ctx, "/markings/expired", &out)
}

// Report returns a year's annual report.
func (c *Client) Report(ctx context.Context, a review.Actor, year int) (*index.Report, error) {
	if err := c.as(a); err != nil {
		return nil, err
	}
	var out index.Report
	if err := c.getJSON(ctx, fmt.Sprintf("/report?year=%d", year), &out); err != nil {
		return nil, err
	}
	return &out, nil
}
