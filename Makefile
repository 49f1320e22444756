# Footfall — the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
PREFIX ?= /usr/local
DEMO_VIDEO := .cache/demo/vtest.avi
OUT ?= out
SWIFT_FLAGS ?=

.PHONY: all setup corpus build release demo test e2e e2e-setup test-long coverage coverage-report lint format install bench clean

all: build

setup:
	@./scripts/setup.sh

build: setup
	swift build $(SWIFT_FLAGS)

release: setup
	swift build -c release $(SWIFT_FLAGS)

## Renders the demo video (vtest.avi from Debian's opencv-doc) into $(OUT)/.
demo: release
	@echo "[demo] rendering $(DEMO_VIDEO) into $(OUT)/"
	.build/release/footfall render $(DEMO_VIDEO) -o $(OUT) --force
	@echo "[demo] done: results are in $(OUT)/"; ls -1 $(OUT)

## Generates the bad-input corpus (zero-byte, truncated, rotated, VFR, odd sizes, …) the reliability tests use.
corpus: setup
	@./scripts/make-corpus.sh

## Runs the whole test suite (with coverage data, so `make coverage-report` can read it).
test: setup corpus
	swift test --disable-xctest --enable-code-coverage $(SWIFT_FLAGS)

# Rebuilt only when a source is newer: right after `make test` it is up to date, and `swift build` would recompile
# Hummingbird (SwiftPM builds it differently for `swift test`). Coverage flags as in `make test`, so switching
# between the two never recompiles the whole package.
E2E_BINARY := .build/debug/footfall
$(E2E_BINARY): Package.swift $(shell find Sources -type f)
	swift build --enable-code-coverage $(SWIFT_FLAGS)
	@touch $@

## Browser test of `footfall serve` (Tests/e2e/web_e2e.py): headless Chromium uploads a 6 s cut of the demo video
## through the page, plays the result, clicks a step mark, re-renders; screenshots in $(OUT)/e2e/.
e2e: e2e-setup $(E2E_BINARY)
	FOOTFALL_BIN=$(E2E_BINARY) /usr/bin/python3 Tests/e2e/web_e2e.py --shots $(OUT)/e2e

## Setup plus the browser test's Debian packages (chromium, chromium-driver, python3-selenium).
e2e-setup:
	@./scripts/setup.sh --e2e

## Adds a 30-minute clip to the corpus and measures the peak memory of renders of it (fails above 400 MB).
test-long: release
	@./scripts/make-corpus.sh --long
	python3 bench/memory_check.py --limit 400

coverage: test coverage-report

coverage-report:
	@./scripts/coverage.sh

lint:
	swift format lint --strict -r Sources Tests Package.swift

format:
	swift format -i -r Sources Tests Package.swift

## Installs footfall with its runtime library, models, web files and footstep recordings (with their licence
## texts): $(PREFIX)/bin/footfall, $(PREFIX)/share/footfall/.
install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/footfall/models $(PREFIX)/share/footfall/lib
	install -m 755 .build/release/footfall $(PREFIX)/bin/footfall
	install -m 644 .cache/models/*.tflite .cache/models/LICENSE.mediapipe $(PREFIX)/share/footfall/models/
	install -m 644 .cache/lib/libLiteRt.so $(PREFIX)/share/footfall/lib/
	install -d $(PREFIX)/share/footfall/web && cp -R Sources/FootfallWeb/Resources/. $(PREFIX)/share/footfall/web/
	install -d $(PREFIX)/share/footfall/recordings && cp -R .cache/recordings/. $(PREFIX)/share/footfall/recordings/
	@echo "[install] footfall installed in $(PREFIX)/bin (resources in $(PREFIX)/share/footfall)"

clean:
	rm -rf .build $(OUT)
