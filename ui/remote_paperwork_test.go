package ui_test

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"prepub/client"
	"prepub/index"
	"prepub/review"
	"prepub/ui"
)

// TestRemotePaperwork ensures the disclosure office's screens work against the office server: the catalogue is
// corrected and a document repealed, the report's typed rows saved, and a sheet printed from the record and code
// the server gives, all kept in the server's archive; a clerk's workstation is refused the catalogue.
func TestRemotePaperwork(t *testing.T) {
	test.NewTempApp(t)
	d, addr, fp := officeServer(t, index.User{Name: "张起草", Role: review.RoleClerk, Department: "县应急管理局"},
		index.User{Name: "赵分管", Role: review.DeputyHead}, index.User{Name: "周公开", Role: index.RoleDisclosureOffice})
	ctx := context.Background()
	a := d.Archive
	signIn := func(name string) (*ui.Services, *ui.Session) {
		c := client.New(addr, fp)
		u, err := c.Authenticate(ctx, name, "password-1")
		if err != nil {
			t.Fatal(err)
		}
		return &ui.Services{Remote: c, Scanner: d.Scanner, Rules: review.DefaultRules()}, &ui.Session{User: *u}
	}
	clerkSvc, clerk := signIn("张起草")
	rec, err := clerkSvc.Remote.Submit(ctx, clerk.Actor(), "县应急管理局", "p.txt", []byte(rqPublicText), review.Decision{Attribute: review.Public})
	if err != nil {
		t.Fatal(err)
	}
	deputySvc, deputy := signIn("赵分管")
	if _, err := deputySvc.Remote.Act(ctx, rec.ID, deputy.Actor(), review.ActionSign, -1, "同意"); err != nil {
		t.Fatal(err)
	}
	svc, office := signIn("周公开")
	year := time.Now().Year()

	cat, _ := officeWindow(t, func(w fyne.Window) *ui.CatalogueScreen { return ui.NewCatalogueScreen(w, svc, office) })
	if err := cat.Open(); err != nil || cat.Year() != year || len(cat.Entries()) != 1 || !cat.Select(rec.ID) {
		t.Fatalf("%v %d %+v", err, cat.Year(), cat.Entries())
	}
	cat.FieldEntry(index.FieldDocNo).SetText("县应急发〔2026〕8号")
	if err := cat.Correct(); err != nil {
		t.Fatal(err)
	}
	if err := cat.SetValidity(index.Repealed, "", "已被新文件替代"); err != nil || cat.Selected().Validity != "废止" {
		t.Fatalf("%v %+v", err, cat.Selected())
	}
	if e, _ := a.CatalogueEntry(ctx, rec.ID, ""); e.DocNo != "县应急发〔2026〕8号" || e.Validity != "废止" {
		t.Fatalf("server archive %+v", e)
	}

	rep, _ := officeWindow(t, func(w fyne.Window) *ui.ReportScreen { return ui.NewReportScreen(w, svc, office) })
	if err := rep.Open(); err != nil || rep.Year() != year {
		t.Fatalf("%v %d", err, rep.Year())
	}
	rep.ValueEntry("penalty").SetText("7")
	if err := rep.Save(); err != nil {
		t.Fatal(err)
	}
	if vals, _ := a.ReportValues(ctx, year); vals["penalty"] != "7" || rep.Report().Value("penalty") != "7" {
		t.Fatalf("server archive %v", vals)
	}

	clerkCat, _ := officeWindow(t, func(w fyne.Window) *ui.CatalogueScreen { return ui.NewCatalogueScreen(w, clerkSvc, clerk) })
	if err := clerkCat.Load(year); review.ErrorCode(err) != review.ErrForbidden {
		t.Fatalf("clerk: %v", err)
	}

	sheetFonts(t)
	search, _ := officeWindow(t, func(w fyne.Window) *ui.SearchScreen { return ui.NewSearchScreen(w, svc, office) })
	if err := search.Show(rec.ID); err != nil {
		t.Fatal(err)
	}
	var opened *url.URL
	search.Doc().OpenURL = func(u *url.URL) error { opened = u; return nil }
	path, err := search.PrintSheet()
	if err != nil || opened == nil {
		t.Fatalf("%v %v", err, opened)
	}
	data, _ := os.ReadFile(path)
	code, _ := a.SheetCode(ctx, rec.ID)
	if !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("%s is no PDF", path)
	}
	if text := sheetText(t, path); text != "" && !strings.Contains(text, code) {
		t.Errorf("sheet lacks the server's code %s", code)
	}
}
