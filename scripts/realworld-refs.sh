#!/usr/bin/env bash
# Writes review/extract/testdata/realworld_refs.tsv: for every file listed in
# the real-world set's MANIFEST.tsv, how many Han characters a reference reader
# finds in it, so the extract tests can compare prepub's count with a peer's.
# Usage: scripts/realworld-refs.sh [REALWORLD_DIR]   (default ../shared/realworld,
# relative to the repo root). Needs poppler-utils, libreoffice-writer-nogui
# and python3 (standard library only).
#
# Reference readers, one per kind (column `reader`):
#   pdf   pdftotext: `pdftotext -enc UTF-8 FILE -` (owner-password-only files
#         open as they are); han -1 when pdftotext fails.
#   docx  wordxml: the text of every <w:t> in word/document.xml, headers,
#         footers, footnotes, endnotes and comments, plus <a:t> and <c:v> in
#         word/charts/chart*.xml and <a:t> in word/diagrams/data*.xml (the
#         diagrams' drawing*.xml caches repeat that text and are left out).
#         Content under <mc:Fallback> is skipped: it repeats the <mc:Choice>
#         next to it (a text box is written twice, as DrawingML and as VML);
#         the note says how many Han those copies hold.
#         Deleted text (<w:delText>) is not in han; the note gives it apart,
#         and names what else holds Han but is not counted: field codes
#         (w:instrText), Office Math (m:t), the glossary (building blocks).
#   doc   soffice-txt: `soffice --headless --convert-to "txt:Text (encoded):UTF8"`.
#   ofd   textcode: the text of every TextCode element in every XML file of
#         the package.
# Han = Unicode Han ideographs: U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF,
# U+20000-2FA1F. Column `note`: for pdf the pages and encrypted yes/no
# (pdfinfo), the number of fonts, Type 3 fonts, fonts neither embedded nor
# with a ToUnicode map (pdffonts; names that are not UTF-8 shown as GBK), and
# radicals (U+2E80-2FDF), U+FFFD or private-use code points in pdftotext's
# text; for docx the Han per part and what was not counted; for ofd the Han
# per part (pages, templates, annots, resources: DocumentRes/PublicRes, where
# CompositeObject drawings keep their text).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
rw=${1:-"$top/../shared/realworld"}
rw=$(cd "$rw" && pwd)
dst="$top/review/extract/testdata/realworld_refs.tsv"
for t in pdftotext pdffonts pdfinfo soffice python3; do
  command -v "$t" >/dev/null || { echo "realworld-refs: $t is missing" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

RW="$rw" DST="$dst" TMP="$tmp" python3 - <<'EOF'
import os, re, subprocess, sys, zipfile, datetime
import xml.etree.ElementTree as ET

RW, DST, TMP = os.environ["RW"], os.environ["DST"], os.environ["TMP"]
HAN = re.compile("[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0002FA1F]")

def han(s):
    return len(HAN.findall(s))

def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300, **kw)

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

def qname(tag):
    """w:t, a:t, c:v, m:t ... for a Clark-notation tag; OOXML transitional
    and strict namespaces alike; the bare local name for any other."""
    if not tag.startswith("{"):
        return tag
    uri, ln = tag[1:].split("}", 1)
    for key, pfx in (("wordprocessingml", "w"), ("drawingml/2006/chart", "c"),
                     ("drawingml/chart", "c"), ("drawingml/2006/main", "a"),
                     ("drawingml/main", "a"), ("officeDocument/2006/math", "m"),
                     ("officeDocument/math", "m")):
        if key in uri:
            return pfx + ":" + ln
    return ln

def texts(data, names):
    """Concatenated text of the elements named in names (w:t, a:t ... or a
    bare local name), one string per name; what sits under mc:Fallback is
    gathered apart under "fallback"."""
    out = {n: [] for n in names}
    out["fallback"] = []
    root = ET.fromstring(data)
    def walk(e, fb):
        if e.tag == "{%s}Fallback" % MC:
            fb = True
        q = qname(e.tag)
        if q not in out:
            q = q.split(":")[-1]
        if q in names and e.text:
            out["fallback" if fb else q].append(e.text)
        for ch in e:
            walk(ch, fb)
    walk(root, False)
    return {n: "".join(v) for n, v in out.items()}

def fontname(b):
    """A pdffonts name field: UTF-8, else GBK (Chinese Windows font names
    written as raw bytes), else escaped bytes."""
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return b.decode("gbk") + "[GBK bytes]"
    except UnicodeDecodeError:
        return b.decode("latin-1").encode("unicode_escape").decode("ascii")

def pdf(path):
    r = run(["pdftotext", "-enc", "UTF-8", path, "-"])
    txt = r.stdout.decode("utf-8", "replace")
    n = han(txt) if r.returncode == 0 else -1
    notes = []
    info = run(["pdfinfo", path])
    it = info.stdout.decode("utf-8", "replace")
    m = re.search(r"^Pages:\s*(\d+)", it, re.M)
    notes.append("pages=%s" % (m.group(1) if m else "?"))
    m = re.search(r"^Encrypted:\s*(\S+)", it, re.M)
    notes.append("encrypted=%s" % (m.group(1) if m else "?"))
    pf = run(["pdffonts", path])
    if pf.returncode != 0:
        notes.append("pdffonts failed")
    else:
        rows = pf.stdout.splitlines()[2:]
        bare, t3 = [], 0
        for row in rows:
            f = row.split()
            if len(f) < 7:
                continue
            name = fontname(f[0])
            typ, enc, emb, uni = (b" ".join(f[1:-6]).decode("latin-1"), f[-6].decode("latin-1"),
                                  f[-5].decode("latin-1"), f[-3].decode("latin-1"))
            if typ.startswith("Type 3"):
                t3 += 1
            if emb == "no" and uni == "no":
                bare.append("%s(%s/%s)" % (name, typ, enc))
        notes.append("fonts=%d" % len(rows))
        if not rows:
            notes.append("no fonts")
        if t3:
            notes.append("type3=%d" % t3)
        if bare:
            notes.append("noemb+nouni: " + ", ".join(bare))
    if r.returncode != 0:
        notes.append("pdftotext rc=%d" % r.returncode)
    # Signs of text pdftotext could not map: radicals standing for ideographs,
    # U+FFFD, private-use code points.
    for label, rx in (("radicals", "[\u2E80-\u2FDF]"), ("U+FFFD", "\uFFFD"),
                      ("private-use", "[\uE000-\uF8FF]")):
        k = len(re.findall(rx, txt))
        if k:
            notes.append("pdftotext %s=%d" % (label, k))
    return "pdftotext", n, "; ".join(notes)

def docx(path):
    parts = {}
    extra = {"delText": 0, "mc:Fallback copies": 0, "instrText": 0, "m:t math": 0,
             "a:t in body parts": 0, "glossary w:t": 0}
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if re.fullmatch(r"word/glossary/document\.xml", name):
                extra["glossary w:t"] += han(texts(z.read(name), ("w:t",))["w:t"])
                continue
            kind = None
            if name == "word/document.xml":
                kind = "body"
            elif re.fullmatch(r"word/(header|footer)\d*\.xml", name):
                kind = re.match(r"word/([a-z]+)", name).group(1) + "s"
            elif name in ("word/footnotes.xml", "word/endnotes.xml", "word/comments.xml"):
                kind = name[5:-4]
            elif re.fullmatch(r"word/charts/chart\d*\.xml", name):
                kind = "charts"
            elif re.fullmatch(r"word/diagrams/data\d*\.xml", name):
                kind = "diagrams"
            if kind is None:
                continue
            data = z.read(name)
            if kind == "charts":
                t = texts(data, ("a:t", "c:v"))
                n = han(t["a:t"] + t["c:v"])
            elif kind == "diagrams":
                t = texts(data, ("a:t",))
                n = han(t["a:t"])
            else:
                t = texts(data, ("w:t", "w:delText", "w:instrText", "m:t", "a:t"))
                n = han(t["w:t"])
                extra["delText"] += han(t["w:delText"])
                extra["instrText"] += han(t["w:instrText"])
                extra["m:t math"] += han(t["m:t"])
                extra["a:t in body parts"] += han(t["a:t"])
            extra["mc:Fallback copies"] += han(t["fallback"])
            parts[kind] = parts.get(kind, 0) + n
    total = sum(parts.values())
    note = "; ".join("%s=%d" % (k, v) for k, v in parts.items() if v or k == "body")
    note += "; delText=%d" % extra.pop("delText")
    skipped = ["%s=%d" % kv for kv in extra.items() if kv[1]]
    if skipped:
        note += "; not counted: " + ", ".join(skipped)
    return "wordxml", total, note

def doc(path):
    out = os.path.join(TMP, "doc")
    os.makedirs(out, exist_ok=True)
    r = run(["soffice", "-env:UserInstallation=file://" + os.path.join(TMP, "lo-profile"),
             "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", out, path])
    txt = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".txt")
    if r.returncode != 0 or not os.path.exists(txt):
        return "soffice-txt", -1, "soffice rc=%d" % r.returncode
    with open(txt, encoding="utf-8", errors="replace") as f:
        n = han(f.read())
    os.remove(txt)
    return "soffice-txt", n, ""

def ofd(path):
    parts = {}
    bad = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if not name.lower().endswith(".xml"):
                continue
            data = z.read(name)
            try:
                n = han(texts(data, ("TextCode",))["TextCode"])
            except ET.ParseError:
                bad.append(name)
                s = data.decode("utf-8", "replace")
                n = han("".join(re.findall(r"<(?:\w+:)?TextCode\b[^>]*>(.*?)</(?:\w+:)?TextCode>", s, re.S)))
            if not n:
                continue
            low = name.lower()
            base = low.rsplit("/", 1)[-1]
            kind = ("annots" if "annot" in low else "templates" if "tpl" in low or "template" in low
                    else "resources" if base.endswith("res.xml")
                    else "pages" if "/pages/" in low or low.startswith("pages/") else "other")
            parts[kind] = parts.get(kind, 0) + n
    note = "; ".join("%s=%d" % kv for kv in parts.items())
    if bad:
        note += "; not well-formed (regex used): " + ",".join(bad)
    return "textcode", sum(parts.values()), note

rows = []
with open(os.path.join(RW, "MANIFEST.tsv"), encoding="utf-8") as f:
    lines = f.read().splitlines()
for line in lines[1:]:
    if not line.strip():
        continue
    rel = line.split("\t")[0]
    path = os.path.join(RW, rel)
    ext = os.path.splitext(rel)[1].lower()
    fn = {".pdf": pdf, ".docx": docx, ".doc": doc, ".ofd": ofd}.get(ext)
    if fn is None:
        print("realworld-refs: no reader for " + rel, file=sys.stderr)
        continue
    try:
        reader, n, note = fn(path)
    except Exception as e:  # a reader that breaks on a file is a finding too
        reader, n, note = fn.__name__, -1, "error: %s" % e
    rows.append((rel, reader, str(n), note.replace("\t", " ")))
    print("%-60s %-12s %6s  %s" % (rel, reader, n, note), file=sys.stderr)

with open(DST, "w", encoding="utf-8") as f:
    f.write("# made by scripts/realworld-refs.sh on %s\n" % datetime.date.today().isoformat())
    f.write("file\treader\than\tnote\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
print("realworld-refs: %d files -> %s" % (len(rows), DST), file=sys.stderr)
EOF
