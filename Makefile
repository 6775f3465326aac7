# prepub: `make run` opens the desktop app, `make test` runs every check.
GO ?= go
export PATH := $(PATH):/usr/local/go/bin

.PHONY: run test build deps deps-test vet fmt-check bench fuzz

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

# Each extractor's fuzz target for FUZZTIME (default 30s).
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./review/extract -run '^$$' -fuzz FuzzText -fuzztime $(FUZZTIME)
	$(GO) test ./review/extract -run '^$$' -fuzz FuzzDOCX -fuzztime $(FUZZTIME)
	$(GO) test ./review/extract -run '^$$' -fuzz FuzzPDF -fuzztime $(FUZZTIME)
	$(GO) test ./review/scan -run '^$$' -fuzz FuzzScan -fuzztime $(FUZZTIME)

bench:
	bash scripts/install-deps.sh bench
	bash bench/scan.sh
