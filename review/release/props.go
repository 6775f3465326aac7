package release

import (
	"bytes"
	"encoding/xml"
)

// keptCore lists the core properties (docProps/core.xml) the copy keeps:
// dates and counts, which name no one. Title, subject, keywords, description,
// category, author and last modifier are hidden text of the draft and go.
var keptCore = map[string]bool{"created": true, "modified": true, "revision": true, "lastPrinted": true, "language": true}

// clearedApp lists the extended properties (docProps/app.xml) that name the office or people.
var clearedApp = map[string]bool{"Company": true, "Manager": true, "HyperlinkBase": true}

// propertyNames gives the report's Chinese name of a property.
var propertyNames = map[string]string{
	"title": "标题", "subject": "主题", "creator": "作者", "keywords": "关键词", "description": "备注",
	"lastModifiedBy": "最后修改者", "category": "类别", "contentStatus": "状态", "identifier": "标识",
	"version": "版本", "Company": "单位", "Manager": "经理", "HyperlinkBase": "超链接基础",
}

// rewriteProperties empties the properties clear names, and replaces needles
// in the text of the others (app.xml repeats the title in TitlesOfParts).
func rewriteProperties(data []byte, clear func(local string) bool, m *matcher, rep *Report, maxDepth int) (edits, error) {
	var ed edits
	depth := 0
	var cur struct {
		local   string
		tagEnd  int
		clear   bool
		hasText bool
	}
	err := walk(data, maxDepth, func(tok xml.Token, start, end int) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth == 2 {
				cur.local, cur.tagEnd, cur.clear, cur.hasText = t.Name.Local, end, clear(t.Name.Local), false
			}
		case xml.EndElement:
			if depth--; depth == 1 && cur.clear && cur.hasText {
				ed.add(cur.tagEnd, start, "")
				name := propertyNames[cur.local]
				if name == "" {
					name = cur.local
				}
				rep.Properties = append(rep.Properties, name)
			}
		case xml.CharData:
			switch {
			case depth < 2 || len(bytes.TrimSpace(t)) == 0:
			case cur.clear:
				cur.hasText = true
			default:
				replaceCharData(&ed, m, string(t), start, end)
			}
		}
		return nil
	})
	return ed, err
}

// rewriteText replaces needles in every text of a part that is not
// WordprocessingML, such as a chart's titles and labels.
func rewriteText(data []byte, m *matcher, maxDepth int) (edits, error) {
	var ed edits
	err := walk(data, maxDepth, func(tok xml.Token, start, end int) error {
		if t, ok := tok.(xml.CharData); ok {
			replaceCharData(&ed, m, string(t), start, end)
		}
		return nil
	})
	return ed, err
}

func replaceCharData(ed *edits, m *matcher, text string, start, end int) {
	if rs := m.find(text, true); len(rs) > 0 {
		ed.add(start, end, escapeText(replaceAll(text, rs)))
	}
}
