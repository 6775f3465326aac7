package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/richardlehane/mscfb"
)

// A Word 97-2003 binary document (.doc, and the .wps files WPS Office saves in
// the same format) is a compound file: a small file system whose streams hold
// the text (WordDocument), the tables that say where it lies (0Table or 1Table)
// and the document properties (\x05SummaryInformation and
// \x05DocumentSummaryInformation). The structures follow [MS-DOC] and [MS-OLEPS].

var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

const docBrokenReason = "文档已损坏，无法读取其中的文字（Word 97-2003 文档结构不一致），请在 WPS 或 Word 中打开后另存为 .docx 再检查"

// docBroken reports a Word binary document whose structures do not hold together.
func docBroken(format string, args ...any) *UnreadableError {
	return unreadable("broken", docBrokenReason, fmt.Errorf(format, args...))
}

// readDOC reads a Word 97-2003 binary document into its stories: body, headers
// and footers, footnotes, endnotes, comments and text boxes, with text marked
// deleted or hidden in separate hidden parts, plus the document properties.
func readDOC(data []byte, lim Limits) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, docBroken("panic: %v", r)
		}
	}()
	if !bytes.HasPrefix(data, cfbMagic) {
		return nil, notWordBinary(data)
	}
	cf, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, unreadable("broken", "文件已损坏：复合文档（Word 97-2003 / WPS）结构无法读取，请在 WPS 或 Word 中打开后另存为 .docx 再检查", err)
	}
	streams := map[string]*mscfb.File{}
	for _, f := range cf.File {
		if len(f.Path) == 0 && !f.FileInfo().IsDir() {
			streams[f.Name] = f
		}
	}
	if streams["WordDocument"] == nil {
		return nil, notWordStorage(streams)
	}
	wd, err := readStream(streams["WordDocument"], len(data))
	if err != nil {
		return nil, err
	}
	fib, err := parseFIB(wd)
	if err != nil {
		return nil, err
	}
	tableName := "0Table"
	if fib.whichTable() {
		tableName = "1Table"
	}
	if streams[tableName] == nil {
		return nil, docBroken("no %s stream", tableName)
	}
	table, err := readStream(streams[tableName], len(data))
	if err != nil {
		return nil, err
	}
	props := readDocProperties(streams, len(data))

	d, err := newDocFile(wd, table, fib, props.codepage)
	if err != nil {
		return nil, err
	}
	budget := lim.MaxPartsBytes
	parts, err := d.parts(budget)
	if err != nil {
		return nil, err
	}
	if text := props.text(); text != "" {
		parts = append(parts, Part{Kind: Properties, Name: "文档属性", Hidden: true, Text: text})
	}
	doc = &Document{Format: "doc", Coverage: 1, Parts: parts}
	if budget > 0 && int64(doc.Len()) > budget {
		return nil, tooMuchText("文档中", budget)
	}
	return doc, nil
}

// readStream reads a whole stream of the compound file. A stream cannot be
// larger than the file that holds it, so its declared size is checked before
// anything is allocated.
func readStream(f *mscfb.File, fileSize int) ([]byte, error) {
	if f.Size < 0 || f.Size > int64(fileSize) {
		return nil, docBroken("stream %s declares %d bytes in a %d-byte file", f.Name, f.Size, fileSize)
	}
	buf := make([]byte, f.Size)
	if _, err := io.ReadFull(f, buf); err != nil {
		return nil, docBroken("stream %s: %v", f.Name, err)
	}
	return buf, nil
}

// notWordBinary names what a file that is not a compound file is, as far as its first bytes tell.
func notWordBinary(data []byte) *UnreadableError {
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	lower := bytes.ToLower(head)
	var reason string
	switch {
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		reason = "这是 RTF 文档，不是 Word 97-2003 格式，请在 WPS 或 Word 中另存为 .docx 后再检查"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		reason = "这是 .docx 等新格式的文档，扩展名与内容不符，请把扩展名改为 .docx 后再检查"
	case bytes.HasPrefix(data, []byte("%PDF")):
		reason = "这是 PDF 文件，扩展名与内容不符，请把扩展名改为 .pdf 后再检查"
	case bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("mime-version:")):
		reason = "这是网页（HTML/MHT）格式保存的文档，不是 Word 97-2003 格式，请在 WPS 或 Word 中另存为 .docx 后再检查"
	default:
		reason = "此文件不是 Word 97-2003 兼容格式（可能是 WPS 2000 等早期版本或其他程序保存的 .wps/.doc 文件），请在 WPS 或 Word 中另存为 .docx 后再检查"
	}
	return unreadable("format", reason, errors.New("not a compound file"))
}

// notWordStorage names what a compound file without a WordDocument stream holds instead.
func notWordStorage(streams map[string]*mscfb.File) *UnreadableError {
	has := func(name string) bool { return streams[name] != nil }
	detail := errors.New("compound file without a WordDocument stream")
	switch {
	case has("EncryptionInfo") || has("EncryptedPackage"):
		return docEncrypted()
	case has("Workbook") || has("Book"):
		return unreadable("format", "这是 Excel 表格（.xls），不是文字文档，请把要发布的文字另存为 .docx 后再检查", detail)
	case has("PowerPoint Document"):
		return unreadable("format", "这是 PowerPoint 演示文稿（.ppt），不是文字文档，请另存为 .docx 或 PDF 后再检查", detail)
	case has("CONTENTS") || has("MatOST"):
		return unreadable("format", "此 .wps 文件是 Microsoft Works 文字处理文档，不是 Word 97-2003 兼容格式，请在 WPS 或 Word 中另存为 .docx 后再检查", detail)
	}
	return unreadable("format", "此文件不是 Word 97-2003 兼容格式（复合文档中没有 Word 正文，可能是 WPS 早期版本或其他程序的文件），请在 WPS 或 Word 中另存为 .docx 后再检查", detail)
}

func docEncrypted() *UnreadableError {
	return unreadable("encrypted", "文档已加密，需要密码才能打开，无法检查其中的文字，请提供未加密的文件", nil)
}
