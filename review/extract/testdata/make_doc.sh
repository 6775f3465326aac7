#!/usr/bin/env bash
# Rebuilds the Word 97-2003 fixtures the .doc reader is tested with, written by
# a real producer: LibreOffice converts flat ODT documents this script writes.
#   doc_marked.doc  a classification marking "机密★20年" in the body, a comment,
#                   a tracked deletion, hidden text, a header and a footer, a
#                   footnote, an endnote, a text box, a table, and document
#                   properties (title, author, keywords, a custom property)
#   doc_marked.wps  the same file named as WPS Office names it
#   doc_clean.doc   a plain draft without any of these
#   doc_encrypted.doc  doc_clean saved with the password "secret"
# Needs libreoffice-writer (soffice).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

head='<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'

cat >"$tmp/doc_marked.fodt" <<EOF
$head
 <office:meta>
  <dc:title>关于加强保密管理的通知</dc:title>
  <meta:initial-creator>起草人王五</meta:initial-creator>
  <dc:creator>审核人赵六</dc:creator>
  <meta:keyword>保密 通知</meta:keyword>
  <dc:subject>保密管理</dc:subject>
  <meta:user-defined meta:name="密级">秘密</meta:user-defined>
 </office:meta>
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph"/>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Hidden" style:family="text"><style:text-properties text:display="none"/></style:style>
  <style:page-layout style:name="pm1"/>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p>页眉：内部资料</text:p></style:header>
   <style:footer><text:p>页脚：第一页</text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
   <text:tracked-changes text:track-changes="true">
    <text:changed-region xml:id="ct1" text:id="ct1">
     <text:deletion>
      <office:change-info><dc:creator>审稿人</dc:creator><dc:date>2024-01-02T10:00:00</dc:date></office:change-info>
      <text:p>已删除的敏感段落</text:p>
     </text:deletion>
    </text:changed-region>
   </text:tracked-changes>
   <text:p>机密★20年</text:p>
   <text:p>关于加强保密管理的通知</text:p>
   <text:p>各单位：为做好保密工作<office:annotation><dc:creator>张三</dc:creator><dc:date>2024-01-02T09:00:00</dc:date><text:p>批注：这一段需要再核实</text:p></office:annotation>，现通知如下<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>脚注：依据保密法第十条</text:p></text:note-body></text:note>。</text:p>
   <text:p>第一条<text:change text:change-id="ct1"/>保留的正文内容<text:span text:style-name="Hidden">隐藏的备注文字</text:span>。</text:p>
   <text:p>第二条 见附件<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>尾注：附件另发</text:p></text:note-body></text:note>。</text:p>
   <text:p><draw:frame draw:name="框1" text:anchor-type="paragraph" svg:width="6cm" svg:height="2cm" svg:x="2cm" svg:y="0cm"><draw:text-box><text:p>文本框里的文字</text:p></draw:text-box></draw:frame>第三条 表格如下：</text:p>
   <table:table table:name="表1">
    <table:table-column table:number-columns-repeated="2"/>
    <table:table-row><table:table-cell><text:p>甲单元格</text:p></table:table-cell><table:table-cell><text:p>乙单元格</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell><text:p>丙单元格</text:p></table:table-cell><table:table-cell><text:p>丁单元格</text:p></table:table-cell></table:table-row>
   </table:table>
   <text:p>特此通知。</text:p>
  </office:text>
 </office:body>
</office:document>
EOF

cat >"$tmp/doc_clean.fodt" <<EOF
$head
 <office:meta><dc:title>关于召开年度工作会议的通知</dc:title></office:meta>
 <office:body>
  <office:text>
   <text:p>关于召开年度工作会议的通知</text:p>
   <text:p>各部门：定于下月召开年度工作会议，请做好准备。</text:p>
   <text:p>特此通知。</text:p>
  </office:text>
 </office:body>
</office:document>
EOF

(cd "$tmp" && soffice --headless --convert-to 'doc:MS Word 97' --outdir "$tmp/out" doc_marked.fodt doc_clean.fodt >/dev/null)
cp "$tmp/out/doc_marked.doc" "$tmp/out/doc_clean.doc" "$here/"
cp "$tmp/out/doc_marked.doc" "$here/doc_marked.wps"

# A password-protected copy (RC4, as Word 97-2003 encrypts): the command line
# cannot pass a password, so a Basic macro in a throwaway profile saves it.
profile="$tmp/profile"
soffice --headless -env:UserInstallation="file://$profile" --terminate_after_init >/dev/null 2>&1
cat >"$profile/user/basic/Standard/Module1.xba" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveEncrypted(inPath As String, outPath As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, args())
  Dim save(1) As New com.sun.star.beans.PropertyValue
  save(0).Name = &quot;FilterName&quot;
  save(0).Value = &quot;MS Word 97&quot;
  save(1).Name = &quot;Password&quot;
  save(1).Value = &quot;secret&quot;
  doc.storeToURL(ConvertToURL(outPath), save())
  doc.close(True)
End Sub
</script:module>
EOF
soffice --headless -env:UserInstallation="file://$profile" \
	"macro:///Standard.Module1.SaveEncrypted(\"$tmp/out/doc_clean.doc\",\"$here/doc_encrypted.doc\")" >/dev/null 2>&1
ls -l "$here"/doc_*
