package assets

import _ "embed"

// FontRegular and FontBold are the Simplified Chinese faces of Noto Sans CJK
// (SIL Open Font License, fonts/OFL.txt), cut down by scripts/subset-fonts.sh
// to GB 2312 and the characters of the window's own texts: the whole faces
// are 16 MB each, which the window parsed at every start.
//
//go:embed fonts/NotoSansCJKsc-Regular.otf
var FontRegular []byte

// FontBold is the bold companion of FontRegular.
//
//go:embed fonts/NotoSansCJKsc-Bold.otf
var FontBold []byte
