package extract_test

import (
	"testing"

	"prepub/internal/ofdfixture"
	"prepub/review/extract"
)

// ofdSeeds are fixture OFD files covering every part the reader reads.
func ofdSeeds() [][]byte {
	full := ofdfixture.Doc{
		Pages: []ofdfixture.Page{
			{Lines: []ofdfixture.Line{{"机密", "★", "20年"}, {"关于做好政务公开工作的通知"}}, Template: true, Annotations: []string{"内部资料"}},
			{Image: true},
		},
		Template:    []ofdfixture.Line{{"某县人民政府文件"}},
		Title:       "标题",
		Keywords:    []string{"通知"},
		Custom:      map[string]string{"密级": "秘密"},
		Attachments: []ofdfixture.Attachment{{Name: "a.txt", Data: []byte("附件")}},
		Signed:      true,
	}
	stored := full
	stored.Stored = true
	odd := full
	odd.NoPrefix, odd.Absolute, odd.CTM, odd.Stored = true, true, true, true
	good := full.Build()
	return [][]byte{good, stored.Build(), odd.Build(), good[:len(good)/2],
		ofdfixture.Doc{Pages: []ofdfixture.Page{{Image: true}}, Stored: true}.Build(),
		ofdfixture.Zip([][2]string{{"OFD.xml", "<OFD/>"}}), []byte("PK\x03\x04")}
}

// FuzzOFD ensures any bytes read as OFD end as a document or as could-not-be-checked, never a panic.
func FuzzOFD(f *testing.F) {
	for _, seed := range ofdSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := extract.ReadOFD(data, fuzzLimits())
		checkOutcome(t, doc, err)
	})
}

// FuzzOFDXML ensures any page and resource XML inside a well-formed OFD zip ends as a document or as could-not-be-checked.
func FuzzOFDXML(f *testing.F) {
	f.Add(`<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Template TemplateID="2"/><ofd:Content><ofd:Layer><ofd:TextObject Boundary="10 10 50 6" CTM="0.5 0 0 0.5 0 0" Size="10"><ofd:TextCode X="0" Y="10" DeltaX="g 2 10">机密★</ofd:TextCode></ofd:TextObject><ofd:CompositeObject ResourceID="7" Boundary="0 0 9 9"/></ofd:Layer></ofd:Content></ofd:Page>`,
		`<Res><CompositeGraphicUnits><CompositeGraphicUnit ID="7"><Content><TextObject Boundary="0 0 9 9"><TextCode X="1" Y="5">字</TextCode></TextObject><CompositeObject ResourceID="7"/></Content></CompositeGraphicUnit></CompositeGraphicUnits></Res>`)
	f.Add(`<Page><Content><PageBlock><TextObject><TextCode>无坐标</TextCode><TextCode X="NaN" Y="1e308" DeltaX="g 99999999999 1e308">字</TextCode></TextObject></PageBlock></Content></Page>`, `<Res/>`)
	f.Add(`<?xml version="1.0" encoding="GBK"?><Page><Content><ImageObject/></Content></Page>`, `<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>`)
	f.Fuzz(func(t *testing.T, page, res string) {
		data := ofdfixture.Zip([][2]string{
			{"OFD.xml", `<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>`},
			{"Doc_0/Document.xml", `<Document><CommonData><DocumentRes>Res.xml</DocumentRes><TemplatePage ID="2" BaseLoc="Tpl.xml"/></CommonData><Pages><Page ID="1" BaseLoc="Page.xml"/></Pages><Annotations>Annots.xml</Annotations></Document>`},
			{"Doc_0/Page.xml", page},
			{"Doc_0/Tpl.xml", page},
			{"Doc_0/Res.xml", res},
			{"Doc_0/Annots.xml", `<Annotations><Page PageID="1"><FileLoc>Page.xml</FileLoc></Page></Annotations>`},
		})
		doc, err := extract.ReadOFD(data, fuzzLimits())
		checkOutcome(t, doc, err)
	})
}
