package paperwork

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// FontEnv names the environment variable that overrides the font search: a
// TrueType font file (.ttf or .ttc) for the text, optionally followed, after
// the system's path-list separator, by one for the headings.
const FontEnv = "PREPUB_SHEET_FONT"

// Face is one TrueType face of a font file, read when first needed.
type Face struct {
	Path  string // the font file
	Index int    // the face in a collection (.ttc); 0 in a plain .ttf

	once sync.Once
	data []byte
	err  error
}

// Data returns the face as a plain TrueType font file, a face of a
// collection copied out of it.
func (f *Face) Data() ([]byte, error) {
	f.once.Do(func() {
		var raw []byte
		if raw, f.err = os.ReadFile(f.Path); f.err == nil {
			f.data, f.err = trueTypeFace(raw, f.Index)
		}
	})
	return f.data, f.err
}

// String returns the face's file, and its index in a collection.
func (f *Face) String() string {
	if strings.EqualFold(filepath.Ext(f.Path), ".ttc") {
		return fmt.Sprintf("%s（第 %d 个字形）", f.Path, f.Index+1)
	}
	return f.Path
}

// Fonts are the faces a sheet is set in: Song (宋体) for the text, Hei (黑体)
// for headings, and Fallback for characters neither has. Hei and Fallback may
// be nil: headings are then set in Song made bold, and a missing character
// shows as a box.
type Fonts struct {
	Song, Hei, Fallback *Face
}

// probe is text every face for a sheet must have.
const probe = "公文发布前审查表保密员签发意见不予公开"

// The files looked for, by name, in the system's font folders, best first.
var (
	songFiles = []string{
		"simsun.ttc", "simsun.ttf", // Windows 宋体
		"cesi_ss_gb18030.ttf", "cesi_ss_gb13000.ttf", "cesi_ss_gb2312.ttf", // 统信 UOS, 麒麟 Kylin 宋体
		"gbsn00lp.ttf", // fonts-arphic-gbsn00lp: 文鼎ＰＬ简报宋
		"uming.ttc",    // fonts-arphic-uming: 文鼎ＰＬ明体 (CN face first)
	}
	heiFiles = []string{
		"simhei.ttf",                                                       // Windows 黑体
		"cesi_ht_gb18030.ttf", "cesi_ht_gb13000.ttf", "cesi_ht_gb2312.ttf", // UOS, Kylin 黑体
		"msyh.ttc", "msyh.ttf", // Windows 微软雅黑
		"wqy-zenhei.ttc", "wqy-microhei.ttc", // fonts-wqy-zenhei, fonts-wqy-microhei
		"droidsansfallbackfull.ttf", "droidsansfallback.ttf", // fonts-droid-fallback
	}
	// fallbackFiles have many characters: rare ones in names and places.
	fallbackFiles = []string{"uming.ttc", "simsun.ttc", "msyh.ttc", "wqy-zenhei.ttc", "droidsansfallbackfull.ttf", "cesi_ss_gb18030.ttf"}
)

// fontDirs returns the system's font folders, in the order they are searched.
func fontDirs() []string {
	var dirs []string
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
		if d := os.Getenv("LOCALAPPDATA"); d != "" {
			dirs = append(dirs, filepath.Join(d, "Microsoft", "Windows", "Fonts"))
		}
	case "darwin":
		dirs = append(dirs, "/System/Library/Fonts", "/Library/Fonts")
		if home != "" {
			dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		}
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			dirs = append(dirs, filepath.Join(d, "fonts"))
		}
		if home != "" {
			dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
		}
		dirs = append(dirs, "/usr/local/share/fonts", "/usr/share/fonts")
	}
	return dirs
}

// FindFonts finds the faces for a sheet: those named by PREPUB_SHEET_FONT,
// else, in the system's font folders (Windows: %WINDIR%\Fonts; Linux:
// ~/.local/share/fonts, ~/.fonts, /usr/local/share/fonts, /usr/share/fonts,
// searched to any depth), a 宋体 for the text (simsun.ttc, the CESI 宋体 of
// UOS and Kylin, AR PL SungtiL GB, AR PL UMing), a 黑体 for headings
// (simhei.ttf, CESI 黑体, msyh.ttc, WenQuanYi, Droid Sans Fallback), and a
// face with many characters for the rest; failing those names, any TrueType
// face that has Chinese. Only TrueType outlines can be embedded: Noto CJK
// (CFF outlines) is passed over. Its error is in Chinese and says what to install.
func FindFonts() (*Fonts, error) {
	if env := os.Getenv(FontEnv); env != "" {
		return envFonts(env)
	}
	return findIn(fontDirs())
}

// findIn finds the faces for a sheet in the font folders dirs.
func findIn(dirs []string) (*Fonts, error) {
	files := fontFiles(dirs)
	fonts := &Fonts{Song: pick(files, songFiles, nil), Hei: pick(files, heiFiles, nil)}
	if fonts.Song == nil {
		fonts.Song = fonts.Hei
	}
	if fonts.Song == nil {
		fonts.Song = anyChinese(files)
	}
	if fonts.Song == nil {
		return nil, errors.New(noFontMessage)
	}
	fonts.Fallback = lazy(files, fallbackFiles, fonts.Song)
	if fonts.Hei == fonts.Song {
		fonts.Hei = nil
	}
	return fonts, nil
}

// noFontMessage says there is no font to print with and what to do.
const noFontMessage = "未找到可用的中文字体，无法生成审查表 PDF。审查表须嵌入 TrueType 轮廓的中文字体" +
	"（Noto CJK 等 CFF 轮廓的字体不能嵌入）。请安装其中之一：Windows 自带的宋体 simsun.ttc 或黑体 simhei.ttf；" +
	"Debian、Ubuntu、统信 UOS、麒麟：sudo apt install fonts-arphic-uming（或 fonts-arphic-gbsn00lp、fonts-wqy-zenhei）；" +
	"或者用环境变量 " + FontEnv + " 指定字体文件（.ttf 或 .ttc）"

// envFonts loads the faces named by PREPUB_SHEET_FONT: the text's, then optionally the headings'.
func envFonts(env string) (*Fonts, error) {
	paths := filepath.SplitList(env)
	fonts := &Fonts{}
	for i, p := range paths {
		if i > 1 || p == "" {
			continue
		}
		f, err := LoadFont(p)
		if err != nil {
			return nil, fmt.Errorf("环境变量 %s 指定的字体不能使用：%v", FontEnv, err)
		}
		if i == 0 {
			fonts.Song = f
		} else {
			fonts.Hei = f
		}
	}
	if fonts.Song == nil {
		return nil, fmt.Errorf("环境变量 %s 没有指定字体文件", FontEnv)
	}
	return fonts, nil
}

// LoadFont returns the first TrueType face of a font file that has Chinese,
// or an error in Chinese saying why there is none.
func LoadFont(path string) (*Face, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取字体文件 %s：%v", path, err)
	}
	n, err := faceCount(raw)
	if err != nil {
		return nil, fmt.Errorf("%s 不是字体文件：%v", path, err)
	}
	why := error(errNotTrueType)
	for i := 0; i < n; i++ {
		data, err := trueTypeFace(raw, i)
		if err != nil {
			why = err
			continue
		}
		if !hasChinese(data) {
			why = errors.New("字体中没有常用汉字")
			continue
		}
		f := &Face{Path: path, Index: i, data: data}
		f.once.Do(func() {})
		return f, nil
	}
	return nil, fmt.Errorf("%s：%v", path, why)
}

// hasChinese reports whether a face has every character of the probe.
func hasChinese(data []byte) bool {
	f, err := sfnt.Parse(data)
	if err != nil {
		return false
	}
	var buf sfnt.Buffer
	for _, r := range probe {
		if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
			return false
		}
	}
	return true
}

// fontFile is a font file found in a font folder.
type fontFile struct {
	path string
	name string // the base name, lower case
}

// fontFiles lists the .ttf and .ttc files under dirs, each folder in name order.
func fontFiles(dirs []string) []fontFile {
	var out []fontFile
	seen := map[string]bool{}
	for _, d := range dirs {
		filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil
			}
			name := strings.ToLower(e.Name())
			if ext := filepath.Ext(name); (ext == ".ttf" || ext == ".ttc") && !seen[path] {
				seen[path] = true
				out = append(out, fontFile{path, name})
			}
			return nil
		})
	}
	return out
}

// pick returns the first usable face among files with the names wanted, in
// the order wanted, other than not.
func pick(files []fontFile, wanted []string, not *Face) *Face {
	for _, w := range wanted {
		for _, f := range files {
			if f.name != w || (not != nil && not.Path == f.path) {
				continue
			}
			if face, err := LoadFont(f.path); err == nil {
				return face
			}
		}
	}
	return nil
}

// lazy returns the first of files with the names wanted, other than not,
// unread: a fallback is read only when a sheet has a character the others lack.
func lazy(files []fontFile, wanted []string, not *Face) *Face {
	for _, w := range wanted {
		for _, f := range files {
			if f.name == w && not.Path != f.path {
				return &Face{Path: f.path}
			}
		}
	}
	return nil
}

// anyChinese returns the first TrueType face with Chinese among files.
func anyChinese(files []fontFile) *Face {
	for _, f := range files {
		if face, err := LoadFont(f.path); err == nil {
			return face
		}
	}
	return nil
}
