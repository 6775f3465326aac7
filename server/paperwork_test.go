package server_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"prepub/index"
	"prepub/review"
	"prepub/server"
)

// TestSheetEndpoint ensures the server gives what a sign-off sheet is printed from: the record with its findings,
// the secrecy officer's word on them and every signer's opinion, and the code the archive verifies; a clerk
// gets only their own drafts' (another's does not exist for them) and no one gets a sheet without signing in.
func TestSheetEndpoint(t *testing.T) {
	o := startOffice(t, backends(t)[0], t.TempDir())
	tok := o.setUp()
	id := int64(o.submit(tok["张起草"], "d.txt", markedDraft, withheld, 201)["id"].(float64))
	o.act(tok["李保密"], id, "confirm", 0, "确属国家秘密", 200)
	o.act(tok["李保密"], id, "approve", -1, "", 200)
	o.act(tok["王法制"], id, "approve", -1, "依据适当", 200)
	o.act(tok["钱主要"], id, "sign", -1, "同意", 200)

	var got server.SheetResponse
	o.decode(o.do(tok["周公开"], "GET", fmt.Sprintf("/records/%d/sheet", id), nil, 200), &got)
	rec := got.Record
	if rec == nil || rec.ID != id || rec.State != review.StateWithheldFinal || len(rec.Findings) == 0 ||
		rec.Resolutions[0].Note != "确属国家秘密" || len(rec.History) != 5 || rec.History[3].Note != "依据适当" || rec.Reason != withheld.Reason {
		t.Fatalf("sheet record lacks what the sheet prints: %+v", rec)
	}
	stored, code, _ := o.desk.Archive.Store.SheetRecord(ctx, id)
	want, _ := json.Marshal(stored)
	if again, _ := json.Marshal(rec); string(again) != string(want) || got.Code != code {
		t.Fatalf("the record sent differs from the stored one:\n%s\n%s", again, want)
	}
	res, err := o.desk.Archive.VerifyCode(ctx, got.Code)
	if err != nil || !res.OK || res.DraftID != id {
		t.Fatalf("code %q: %v %+v", got.Code, err, res)
	}
	o.do(tok["张起草"], "GET", fmt.Sprintf("/records/%d/sheet", id), nil, 200)
	other := review.Actor{User: "刘文书", Role: review.RoleClerk}
	if err := o.desk.Archive.Store.AddUser(ctx, index.User{Name: other.User, Role: other.Role}, "liu-password", "管理员"); err != nil {
		t.Fatal(err)
	}
	o.do(o.login("刘文书", "liu-password"), "GET", fmt.Sprintf("/records/%d/sheet", id), nil, 404)
	o.do("", "GET", fmt.Sprintf("/records/%d/sheet", id), nil, 401)
	o.do(tok["周公开"], "GET", fmt.Sprintf("/records/%d/sheet", id+50), nil, 404)
}

// TestCatalogueEndpoints ensures the disclosure office lists a year's catalogue, corrects a field and marks a
// document repealed through the server, each audited, while a clerk is refused with 403 and bad input with 400.
func TestCatalogueEndpoints(t *testing.T) {
	o := startOffice(t, backends(t)[0], t.TempDir())
	tok := o.setUp()
	id := int64(o.submit(tok["张起草"], "p.txt", "关于做好防汛工作的通知\n各乡镇：\n", review.Decision{Attribute: review.Public}, 201)["id"].(float64))
	o.act(tok["赵分管"], id, "sign", -1, "同意", 200)
	year := time.Now().Year()
	path := fmt.Sprintf("/catalogue?year=%d", year)

	o.do(tok["张起草"], "GET", path, nil, 403)
	o.do(tok["赵分管"], "GET", path, nil, 403)
	o.do(tok["周公开"], "GET", "/catalogue?year=abc", nil, 400)
	var entries []index.CatalogueEntry
	o.decode(o.do(tok["周公开"], "GET", path, nil, 200), &entries)
	if len(entries) != 1 || entries[0].ID != id || entries[0].Validity != "有效" || entries[0].IndexNo == "" {
		t.Fatalf("%+v", entries)
	}

	fix := map[string]string{"field": "doc_no", "value": "县政办发〔2026〕3号", "note": "补录文号"}
	o.do(tok["张起草"], "PATCH", fmt.Sprintf("/catalogue/%d", id), fix, 403)
	o.do(tok["周公开"], "PATCH", fmt.Sprintf("/catalogue/%d", id), map[string]string{"field": "index_no", "value": "x"}, 400)
	var e index.CatalogueEntry
	o.decode(o.do(tok["周公开"], "PATCH", fmt.Sprintf("/catalogue/%d", id), fix, 200), &e)
	if e.DocNo != "县政办发〔2026〕3号" {
		t.Fatalf("%+v", e)
	}

	mark := map[string]string{"status": index.Repealed, "since": time.Now().Format(time.DateOnly), "note": "已被新文件替代"}
	o.do(tok["张起草"], "POST", fmt.Sprintf("/records/%d/validity", id), mark, 403)
	o.do(tok["周公开"], "POST", fmt.Sprintf("/records/%d/validity", id), map[string]string{"status": index.Repealed, "since": "2026/1/1"}, 400)
	o.do(tok["周公开"], "POST", fmt.Sprintf("/records/%d/validity", id), mark, 200)
	o.do(tok["周公开"], "POST", fmt.Sprintf("/records/%d/validity", id), mark, 409)
	o.decode(o.do(tok["周公开"], "GET", path, nil, 200), &entries)
	if entries[0].Validity != "废止" || entries[0].DocNo != "县政办发〔2026〕3号" {
		t.Fatalf("%+v", entries[0])
	}
	rec, _ := o.desk.Archive.Store.Get(ctx, id)
	if h := rec.History[len(rec.History)-1]; h.Action != index.ActionRepeal || h.User != "周公开" {
		t.Fatalf("history %+v", h)
	}
	var v index.Verification
	o.decode(o.do(tok["周公开"], "GET", "/verify", nil, 200), &v)
	if !v.OK {
		t.Fatalf("%+v", v)
	}
}

// TestReportValuesEndpoints ensures the office types section 二's other rows and sections 四–六 in through the
// server and the report shows them; a clerk is refused with 403 and a wrong number with 400 and nothing kept.
func TestReportValuesEndpoints(t *testing.T) {
	o := startOffice(t, backends(t)[0], t.TempDir())
	tok := o.setUp()
	var latest map[string]int
	o.decode(o.do(tok["周公开"], "GET", "/report/latest-year", nil, 200), &latest)
	if latest["year"] != 0 {
		t.Fatalf("empty archive: %v", latest)
	}
	o.do(tok["张起草"], "GET", "/report/latest-year", nil, 403)
	id := int64(o.submit(tok["张起草"], "p.txt", "关于做好防汛工作的通知\n各乡镇：\n", review.Decision{Attribute: review.Public}, 201)["id"].(float64))
	o.act(tok["赵分管"], id, "sign", -1, "同意", 200)
	year := time.Now().Year()
	o.decode(o.do(tok["周公开"], "GET", "/report/latest-year", nil, 200), &latest)
	if latest["year"] != year {
		t.Fatalf("latest %v, want %d", latest, year)
	}

	path := fmt.Sprintf("/report/values?year=%d", year)
	in := map[string]any{"values": map[string]string{"licensing": "12", "fees": "3.5", "problems": "公开目录更新不够及时。"}}
	o.do(tok["张起草"], "PUT", path, in, 403)
	o.do(tok["张起草"], "GET", path, nil, 403)
	o.do(tok["周公开"], "PUT", path, map[string]any{"values": map[string]string{"licensing": "十二"}}, 400)
	var got server.ReportValuesResponse
	o.decode(o.do(tok["周公开"], "GET", path, nil, 200), &got)
	if len(got.Values) != 0 {
		t.Fatalf("a refused value was kept: %v", got.Values)
	}
	o.decode(o.do(tok["周公开"], "PUT", path, in, 200), &got)
	if got.Year != year || got.Values["licensing"] != "12" || got.Values["fees"] != "3.5" {
		t.Fatalf("%+v", got)
	}
	var rep index.Report
	o.decode(o.do(tok["周公开"], "GET", fmt.Sprintf("/report?year=%d", year), nil, 200), &rep)
	if rep.Value("licensing") != "12" || rep.Value("problems") != "公开目录更新不够及时。" {
		t.Fatalf("report typed %+v", rep.Typed)
	}
}
