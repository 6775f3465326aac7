package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"prepub/internal/docxfixture"
	"prepub/internal/ofdfixture"
)

// folderKinds are the formats of a mixed folder, in the order file numbers cycle through them.
var folderKinds = []string{"docx", "pdf", "ofd", "doc"}

// markings head the drafts of a folder in turn: some classified, most not, as in an office's outbox.
var markings = []string{"机密★5年", "", "", "秘密★1年", "", "内部资料"}

// writeFolder writes n drafts of 1–20 pages, cycling through .docx, .pdf, .ofd and .doc, into dir.
// The .pdf and .doc files are the .docx drafts converted by LibreOffice in one batch per format
// (a call costs seconds to start). The folder appears only once complete: it is built beside dir
// and renamed, so a run cut short leaves no half folder for a benchmark to mistake for a cached one;
// the next run keeps the conversions that run finished.
func writeFolder(texts []string, n int, dir string) error {
	paras := paragraphs(texts)
	tmp := dir + ".tmp"
	stage, err := os.MkdirTemp("", "gendocs-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	convert := map[string][]string{} // target format → staged .docx sources
	rnd := rand.New(rand.NewPCG(15, 1000))
	for i := range n {
		kind := folderKinds[i%len(folderKinds)]
		pages := 1 + rnd.IntN(20)
		d := folderDraft(paras, i, pages)
		name := fmt.Sprintf("draft-%04d", i)
		var target string
		var data []byte
		switch kind {
		case "docx":
			target, data = filepath.Join(tmp, name+".docx"), d.Build()
		case "ofd":
			target, data = filepath.Join(tmp, name+".ofd"), ofdDraft(d, pages)
		default:
			if st, err := os.Stat(filepath.Join(tmp, name+"."+kind)); err == nil && st.Size() > 0 {
				continue
			}
			target, data = filepath.Join(stage, kind, name+".docx"), d.Build()
			convert[kind] = append(convert[kind], target)
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
	}
	for _, kind := range folderKinds {
		if len(convert[kind]) == 0 {
			continue
		}
		if err := soffice(stage, kind, tmp, convert[kind]); err != nil {
			return err
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return os.Rename(tmp, dir)
}

// soffice converts the files to format into dir with one LibreOffice call, under its own profile
// (a LibreOffice already running with the default profile would take the call and return at once),
// and calls it again for any file it left unconverted (under load it sometimes stops short).
func soffice(stage, format, dir string, files []string) error {
	profile := "file://" + filepath.Join(stage, "profile")
	for range 3 {
		args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", format, "--outdir", dir}, files...)
		cmd := exec.Command("soffice", args...)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("soffice --convert-to %s: %w", format, err)
		}
		var left []string
		for _, f := range files {
			out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), ".docx")+"."+format)
			if st, err := os.Stat(out); err != nil || st.Size() == 0 {
				left = append(left, f)
			}
		}
		if files = left; len(files) == 0 {
			return nil
		}
	}
	return fmt.Errorf("soffice did not convert %s to %s", files[0], format)
}

// folderDraft is the i-th draft of a folder: about pages A4 pages of corpus paragraphs, starting
// at a different paragraph for each file, headed by the i-th marking (if any) and a title.
func folderDraft(paras []string, i, pages int) docxfixture.Doc {
	head := []string{fmt.Sprintf("%06d", 100+i)}
	if m := markings[i%len(markings)]; m != "" {
		head = append(head, m)
	}
	title := fmt.Sprintf("关于进一步做好政务公开工作的通知（第%d号）", i+1)
	d := docxfixture.Doc{
		Body:   append(head, title),
		Header: []string{"某县人民政府办公室"},
		Footer: []string{"（此件主动公开）"},
		Title:  title,
	}
	chars := 0
	for k := i * 37; chars < pages*1500; k++ {
		p := paras[k%len(paras)]
		d.Body = append(d.Body, p)
		chars += len([]rune(p))
	}
	if i%5 == 0 {
		d.Body = append(d.Body, "联系人：张三，联系电话：13812345678")
	}
	d.Body = append(d.Body, "（此件主动公开）")
	return d
}

// ofdDraft lays the draft's body out as an OFD of the given pages, each line written as
// several text objects, as OFD producers split a line.
func ofdDraft(d docxfixture.Doc, pages int) []byte {
	const perLine, perPage, piece = 34, 26, 9
	var lines []ofdfixture.Line
	for _, p := range d.Body {
		r := []rune(p)
		for len(r) > 0 {
			n := min(perLine, len(r))
			var line ofdfixture.Line
			for k := 0; k < n; k += piece {
				line = append(line, string(r[k:min(k+piece, n)]))
			}
			lines = append(lines, line)
			r = r[n:]
		}
	}
	o := ofdfixture.Doc{Title: d.Title}
	for pg := 0; pg < pages && len(lines) > 0; pg++ {
		n := min(perPage, len(lines))
		o.Pages = append(o.Pages, ofdfixture.Page{Lines: lines[:n]})
		lines = lines[n:]
	}
	return o.Build()
}
