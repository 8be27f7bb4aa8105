# The two commands of the README, and a few more for developers.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

DEMO_DIR ?= demo
KIOSK := .build/release/coaching-kiosk

.PHONY: run test deps build format lint clean

## Install what is missing, build, and bring up the demo school.
run: deps
	swift build -c release --product coaching-kiosk
	mkdir -p $(DEMO_DIR)
	$(KIOSK) demo --replace --database $(DEMO_DIR)/coaching.sqlite
	$(KIOSK) cycle list --database $(DEMO_DIR)/coaching.sqlite

## Install what is missing and run every test.
test: deps
	swift build --build-tests
	swift test

deps:
	scripts/install-deps.sh

build:
	swift build

format:
	swift format --in-place --recursive Sources Tests Package.swift

lint:
	swift format lint --recursive Sources Tests Package.swift

clean:
	rm -rf .build $(DEMO_DIR)
