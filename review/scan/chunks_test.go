package scan

import (
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"prepub/review/extract"
)

// seamTexts are findings whose text, or the context that decides them, may
// straddle a seam between chunks: markings broken over lines, spaced and
// Traditional keywords, numbers in groups, digits and letters next to a
// keyword, long runs of spaces, book titles and bytes that are not UTF-8.
var seamTexts = []string{
	"000123\n机密★1年\n特急\n",
	"機 密\n★\n1 0 年\n",
	"绝密\n\n\n\n\n\n\n★长期\n",
	"秘密★6个月\n",
	"机密\n关于某事的通知\n",
	"国 家\n秘 密\n",
	"只要不涉密的都要公开。",
	"依据《中华人民共和国保守国家秘密法》开展工作。",
	"（此件依申請公開）\n",
	"身份证11010519491231002X，电话+86 138 1234 5678。",
	"卡号 6222 0212 3456 7890 128\n",
	"TEL13812345678 ID11010519491231002X",
	"统一社会信用代码91350100M000100Y43。",
	"１３８１２３４５６７８",
	"12机密a机密★3年B机密",
	"内部资料\n注意保存\n",
	"\xff机\xe6密\xe6\x9c机密",
	"123 456-789 0",
}

// sequential scans p in one walk, as a part too short for chunks is scanned.
func sequential(s *Scanner, p extract.Part, max int) *Result {
	res := &Result{}
	newPartScan(s, p, res, max).walk(0, len(p.Text), after{})
	return res
}

// chunked scans p in chunks starting at the given offsets.
func chunked(t *testing.T, s *Scanner, p extract.Part, max int, seams ...int) *Result {
	t.Helper()
	var chunks []*chunk
	from := 0
	for _, at := range append(seams, len(p.Text)) {
		chunks = append(chunks, &chunk{from: from, limit: at})
		from = at
	}
	res := &Result{}
	if !s.scanCut(p, res, max, chunks) {
		t.Fatalf("seams %v: a chunk had too many findings", seams)
	}
	return res
}

func sameResult(t *testing.T, what string, got, want *Result) {
	t.Helper()
	if len(got.Findings) == 0 && len(want.Findings) == 0 {
		got.Findings, want.Findings = nil, nil
	}
	if len(got.Statements) == 0 && len(want.Statements) == 0 {
		got.Statements, want.Statements = nil, nil
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// TestSeams ensures a text that straddles a seam between chunks, at every
// byte where a chunk may start, is found exactly once and judged as in one
// walk: at the head of a part and deep in it, with a chunk so short that a
// match crosses it whole.
func TestSeams(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	filler := "各地区各部门要认真贯彻落实，切实做好政务公开工作。\n"
	for _, seam := range seamTexts {
		for _, prefix := range []string{"", strings.Repeat(filler, 20)} {
			text := prefix + seam + filler
			p := extract.Part{Kind: extract.Body, Name: "正文", Text: text}
			want := sequential(s, p, MaxFindings)
			if len(want.Findings)+len(want.Statements) == 0 && !strings.Contains(seam, "123 456") {
				t.Fatalf("%q finds nothing: the seams would not be tested", seam)
			}
			for at := max(1, len(prefix)-3); at < len(prefix)+len(seam)+3 && at < len(text); at++ {
				if !utf8.RuneStart(text[at]) {
					continue
				}
				sameResult(t, strings.TrimSpace(seam)+" cut at "+itoa(at), chunked(t, s, p, MaxFindings, at), want)
				if at+2 < len(text) {
					sameResult(t, strings.TrimSpace(seam)+" short chunk at "+itoa(at), chunked(t, s, p, MaxFindings, at, at+2), want)
				}
			}
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestChunksCorpus ensures the scan of corpus text in chunks, as many as a
// machine may have cores, gives exactly what one walk gives, and that a large
// part is scanned in chunks at all.
func TestChunksCorpus(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob("../../../shared/corpus/*.txt")
	if len(names) == 0 {
		t.Fatal("no corpus texts")
	}
	text := repeatCorpus(t, "000123\n機密★1年\n特急\n", "联系电话：13812345678\n卡号 6222 0212 3456 7890 128\n", 3*chunkMin)
	p := extract.Part{Kind: extract.Body, Name: "正文", Text: text}
	want := sequential(s, p, 1<<20)
	if len(want.Findings) < 500 {
		t.Fatalf("only %d findings", len(want.Findings))
	}
	for _, n := range []int{2, 3, 4, 7, 16} {
		chunks := cut(p.Text, n)
		res := &Result{}
		if !s.scanCut(p, res, 1<<20, chunks) {
			t.Fatalf("%d chunks: too many findings", n)
		}
		sameResult(t, itoa(n)+" chunks", res, want)
	}
	if !s.scanChunks(p, &Result{}, 1<<20) && len(cut(p.Text, 2)) > 1 {
		t.Error("a 3 MB part was not scanned in chunks")
	}
}

// TestChunksTooMany ensures the cap on findings falls where one walk puts it,
// whether the chunks together or one chunk alone go over it.
func TestChunksTooMany(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("文件涉密。\n", 30)
	p := extract.Part{Kind: extract.Body, Name: "正文", Text: text}
	for _, max := range []int{10, 15, 29, 30, 31} {
		want := sequential(s, p, max)
		got := &Result{}
		if !s.scanCut(p, got, max, []*chunk{{from: 0, limit: len(text) / 2}, {from: len(text) / 2, limit: len(text)}}) {
			got = &Result{}
			s.scanPart(p, got, max)
		}
		sameResult(t, "max "+itoa(max), got, want)
	}
}

// seamPieces are what TestSeamsMixed builds its texts from.
var seamPieces = []string{"机", "密", "秘", "绝", "国家", "涉", "级", "件", "★", "*", "年", "个月", "长期", "1", "3", "8", "0", "X", "A", "b",
	"１", " ", "  ", "\n", "-", "卡号", "此件", "依申请公开", "《", "》", "不", "法", "138", "1234", "5678", "11010519491231002", "\u3000",
	"甲", "乙", "丙", "丁", "甲乙", "丙丁"}

// overlapping are an office's keywords that overlap each other, so a walk
// started inside one match makes another that carries it past the first.
var overlapping = &TermFile{Classes: []TermClass{{Category: "office", Severity: Medium,
	Terms: []string{"甲乙", "乙丙丁", "丙", "丁1", "密★"}}}}

// TestSeamsMixed ensures texts made of the pieces findings are made of, cut
// at every rune, give what one walk gives, with an office's overlapping
// keywords added.
func TestSeamsMixed(t *testing.T) {
	s, err := Default(overlapping)
	if err != nil {
		t.Fatal(err)
	}
	seed := uint32(1)
	next := func(n int) int { // a fixed sequence, so a failure can be rerun
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	for range 1000 {
		var b strings.Builder
		for range 10 + next(30) {
			b.WriteString(seamPieces[next(len(seamPieces))])
		}
		text := b.String()
		p := extract.Part{Kind: extract.Body, Name: "正文", Text: text}
		want := sequential(s, p, MaxFindings)
		for at := 1; at < len(text); at++ {
			if utf8.RuneStart(text[at]) {
				sameResult(t, strconv.Quote(text)+" cut at "+itoa(at), chunked(t, s, p, MaxFindings, at), want)
			}
		}
	}
}
