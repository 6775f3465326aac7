package ui

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"prepub/review"
)

// OpenOriginal writes the original file to a private temporary folder under
// its own name, read-only, and opens it with OpenURL, so the system's
// application for it (Word, WPS, a PDF or OFD reader) shows it as it was
// submitted. With the office server, the file is downloaded first.
func (v *DocView) OpenOriginal() error {
	u, err := docOriginalCopy(v.in.file, v.in.original)
	if err != nil {
		return err
	}
	return v.OpenURL(u)
}

// onOpenTapped reads and writes the original off the UI goroutine, then opens it or says why it cannot.
func (v *DocView) onOpenTapped() {
	name, read, open := v.in.file, v.in.original, v.OpenURL
	v.open.Disable()
	go func() {
		u, err := docOriginalCopy(name, read)
		fyne.Do(func() {
			if read != nil {
				v.open.Enable()
			}
			if err == nil {
				err = open(u)
			}
			if err != nil {
				showError(v.win, lang.L("无法打开原文件"), err, lang.L("请确认电脑上装有打开这种文件的程序、临时文件夹可以写入后重试。"))
			}
		})
	}()
}

// docOriginalCopy reads the original file and writes it, read-only, to a new temporary folder; it returns its file:// URL.
func docOriginalCopy(name string, read func() ([]byte, error)) (*url.URL, error) {
	if read == nil {
		return nil, &review.Error{Code: review.ErrNotFound, Message: lang.L("原文件不可用：这份草稿还没有存入档案库。")}
	}
	data, err := read()
	if err != nil {
		return nil, review.Errorf(review.ErrNotFound, lang.L("无法读取原文件：%v"), review.ErrorMessage(err))
	}
	if len(data) == 0 {
		return nil, &review.Error{Code: review.ErrNotFound, Message: lang.L("档案中没有保存这份草稿的原文件。")}
	}
	dir, err := os.MkdirTemp("", "prepub-original-")
	if err != nil {
		return nil, fmt.Errorf("temporary folder: %w", err)
	}
	path := filepath.Join(dir, docSafeName(name))
	if err := os.WriteFile(path, data, 0o444); err != nil {
		return nil, fmt.Errorf("temporary folder: %w", err)
	}
	return url.Parse(storage.NewFileURI(path).String())
}

// docSafeName is a file name without folders, for the temporary copy.
func docSafeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	if name == "." || name == "/" || name == "" {
		return "原文件"
	}
	return name
}

// originalFile returns what reads a record's original file for the signed-in
// user, from the local desk or the office server (who may read it is the
// desk's to decide), or nil when there is no record to read it from.
func (svc *Services) originalFile(id int64, a review.Actor) func() ([]byte, error) {
	if id == 0 || (svc.Remote == nil && svc.Desk == nil) {
		return nil
	}
	b := svc.backend()
	return func() ([]byte, error) { return b.Original(context.Background(), id, a) }
}

// docBytes returns what reads a file already in memory.
func docBytes(data []byte) func() ([]byte, error) {
	if data == nil {
		return nil
	}
	return func() ([]byte, error) { return data, nil }
}
