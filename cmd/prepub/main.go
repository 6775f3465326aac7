// Command prepub is the desktop app: the whole review in a Chinese window,
// on the embedded archive in the user's data folder.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"prepub/client"
	"prepub/index"
	"prepub/review"
	"prepub/review/extract"
	"prepub/ui"
)

// memoryLimit is the app's soft Go memory limit unless GOMEMLIMIT sets one.
const memoryLimit = 96 << 20

// version is set when the program is built: go build -ldflags "-X main.version=0.1.0".
var version = "dev"

func main() {
	extract.ServeWorker()
	if os.Getenv("GOMEMLIMIT") == "" {
		// Most of the heap between collections is garbage from scans and searches: a soft
		// limit halves the app's own memory on an office PC at a little CPU. What stays
		// live is some 65 MB, mostly the parsed fonts; 96 MiB leaves some 30 MB for
		// garbage, where 128 MiB let the heap settle at twice the live part.
		debug.SetMemoryLimit(memoryLimit)
	}
	archiveDir := flag.String("archive", "", "档案库文件夹（默认：用户数据文件夹中的 prepub）")
	rulesFile := flag.String("rules", "", "本单位的签发规则文件（默认：内置规则）")
	keywordsFile := flag.String("keywords", "", "本单位的关键词文件（TOML），追加在内置关键词之后")
	allowFile := flag.String("allow", "", "本单位的保密检查白名单文件（TOML）")
	serverURL := flag.String("server", "", "办公服务器地址，如 https://192.0.2.10:8443（不给出时使用本机档案库）")
	fingerprint := flag.String("fingerprint", "", "办公服务器证书的 SHA-256 指纹（服务器启动时打印），用于自签名证书")
	tourDir := flag.String("tour", "", "") // for CI: sign in as the fixture users, save screenshots here, quit
	tourDraft := flag.String("tour-draft", "", "")
	tourTheme := flag.String("tour-theme", "", "") // the tour's look: light or dark
	tourSize := flag.String("tour-size", "", "")   // the tour's window, as 1024x700
	probeUser := flag.String("probe", "", "")      // for bench/desktop.sh: time to first window and memory after a search as this user
	uiLang := flag.String("lang", "", "界面语言：zh 或 en（默认：系统区域设置为英文时用 en，否则用 zh）")
	showVersion := flag.Bool("version", false, "显示版本后退出")
	flag.Usage = func() {
		out := flag.CommandLine.Output()
		fmt.Fprintln(out, "用法：prepub [选项] [文件]\n\n文件：起草人登录后在“起草与提交”中打开的草稿\n\n选项：")
		for _, name := range []string{"archive", "rules", "keywords", "allow", "server", "fingerprint", "lang", "version"} {
			if f := flag.Lookup(name); f != nil { // the hidden test flags, and a library's own, are left out
				fmt.Fprintf(out, "  --%s\n    \t%s\n", f.Name, f.Usage)
			}
		}
	}
	flag.Parse()
	if *showVersion {
		fmt.Println("prepub", version)
		return
	}
	where := locate(*archiveDir, *rulesFile, *keywordsFile, *allowFile)
	ui.SetupLanguage(*uiLang)

	a := app.NewWithID("cn.gov.prepub")
	if *serverURL == "" && *archiveDir == "" && *tourDir == "" && *probeUser == "" {
		*serverURL = a.Preferences().String(ui.ServerPreference) // set in 设置
		if *fingerprint == "" {
			*fingerprint = a.Preferences().String(ui.FingerprintPreference)
		}
	}
	var svc *ui.Services
	var err error
	if *serverURL != "" {
		svc, err = remoteServices(*serverURL, *fingerprint)
	} else {
		svc, err = services(where.Data, where.Rules, where.Keywords, where.Allow)
	}
	a.SetIcon(ui.AppIcon)
	if *tourTheme != "" {
		a.Preferences().SetString(ui.ThemePreference, *tourTheme)
	}
	ui.UseTheme(a, ui.NewTheme()) // in the look chosen in 设置
	w := a.NewWindow(lang.L("公文发布前审查"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		if *tourDir != "" || *probeUser != "" {
			os.Exit(1)
		}
		showStartError(a, w, *serverURL != "", err)
		return
	}
	if svc.Archive != nil {
		defer svc.Archive.Close()
	}

	w.SetContent(splash()) // until the sign-in screen is built, once the window is up
	rememberSize(a.Preferences(), w)
	if *tourSize != "" {
		var width, height float32
		if _, err := fmt.Sscanf(*tourSize, "%gx%g", &width, &height); err != nil {
			fmt.Fprintln(os.Stderr, "--tour-size:", err)
			os.Exit(2)
		}
		w.Resize(fyne.NewSize(width, height))
	}
	draft := flag.Arg(0) // a file opened with the app: the clerk's screen shows it
	if abs, err := filepath.Abs(draft); draft != "" && err == nil {
		draft = abs
	}
	a.Lifecycle().SetOnStarted(func() {
		if *probeUser != "" {
			probeWindow()
		}
		afterFirstFrame(func() {
			shell := ui.NewShell(w, svc)
			if svc.Archive != nil {
				svc.Archive.StartCheck()
			}
			if draft != "" {
				shell.OpenWhenSignedIn(draft)
			}
			if *tourDir != "" {
				go tour(a, w, shell, svc, *tourDir, *tourDraft)
			}
			if *probeUser != "" {
				probe(a, shell, svc, *probeUser)
			}
		})
	})
	w.ShowAndRun()
	if tourFailed {
		os.Exit(1)
	}
}

// services opens the archive and the policy in force: the office's files, each optional.
func services(archiveDir, rulesFile, keywordsFile, allowFile string) (*ui.Services, error) {
	var keywords []string
	if keywordsFile != "" {
		keywords = []string{keywordsFile}
	}
	policy, err := review.LoadPolicy(rulesFile, keywords, allowFile, time.Now())
	if err != nil {
		return nil, err
	}
	if archiveDir == "" {
		d, err := index.DefaultDir()
		if err != nil {
			return nil, err
		}
		archiveDir = d
	}
	arch, err := index.OpenLazy(archiveDir, nil) // the index checked once the window is up
	if err != nil {
		return nil, err
	}
	return &ui.Services{Desk: &index.Desk{Archive: arch, Rules: policy.Rules, Scanner: policy.Scanner}, Archive: arch, Scanner: policy.Scanner,
		Rules: policy.Rules, RulesPath: rulesFile, Policy: policy.Scan}, nil
}

// showStartError tells the user, in the window, why the app could not start
// and what to do; when the office server is out of reach it offers to forget it.
func showStartError(a fyne.App, w fyne.Window, remote bool, err error) {
	msg := widget.NewLabel(lang.L("无法启动：") + review.ErrorMessage(err) + "\n" + err.Error())
	msg.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(msg)
	if remote {
		box.Add(widget.NewButton(lang.L("下次改用本机档案库"), func() {
			a.Preferences().SetString(ui.ServerPreference, "")
			a.Quit()
		}))
	}
	box.Add(widget.NewButton(lang.L("退出"), a.Quit))
	w.SetContent(container.NewPadded(box))
	w.Resize(fyne.NewSize(640, 240))
	w.ShowAndRun()
}

// remoteServices connects to an office server: its accounts, queues, archive
// and policy. The policy (rules, keyword files, allow list) is the server's,
// downloaded at sign-in (ui.Services.RefreshPolicy); until then the rules it
// sends without a session and the built-in keywords. The office's files on
// this machine are not used: the live check must agree with the server's scan.
func remoteServices(url, fingerprint string) (*ui.Services, error) {
	c := client.New(url, fingerprint)
	rules, err := c.Rules(context.Background())
	if err != nil {
		return nil, err
	}
	p := review.DefaultPolicy(rules, time.Now())
	return &ui.Services{Remote: c, Scanner: p.Scanner, Rules: rules, RulesPath: rules.Source}, nil
}

// rememberSize restores the window size saved last time and saves it when the window closes.
func rememberSize(p fyne.Preferences, w fyne.Window) {
	w.Resize(fyne.NewSize(float32(p.FloatWithFallback("window.width", 1280)),
		float32(p.FloatWithFallback("window.height", 800))))
	w.SetCloseIntercept(func() {
		sz := w.Canvas().Size()
		p.SetFloat("window.width", float64(sz.Width))
		p.SetFloat("window.height", float64(sz.Height))
		w.Close()
	})
}
