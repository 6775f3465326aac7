// Command gendocs writes benchmark and fixture inputs from the real corpus
// texts in ../shared/corpus: a large plain-text file (-kind text), a
// multi-page .docx draft (-kind docx) that opens with a classification marking,
// or a folder of mixed drafts (-kind folder: .docx, .pdf, .ofd and .doc).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"prepub/internal/docxfixture"
)

func main() {
	kind := flag.String("kind", "text", "text, docx or folder")
	corpus := flag.String("corpus", "../shared/corpus", "folder of corpus .txt files")
	size := flag.Int("mb", 100, "text: size in MB")
	pages := flag.Int("pages", 100, "docx: approximate number of A4 pages")
	files := flag.Int("n", 1000, "folder: number of drafts")
	out := flag.String("out", "", "output file (folder: output folder)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gendocs: -out is required")
		os.Exit(64)
	}
	texts, err := readCorpus(*corpus)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	var data []byte
	switch *kind {
	case "folder":
		if err := writeFolder(texts, *files, *out); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
		return
	case "text":
		data = bigText(texts, *size<<20)
	case "docx":
		data = draft(texts, *pages).Build()
	default:
		fmt.Fprintln(os.Stderr, "gendocs: -kind must be text, docx or folder")
		os.Exit(64)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

func readCorpus(dir string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("no corpus texts in %s", dir)
	}
	sort.Strings(names)
	var texts []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		texts = append(texts, string(b))
	}
	return texts, nil
}

// bigText repeats the corpus texts until the output reaches n bytes.
func bigText(texts []string, n int) []byte {
	var b strings.Builder
	b.Grow(n + 64<<10)
	for i := 0; b.Len() < n; i++ {
		b.WriteString(texts[i%len(texts)])
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// draft builds a draft of about pages A4 pages (about 1,500 characters each, as LibreOffice sets them) from
// the corpus paragraphs, headed by a copy number and a marking as GB/T 9704 puts them.
func draft(texts []string, pages int) docxfixture.Doc {
	paras := paragraphs(texts)
	d := docxfixture.Doc{
		Body:   []string{"000123", "机密★5年", "特急", "关于进一步做好政务公开工作的通知"},
		Header: []string{"某县人民政府办公室"},
		Footer: []string{"（此件依申请公开）"},
		Title:  "关于进一步做好政务公开工作的通知",
	}
	chars := 0
	for i := 0; chars < pages*1500; i++ {
		p := paras[i%len(paras)]
		d.Body = append(d.Body, p)
		chars += len([]rune(p))
	}
	d.Body = append(d.Body, "联系人：张三，联系电话：13812345678", "（此件依申请公开）")
	return d
}

// paragraphs are the corpus texts' non-blank lines, trimmed.
func paragraphs(texts []string) []string {
	var paras []string
	for _, t := range texts {
		for _, line := range strings.Split(t, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				paras = append(paras, line)
			}
		}
	}
	return paras
}
