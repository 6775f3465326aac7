package extract

// BytesUncheckedUTF8 is Bytes for a caller that checks UTF-8 itself while it
// reads the text, so a large file is not read twice: a plain-text file
// without a byte-order mark is taken as UTF-8 with no NUL byte and its body
// part marked Unchecked. When ValidUTF8 then finds it is not UTF-8, or a NUL
// byte is found, the caller must read the file again with Bytes, which
// decodes it as GB18030 or refuses it. Every other outcome,
// and every refusal, is Bytes' own: a refusal is answered by Bytes itself.
func BytesUncheckedUTF8(name string, data []byte, lim Limits) (*Document, error) {
	lim.uncheckedUTF8 = true
	doc, err := Bytes(name, data, lim)
	if err != nil {
		lim.uncheckedUTF8 = false
		return Bytes(name, data, lim)
	}
	return doc, nil
}
