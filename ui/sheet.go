package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/paperwork"
	"prepub/review"
)

// sheetPrinter is the 打印审查表 button of a screen that shows a record: it
// prints the record's sign-off sheet (paperwork.Sheet, as prepubctl sheet
// does) from the record and verification code the backend gives, to a
// private temporary file, and opens it in the system's PDF viewer.
type sheetPrinter struct {
	win    fyne.Window
	svc    *Services
	sess   *Session
	open   func(*url.URL) error // the screen's DocView.OpenURL
	done   func()               // the screen's OnChanged, after a print has been shown
	button *widget.Button
	id     int64 // the record on show, 0 for none
}

// newSheetPrinter returns the button, disabled until a record is set.
func newSheetPrinter(win fyne.Window, svc *Services, sess *Session, open func(*url.URL) error, done func()) *sheetPrinter {
	p := &sheetPrinter{win: win, svc: svc, sess: sess, open: open, done: done}
	p.button = widget.NewButtonWithIcon(lang.L("打印审查表"), theme.DocumentPrintIcon(), p.onTapped)
	p.button.Disable()
	return p
}

// set names the record on show, 0 for none.
func (p *sheetPrinter) set(id int64) {
	p.id = id
	if id == 0 {
		p.button.Disable()
	} else {
		p.button.Enable()
	}
}

// print writes the sheet of the record on show and opens it; it returns the PDF's path.
func (p *sheetPrinter) print() (string, error) {
	path, err := p.write(p.id)
	if err != nil {
		return "", err
	}
	return path, p.openPDF(path)
}

// openPDF opens a written sheet in the system's viewer.
func (p *sheetPrinter) openPDF(path string) error {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	return p.open(u)
}

// write prints a record's sheet to a new private temporary folder and returns the file's path.
func (p *sheetPrinter) write(id int64) (string, error) {
	if id == 0 {
		return "", review.Errorf(review.ErrInvalid, "%s", lang.L("请先选择一份记录"))
	}
	fonts, err := paperwork.FindFonts()
	if err != nil {
		return "", err
	}
	rec, code, err := p.svc.backend().Sheet(context.Background(), p.sess.Actor(), id)
	if err != nil {
		return "", err
	}
	pdf, err := paperwork.Sheet(rec, code, fonts)
	if err != nil {
		return "", fmt.Errorf(lang.L("无法生成审查表：%v"), err)
	}
	dir, err := os.MkdirTemp("", "prepub-sheet-")
	if err != nil {
		return "", fmt.Errorf(lang.L("无法写入临时文件夹：%v"), err)
	}
	path := filepath.Join(dir, fmt.Sprintf(lang.L("审查表-第%d号.pdf"), rec.ID))
	if err := os.WriteFile(path, pdf, 0o400); err != nil {
		return "", fmt.Errorf(lang.L("无法写入临时文件夹：%v"), err)
	}
	return path, nil
}

// onTapped prints off the UI goroutine, then opens the sheet or says why it cannot.
func (p *sheetPrinter) onTapped() {
	id := p.id
	p.button.Disable()
	go func() {
		path, err := p.write(id)
		fyne.Do(func() {
			p.set(p.id)
			if err == nil {
				err = p.openPDF(path)
			}
			if err != nil {
				if review.ErrorCode(err) == review.ErrInternal {
					fyne.LogError(fmt.Sprintf("print sheet %d", id), err)
				}
				showMessage(p.win, lang.L("无法打印审查表"), sheetMessage(err))
			}
			notify(p.done)
		})
	}()
}

// sheetMessage is what a person is told when a sheet cannot be printed: the
// core's Chinese refusal, or the paperwork package's own Chinese message
// (no CJK font, what to install), which is not a coded error.
func sheetMessage(err error) string {
	var coded *review.Error
	if errors.As(err, &coded) {
		return review.ErrorMessage(err)
	}
	return err.Error()
}
