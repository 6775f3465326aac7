package ui

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"

	"prepub/assets"
)

// The languages of the user interface. The app's strings are written in
// Chinese in the code and used as translation keys, so Chinese needs no
// lookup to be right; English is a translation of the same keys.
const (
	Chinese = "zh"
	English = "en"
)

// SetupLanguage registers the app's translations with Fyne and selects the
// language of the user interface: Chinese or English, or with "" English
// only when the user's first preferred locale is English and Chinese
// otherwise (zh, C/POSIX, unset, or a language the app has no translation
// for). It returns the language chosen; call it once, before building windows.
//
// Fyne matches the system locale against the registered translations and
// falls back to English, so the English file is registered only when English
// is chosen, and Chinese is registered under Fyne's own zh-Hans tag so that
// Fyne's built-in strings (dialog buttons) are Chinese too. Where Fyne reads
// the locale from the environment (Linux and the BSDs), LC_ALL is set to the
// chosen language while the translations are registered and restored after.
func SetupLanguage(choice string) string {
	if choice != English && choice != Chinese {
		choice = SystemLanguage()
	}
	locale, files := "zh_CN.UTF-8", []string{"zh.json"}
	if choice == English {
		locale, files = "en_US.UTF-8", []string{"zh.json", "en.json"}
	}
	old, had := os.LookupEnv("LC_ALL")
	_ = os.Setenv("LC_ALL", locale)
	defer func() {
		if had {
			_ = os.Setenv("LC_ALL", old)
		} else {
			_ = os.Unsetenv("LC_ALL")
		}
	}()
	tags := map[string]fyne.Locale{"zh.json": "zh-Hans", "en.json": "en"}
	for _, f := range files {
		data, err := assets.Translations.ReadFile("translations/" + f)
		if err == nil {
			err = lang.AddTranslationsForLocale(data, tags[f])
		}
		if err != nil {
			fyne.LogError("loading translations "+f, err)
		}
	}
	helpLanguage = choice
	return choice
}

// SystemLanguage returns English when the user's first preferred locale is
// English, else Chinese.
func SystemLanguage() string {
	locs, _ := locale.GetLocales()
	if len(locs) == 0 {
		return Chinese
	}
	tag, err := language.Parse(strings.ReplaceAll(locs[0], "_", "-"))
	if err != nil {
		return Chinese
	}
	if base, _ := tag.Base(); base.String() == English {
		return English
	}
	return Chinese
}
