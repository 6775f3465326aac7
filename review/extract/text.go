package extract

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// readText decodes a plain-text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
// A file whose text is over the limit is refused, before decoding when its size alone says so
// (no encoding read here takes fewer than two bytes for each byte of UTF-8 it gives).
func readText(data []byte, lim Limits) (*Document, error) {
	if lim.MaxPartsBytes > 0 && int64(len(data)) > 2*lim.MaxPartsBytes {
		return nil, tooMuchText("文件中", lim.MaxPartsBytes)
	}
	text, enc, err := decodeText(data, lim.uncheckedUTF8)
	if err != nil {
		return nil, err
	}
	if lim.MaxPartsBytes > 0 && int64(len(text)) > lim.MaxPartsBytes {
		return nil, tooMuchText("文件中", lim.MaxPartsBytes)
	}
	unchecked := lim.uncheckedUTF8 && enc == "UTF-8" // NUL bytes are looked for by the check too
	if looksBinary(text, !unchecked) {
		return nil, unreadable("binary", "文件含有非文字内容，不是纯文本文件，请另存为 .docx 或 PDF", nil)
	}
	return &Document{Format: "txt", Encoding: enc, Coverage: 1,
		Parts: []Part{{Kind: Body, Name: "正文", Text: text, Unchecked: unchecked}}}, nil
}

var errEncoding = errors.New("undecodable bytes")

func decodeText(data []byte, unchecked bool) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if !validUTF8(data[3:]) {
			return "", "", badEncoding()
		}
		return bytesToString(data[3:]), "UTF-8 (BOM)", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeStrict(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data, "UTF-16LE")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeStrict(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data, "UTF-16BE")
	case unchecked || validUTF8(data):
		return bytesToString(data), "UTF-8", nil
	}
	return decodeStrict(simplifiedchinese.GB18030, data, "GB18030")
}

// decodeStrict decodes data and refuses any byte sequence that does not decode cleanly.
func decodeStrict(e encoding.Encoding, data []byte, name string) (string, string, error) {
	if name != "GB18030" && len(data)%2 != 0 {
		return "", "", badEncoding()
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) && !bytes.Contains(data, []byte{0xEF, 0xBF, 0xBD}) {
		return "", "", badEncoding()
	}
	return string(out), name, nil
}

func badEncoding() error {
	return unreadable("encoding", "无法识别文字编码（不是 UTF-8、UTF-16 或 GB18030），请另存为 UTF-8 文本、.docx 或 PDF", errEncoding)
}

// looksBinary reports text with more than 1% control characters in its first megabyte
// or, when withNUL, any NUL byte. Control characters are ASCII, so bytes can be counted without decoding.
func looksBinary(text string, withNUL bool) bool {
	if withNUL && strings.IndexByte(text, 0) >= 0 {
		return true
	}
	if len(text) > 1<<20 {
		text = text[:1<<20] // a sample is enough to tell text from binary
	}
	ctl := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl > 0 && ctl*100 > len(text)
}

// bytesToString shares the file's bytes with the text instead of copying up
// to 200 MB; the caller hands data over and never changes it afterwards.
func bytesToString(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	return unsafe.String(&data[0], len(data))
}
