package extract

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// readText decodes a plain-text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
func readText(data []byte) (*Document, error) {
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	if looksBinary(text) {
		return nil, unreadable("binary", "文件含有非文字内容，不是纯文本文件，请另存为 .docx 或 PDF", nil)
	}
	return &Document{Format: "txt", Encoding: enc, Coverage: 1,
		Parts: []Part{{Kind: Body, Name: "正文", Text: text}}}, nil
}

var errEncoding = errors.New("undecodable bytes")

func decodeText(data []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(data[3:]) {
			return "", "", badEncoding()
		}
		return string(data[3:]), "UTF-8 (BOM)", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeStrict(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data, "UTF-16LE")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeStrict(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data, "UTF-16BE")
	case utf8.Valid(data):
		return string(data), "UTF-8", nil
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

// looksBinary reports text with NUL bytes or many control characters.
func looksBinary(text string) bool {
	ctl := 0
	for _, r := range text {
		switch {
		case r == 0:
			return true
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			ctl++
		}
	}
	return ctl > 0 && ctl*100 > utf8.RuneCountInString(text)
}
