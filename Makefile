# The two commands of the README, and a few more for developers.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

DEMO_DIR ?= demo
KIOSK := .build/release/coaching-kiosk

.PHONY: run test deps build format lint clean

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

## Install what is missing, check the layout, and run every test.
test: deps lint
	swift build --build-tests
	swift test

deps:
	scripts/install-deps.sh

build:
	swift build

format:
	swift format --in-place --recursive Sources Tests Package.swift

lint:
	swift format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build $(DEMO_DIR)
