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
	bash scripts/test-packages.sh

# The Windows build, cross-compiled with Debian's mingw-w64: make test checks that it compiles.
windows:
	CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 $(GO) build -ldflags "-H=windowsgui" -o bin/prepub.exe ./cmd/prepub
	GOOS=windows GOARCH=amd64 $(GO) build -o bin/prepubctl.exe ./cmd/prepubctl

# Screenshots of every role's main screen at 1024×700 in the light and the dark look, into bin/screens;
# the clerk's, in both looks, are copied into docs/ for the README.
screenshots: deps-test
	bash scripts/screenshots.sh bin/screens
	cp bin/screens/light/clerk-screen.png docs/clerk-light.png
	cp bin/screens/dark/clerk-screen.png docs/clerk-dark.png

# The packages, in dist/: .deb of the desktop app (amd64, arm64; linked by Zig against glibc 2.28
# for UOS 20 and Kylin V10, see scripts/zig.sh) and of prepubctl with the office server (amd64,
# arm64, loong64), the Windows installer, and prepubctl for Windows.
dist:
	bash scripts/install-deps.sh dist
	bash scripts/package-deb.sh -o dist all
	bash scripts/package-nsis.sh -o dist

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
