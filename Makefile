# prepub: `make run` opens the desktop app, `make test` runs every check.
GO ?= go
export PATH := $(PATH):/usr/local/go/bin

.PHONY: run test build deps deps-test vet fmt-check bench fuzz screenshots windows dist

run: deps build
	./bin/prepub

build:
	$(GO) build -o bin/prepub ./cmd/prepub
	$(GO) build -o bin/prepubctl ./cmd/prepubctl

deps:
	bash scripts/install-deps.sh build

deps-test:
	bash scripts/install-deps.sh test

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

test: deps-test fmt-check vet
	bash scripts/test-pg.sh $(GO) test -count=1 ./...
	bash scripts/screenshots.sh
	$(MAKE) windows

# The Windows build, cross-compiled with Debian's mingw-w64: make test checks that it compiles.
windows:
	CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 $(GO) build -ldflags "-H=windowsgui" -o bin/prepub.exe ./cmd/prepub
	GOOS=windows GOARCH=amd64 $(GO) build -o bin/prepubctl.exe ./cmd/prepubctl

# Screenshots of the clerk's screen, a reviewer's queue and the archive search, into docs/.
screenshots: deps-test
	bash scripts/screenshots.sh docs

# A Linux archive made by fyne package, and the Windows programs, in dist/.
FYNE ?= $(GO) run fyne.io/tools/cmd/fyne@v1.7.4
dist: deps windows
	mkdir -p dist
	cp cmd/prepub/FyneApp.toml dist/.FyneApp.toml  # fyne package bumps the build number: keep the tree clean
	cd cmd/prepub && $(FYNE) package -os linux -release
	mv dist/.FyneApp.toml cmd/prepub/FyneApp.toml
	mv cmd/prepub/*.tar.xz dist/
	cp bin/prepub.exe bin/prepubctl.exe dist/

# Each extractor's fuzz target for FUZZTIME (default 30s).
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./review/extract -run '^$$' -fuzz FuzzText -fuzztime $(FUZZTIME)
	$(GO) test ./review/extract -run '^$$' -fuzz FuzzDOCX -fuzztime $(FUZZTIME)
	$(GO) test ./review/extract -run '^$$' -fuzz FuzzPDF -fuzztime $(FUZZTIME)
	$(GO) test ./review/extract -run '^$$' -fuzz 'FuzzOFD$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 3s
	$(GO) test ./review/extract -run '^$$' -fuzz 'FuzzDOC$$' -fuzztime $(FUZZTIME)
	$(GO) test ./review/scan -run '^$$' -fuzz FuzzScan -fuzztime $(FUZZTIME)
	$(GO) test ./review/release -run '^$$' -fuzz FuzzDOCX -fuzztime $(FUZZTIME)

bench:
	bash scripts/install-deps.sh bench
	bash bench/scan.sh
	bash bench/archive.sh
	bash bench/server.sh
	bash bench/desktop.sh
