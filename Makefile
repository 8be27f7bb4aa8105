# The two commands of the README, and a few more for developers.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

DEMO_DIR ?= demo
KIOSK := .build/release/coaching-kiosk

.PHONY: run test deps build format lint clean bench soak fuzz fuzz-ci fuzz-build

DEMO_SCHOOL := Ysgol Cae'r Onnen
PORT ?= 2323
# Where the demo's prints go: a CUPS queue name, an ipp:// printer, default,
# or (unless told) PDFs in demo/printed.
PRINTER ?= dir:$(CURDIR)/$(DEMO_DIR)/printed

## Install what is missing, build, make the demo school, and run the kiosk on it.
run: deps
	swift build -c release --product coaching-kiosk
	mkdir -p $(DEMO_DIR)
	$(KIOSK) demo --replace --database $(DEMO_DIR)/coaching.sqlite
	@echo
	@echo "Connect from another terminal with:  telnet localhost $(PORT)"
	@echo "and log in with a staff code and PIN from the table above. Ctrl-C stops the kiosk."
	@echo "Prints go to $(PRINTER)."
	@echo
	$(KIOSK) serve --database $(DEMO_DIR)/coaching.sqlite --school-name "$(DEMO_SCHOOL)" --forms forms \
		--layouts layouts --printer "$(PRINTER)" --telnet 127.0.0.1:$(PORT)

## Install what is missing, check the layout, and run every test, then the fuzzers briefly.
test: deps lint
	swift build --build-tests
	swift test
	$(MAKE) fuzz-ci

deps:
	scripts/install-deps.sh

## Benchmarks (measurements, not tests: not part of make test or CI). Release
## builds of the daemon and the bench, then every figure as a table and
## bench-results.json. BENCH_BUILD picks the scratch folder, BENCH_ARGS passes
## options (e.g. BENCH_ARGS=--quick for a smoke run).
BENCH_BUILD ?= .build
BENCH_ARGS ?=
SOAK_MINUTES ?= 30
BENCH := $(BENCH_BUILD)/release/coaching-kiosk-bench

bench:
	swift build -c release --scratch-path $(BENCH_BUILD) --product coaching-kiosk
	swift build -c release --scratch-path $(BENCH_BUILD) --product coaching-kiosk-bench
	$(BENCH) $(BENCH_ARGS)

## The soak: the session load for SOAK_MINUTES (30), the daemon's memory each minute.
soak:
	swift build -c release --scratch-path $(BENCH_BUILD) --product coaching-kiosk
	swift build -c release --scratch-path $(BENCH_BUILD) --product coaching-kiosk-bench
	$(BENCH) --soak $(SOAK_MINUTES) $(BENCH_ARGS)

build:
	swift build

format:
	swift format --in-place --recursive Sources Tests Package.swift Fuzz/Package.swift Fuzz/Sources

lint:
	swift format lint --strict --recursive Sources Tests Package.swift Fuzz/Package.swift Fuzz/Sources

# The coverage-guided fuzzers (libFuzzer, from the Swift toolchain) of the telnet codec
# and the key decoder: a package of their own in Fuzz/, seeds in Fuzz/Corpus.
FUZZERS := FuzzTelnet FuzzKeys
FUZZ_SECONDS ?= 600
FUZZ_CI_SECONDS ?= 30

fuzz-build:
	swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer

## Fuzz by hand: FUZZ_SECONDS (600) a fuzzer; what they learn is kept in Fuzz/.work for next time.
fuzz: fuzz-build
	for fuzzer in $(FUZZERS); do Fuzz/run-fuzzer.sh $$fuzzer $(FUZZ_SECONDS) Fuzz/.work || exit 1; done

## Fuzz briefly, FUZZ_CI_SECONDS (30) a fuzzer, on a throwaway copy (a failing input is kept
## in Fuzz/.work/crashes): make test runs this, and fails if a fuzzer does.
fuzz-ci: fuzz-build
	work=$$(mktemp -d) && trap 'rm -rf "$$work"' EXIT && \
		for fuzzer in $(FUZZERS); do \
			Fuzz/run-fuzzer.sh $$fuzzer $(FUZZ_CI_SECONDS) "$$work" Fuzz/.work/crashes || exit 1; \
		done

clean:
	rm -rf .build $(DEMO_DIR)
