package extract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
)

// Limits bound the work done on one file, so a hostile or broken file ends
// as "could not be checked" rather than exhausting the machine.
type Limits struct {
	MaxFileBytes  int64         // largest file read at all
	MaxUnpacked   int64         // largest total of decompressed .docx parts (zip bomb guard)
	MaxXMLDepth   int           // deepest XML nesting accepted
	PDFTimeout    time.Duration // longest time spent reading one PDF
	MaxPartsBytes int64         // largest total of extracted text
	MaxParts      int           // most text parts (pages, headers, notes) in one file
	PDFWorkers    int           // most worker processes reading one large PDF at once (0: one a core, up to 4); 1 when other files keep the cores busy

	uncheckedUTF8 bool // a .txt without a byte-order mark is taken as UTF-8 unchecked (see BytesUncheckedUTF8)
}

// DefaultLimits returns the limits used when none are configured.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:  200 << 20,
		MaxUnpacked:   1 << 30,
		MaxXMLDepth:   256,
		PDFTimeout:    60 * time.Second,
		MaxPartsBytes: 8 << 20, // some 2.8 million Chinese characters: thousands of pages
		MaxParts:      20000,
	}
}

// unsupported lists formats offices meet that cannot be read, with their Chinese names.
var unsupported = map[string]string{
	".rtf": "RTF 文档", ".odt": "ODT 文档", ".xls": "Excel 表格", ".xlsx": "Excel 表格",
	".et": "WPS 表格", ".ppt": "演示文稿", ".pptx": "演示文稿", ".ceb": "CEB 文档",
	".jpg": "图片", ".jpeg": "图片", ".png": "图片", ".tif": "图片", ".tiff": "图片",
	".bmp": "图片", ".gif": "图片", ".zip": "压缩包", ".rar": "压缩包", ".7z": "压缩包",
}

// File reads the file at path. A file that cannot be checked returns an *UnreadableError.
func File(path string, lim Limits) (*Document, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, unreadable("open", "无法打开文件，请确认路径正确且有读取权限", err)
	}
	if st.IsDir() {
		return nil, unreadable("open", "这是文件夹，不是文件", nil)
	}
	if lim.MaxFileBytes > 0 && st.Size() > lim.MaxFileBytes {
		return nil, tooLarge(st.Size(), lim.MaxFileBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, unreadable("open", "无法读取文件，请确认有读取权限", err)
	}
	return Bytes(path, data, lim)
}

func tooLarge(size, max int64) *UnreadableError {
	return unreadable("too-large", fmt.Sprintf("文件过大（%.1f MB，上限 %.0f MB），请拆分后再检查",
		float64(size)/(1<<20), float64(max)/(1<<20)), nil)
}

// Bytes reads a file's content; name gives its extension and is recorded as the path.
func Bytes(name string, data []byte, lim Limits) (*Document, error) {
	if lim.MaxFileBytes > 0 && int64(len(data)) > lim.MaxFileBytes {
		return nil, tooLarge(int64(len(data)), lim.MaxFileBytes)
	}
	if len(data) == 0 {
		return nil, unreadable("empty", "文件是空的，没有可检查的文字", nil)
	}
	doc, err := readFormat(name, data, lim)
	if err != nil {
		return nil, err
	}
	if err := checkSize(doc, lim); err != nil {
		return nil, err
	}
	doc.Path = name
	if !hasBodyText(doc) {
		return nil, unreadable("no-text", "没有可读取的文字，无法确认内容是否可以公开", nil)
	}
	return doc, nil
}

// readFormat reads data with the reader of its format. A reader that panics
// on a file it does not expect has met a file it cannot read: the file is
// refused as broken, whoever asked (a scan, an attachment, the server).
func readFormat(name string, data []byte, lim Limits) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, unreadable("broken", "文件已损坏或格式异常，读取时出错，无法检查", fmt.Errorf("panic: %v", r))
		}
	}()
	switch format(name, data) {
	case "pdf":
		return readPDF(data, lim)
	case "docx":
		return readDOCX(data, lim)
	case "doc":
		return readDOC(data, lim)
	case "ofd":
		return readOFD(data, lim)
	case "txt":
		return readText(data, lim)
	}
	return nil, unsupportedFormat(name, data)
}

// hasBodyText reports whether any visible body part, chart, or annotation (a
// PDF page can show its text only through them) has more than whitespace.
func hasBodyText(d *Document) bool {
	for _, p := range d.Parts {
		if (p.Kind == Body && !p.Hidden || p.Kind == Annotation || p.Kind == Chart) && strings.TrimFunc(p.Text, unicode.IsSpace) != "" {
			return true
		}
	}
	return false
}

// format decides how to read a file: by its content where that is certain, else by its extension.
func format(name string, data []byte) string {
	ext := strings.ToLower(filepath.Ext(name))
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case ext == ".pdf" || bytes.HasPrefix(data, []byte("%PDF")):
		return "pdf"
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "doc" // a compound file: the reader looks for its WordDocument stream
	case ext == ".doc" || ext == ".wps":
		return "doc" // named so but not a compound file: the reader says what it is
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && (ext == ".ofd" || bytes.Contains(data, []byte("OFD.xml"))):
		return "ofd"
	case ext == ".docx" || ext == ".docm" || ext == ".wpsx":
		return "docx"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && bytes.Contains(data, []byte("word/document.xml")):
		return "docx"
	case ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".csv":
		return "txt"
	}
	return ""
}

func unsupportedFormat(name string, data []byte) *UnreadableError {
	ext := strings.ToLower(filepath.Ext(name))
	kind := unsupported[ext]
	switch {
	case kind == "" && ext == "":
		kind = "未知格式（没有扩展名）"
	case kind == "":
		kind = "未知格式"
	}
	return unreadable("format", fmt.Sprintf("不支持的格式 %s（%s）：请在 WPS 或 Word 中另存为 .docx 或 PDF 后再检查", ext, kind), nil)
}

// Extensions are the file names a draft is usually opened from, for file dialogs;
// a file is read by its content whatever its name.
var Extensions = []string{".docx", ".doc", ".wps", ".pdf", ".ofd", ".txt"}
