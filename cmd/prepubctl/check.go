package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"prepub/review"
	"prepub/review/extract"
	"prepub/review/scan"
)

// checkOutput is the `prepubctl check --json` contract.
type checkOutput struct {
	File     string          `json:"file"`
	Status   string          `json:"status"`
	Reason   string          `json:"reason,omitempty"`
	Rules    string          `json:"rules"`
	Decision review.Decision `json:"decision"`
	review.Outcome
	Findings []scan.Finding `json:"findings"`
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "check [--attr A] [--basis CODE] [--reason TEXT] [--policy] [--interpretation FILE] [--important] [--rules FILE] [--json] FILE", stderr)
	attr := fs.String("attr", "", "公开属性：public、on-request 或 withheld")
	basis := fs.String("basis", "", "不予公开的法律依据代码，如 state-secret、third-party")
	reason := fs.String("reason", "", "理由")
	title := fs.String("title", "", "标题（不给出时从正文推断）")
	policy := fs.Bool("policy", false, "政策性文件")
	interp := fs.String("interpretation", "", "政策解读材料文件")
	important := fs.Bool("important", false, "重要信息")
	normative := fs.Bool("normative", false, "规范性文件")
	rulesFile := fs.String("rules", "", "本单位的规则文件（TOML），默认为内置规则")
	asJSON := fs.Bool("json", false, "输出 JSON")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "请指定一个要检查的草稿文件")
		fs.Usage()
		return exitUsage
	}
	rules, err := loadRules(*rulesFile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	sc, err := scan.Default()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	dec := review.Decision{Attribute: review.Attribute(*attr), Basis: *basis, Reason: *reason, Title: *title,
		Policy: *policy, Important: *important, Normative: *normative}
	if *interp != "" {
		dec.Interpretation = attachment(*interp)
	}
	rep := sc.ScanFile(files[0], extract.DefaultLimits(), scan.Options{Attr: *attr})
	out := rules.Check(review.Draft{Report: rep}, dec)
	res := checkOutput{File: files[0], Status: rep.Status, Reason: rep.Reason, Rules: rules.Source,
		Decision: dec, Outcome: out, Findings: rep.Findings}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.Encode(res)
	} else {
		printCheck(stdout, res)
	}
	switch out.Result {
	case review.Routed:
		return exitOK
	case review.Returned:
		return exitFindings
	}
	return exitUnreadable
}

// attachment reads an attached file only to learn whether it can be read (review.ReadAttachment).
func attachment(path string) *review.Attachment {
	data, err := os.ReadFile(path)
	if err != nil {
		return &review.Attachment{File: path, Reason: "无法打开此文件，请确认文件存在且有读取权限"}
	}
	a := review.ReadAttachment(path, data, extract.DefaultLimits())
	a.Data = nil // the command checks here; nothing is sent on
	return a
}

// loadRules reads an office's rules file, or returns the embedded default.
func loadRules(path string) (*review.Rules, error) {
	if path == "" {
		return review.DefaultRules(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取规则文件 %s：%v", path, err)
	}
	return review.ParseRules(path, data)
}

func printCheck(w io.Writer, r checkOutput) {
	fmt.Fprintf(w, "文件：%s\n规则：%s\n", r.File, r.Rules)
	switch r.Result {
	case review.Routed:
		fmt.Fprintf(w, "结论：可以送审（%s）", r.Decision.Attribute.Chinese())
		if r.Important {
			fmt.Fprintf(w, "，重要信息：%v", r.ImportantWhy)
		}
		fmt.Fprintln(w, "\n签发流程：")
		for i, s := range r.Route {
			fmt.Fprintf(w, "  %d. %s —— %s\n", i+1, s.Role.Chinese(), s.Why)
		}
	default:
		fmt.Fprintln(w, "结论：退文，请起草人修改后重新提交：")
		for _, ret := range r.Returns {
			fmt.Fprintf(w, "  - [%s] %s\n", ret.Code, ret.Message)
		}
	}
	for _, h := range r.Hints {
		fmt.Fprintf(w, "提示：%s\n", h)
	}
}
