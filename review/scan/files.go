package scan

import (
	"fmt"
	"os"
)

// Policy is the secrecy-scan policy in force: the embedded keyword classes,
// an office's own keyword files and its allow list.
type Policy struct {
	KeywordFiles []string
	AllowFile    string
	Allow        *AllowList // nil when no allow list is in force
}

// LoadPolicy reads an office's keyword files and allow list (either may be
// absent) and returns the scanner that applies them after the embedded classes.
func LoadPolicy(keywordFiles []string, allowFile string) (*Scanner, *Policy, error) {
	p := &Policy{KeywordFiles: keywordFiles, AllowFile: allowFile}
	var extra []*TermFile
	for _, k := range keywordFiles {
		data, err := os.ReadFile(k)
		if err != nil {
			return nil, nil, fmt.Errorf("无法读取关键词文件 %s：%v", k, err)
		}
		tf, err := ParseTerms(k, data)
		if err != nil {
			return nil, nil, err
		}
		extra = append(extra, tf)
	}
	sc, err := Default(extra...)
	if err != nil {
		return nil, nil, err
	}
	if allowFile != "" {
		data, err := os.ReadFile(allowFile)
		if err != nil {
			return nil, nil, fmt.Errorf("无法读取白名单文件 %s：%v", allowFile, err)
		}
		if p.Allow, err = ParseAllow(allowFile, data); err != nil {
			return nil, nil, err
		}
		sc = sc.WithAllow(p.Allow)
	}
	return sc, p, nil
}
