package release

import (
	"archive/zip"
	"bytes"
	"io"

	"prepub/review"
	"prepub/review/extract"
)

// pkg is an opened .docx: its zip entries by name, and how many bytes may still be decompressed.
type pkg struct {
	zr     *zip.Reader
	files  map[string]*zip.File
	budget int64 // <0: no limit
	lim    extract.Limits
}

// openPackage opens data as a .docx package, or says plainly what it is instead.
func openPackage(data []byte, lim extract.Limits) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, notDOCX(data, false)
	}
	p := &pkg{zr: zr, files: map[string]*zip.File{}, budget: lim.MaxUnpacked, lim: lim}
	if lim.MaxUnpacked <= 0 {
		p.budget = -1
	}
	for _, f := range zr.File {
		if p.files[f.Name] != nil {
			return nil, review.Errorf(review.ErrUnreadable, "文件中有两个同名的部件 %s，结构异常，不能据此生成发布稿", f.Name)
		}
		p.files[f.Name] = f
	}
	if p.files["word/document.xml"] == nil {
		return nil, notDOCX(data, p.files["OFD.xml"] != nil)
	}
	return p, nil
}

// read decompresses one part within the budget left.
func (p *pkg) read(name string) ([]byte, error) {
	rc, err := p.files[name].Open()
	if err != nil {
		return nil, review.Errorf(review.ErrUnreadable, "文档已损坏，无法解压 %s", name)
	}
	defer rc.Close()
	var r io.Reader = rc
	if p.budget >= 0 {
		r = io.LimitReader(rc, p.budget+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, review.Errorf(review.ErrUnreadable, "文档已损坏，无法解压 %s", name)
	}
	if p.budget >= 0 {
		if p.budget -= int64(len(data)); p.budget < 0 {
			return nil, review.Errorf(review.ErrUnreadable, "文档解压后体积异常巨大（疑似压缩炸弹），已停止处理")
		}
	}
	return data, nil
}

// write returns the package with the changed parts written anew, the dropped
// ones left out, and every other entry copied raw, byte for byte as it was compressed.
func (p *pkg) write(changed map[string][]byte, dropped map[string]bool) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range p.zr.File {
		if dropped[f.Name] {
			continue
		}
		data, ok := changed[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		method := f.Method
		if method != zip.Store {
			method = zip.Deflate
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: method, Modified: f.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.SetComment(p.zr.Comment); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
