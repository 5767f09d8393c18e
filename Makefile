# Kineret widget: two commands for a newcomer, `make serve` and `make test`.
# Every tool is installed here, idempotently, only when missing or at the
# wrong version: Debian (chromium, chromium-driver; for the engines suite
# firefox-esr, webkit2gtk-driver, xvfb), crates.io (wasm-bindgen-cli at
# Cargo.lock's version, geckodriver), npm (binaryen's wasm-opt, Playwright,
# axe-core, selenium-webdriver). Nothing downloads a prebuilt binary at build time.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

export PATH := $(HOME)/.cargo/bin:$(PATH)
WASM_TARGET := wasm32-unknown-unknown
GECKODRIVER_VERSION := 0.37.1
WB_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
NPM_BIN := $(CURDIR)/node_modules/.bin
PORT ?= 8080
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue
# --low-memory-unused: Rust never places data below 1 KiB (the stack sits under
# 1 MiB, data above), so wasm-opt may fold constant address offsets
# (measured -609 B gzip; docs/SIZE.md). --converge repeats -Oz until the
# module stops shrinking (-1.5 KB gzip on the widget).
WASM_OPT := -Oz --low-memory-unused --converge
# wasm-bindgen's JS glue, minified (property names, hence the wasm import
# names, are kept): -2.4 KB gzip. The same for the bench counter.
TERSER_FLAGS := --module --compress passes=2 --mangle
# The shipped wasm (make dist, and make bench's one-module and counter builds)
# is compiled by a pinned nightly that rebuilds std for size: panics abort at
# once (no message formatting or panic machinery linked), std's
# `optimize_for_size`. -17 to -21 KB gzip on every page (docs/SIZE.md, "std
# built for size"). Tests, clippy and `cargo test` stay on stable. Where
# tools-rust cannot install this toolchain, the build falls back to stable
# with a warning (same behaviour, bigger modules).
# -Csymbol-mangling-version=legacy: the names stable writes, which
# scripts/wasm-sizes.mjs and make bench's code per feature read (the shipped
# modules carry no names).
SHIP_TOOLCHAIN := nightly-2026-05-20
SHIP_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort -Csymbol-mangling-version=legacy
SHIP_STD := -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
# $(call ship_cargo,<subcommand>): cargo for a shipped wasm build (the
# nightly where it is installed with rust-src). The flags go in cargo's
# per-target variable, which a RUSTFLAGS in the environment would override:
# don't set one for make dist. The toolchain a build used is written to
# build/opt/toolchain.txt (make bench prints it); after installing the
# nightly later, `make clean` before `make dist`.
# SHIP_READY: a shell test, true where the nightly has rust-src.
SHIP_READY := rustup component list --toolchain $(SHIP_TOOLCHAIN) --installed 2>/dev/null | grep -q '^rust-src'
ship_cargo = $(if $(shell $(SHIP_READY) && echo yes),CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='$(SHIP_RUSTFLAGS)' cargo +$(SHIP_TOOLCHAIN) $(1) $(SHIP_STD),cargo $(1))
RUST_SRC := $(shell find src -name '*.rs' -o -name '*.css') $(wildcard www/styles/*.css) build.rs Cargo.toml Cargo.lock

.PHONY: rules api help tools tools-apt tools-rust tools-npm tools-engines dist serve test test-native test-wasm test-types test-e2e test-engines clippy bench clean

help:
	@echo "make serve   build and serve the app and embed demo on http://127.0.0.1:$(PORT)"
	@echo "make test    every test level: native, wasm (headless Chromium), end-to-end (Playwright), engines"
	@echo "make test-engines  wasm tests in Firefox ESR; core flows in Firefox ESR and WebKitGTK (WebDriver)"
	@echo "make bench   sizes and load times (a benchmark: never fails on its numbers)"
	@echo "make dist    production bundle in dist/"
	@echo "make rules   regenerate docs/RULES.md (the rule book) from the code"
	@echo "make api     record new public JS names in docs/api-snapshot.txt"

tools: tools-apt tools-rust tools-npm

tools-apt:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "==> installing Debian chromium and chromium-driver"; \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	fi

tools-rust:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)
	@if ! cargo install --list | grep -qx 'wasm_split_cli_support v$(SPLIT_CLI_VERSION):'; then \
	  echo "==> installing wasm-split-cli $(SPLIT_CLI_VERSION) (about 2 minutes)"; \
	  cargo install --locked wasm_split_cli_support --version $(SPLIT_CLI_VERSION) --features build-binary; \
	fi
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@if ! $(SHIP_READY); then \
	  echo "==> installing Rust $(SHIP_TOOLCHAIN) with rust-src, for the shipped wasm (about 1 minute)"; \
	  rustup toolchain install $(SHIP_TOOLCHAIN) --profile minimal --component rust-src \
	    || echo "WARNING: $(SHIP_TOOLCHAIN) could not be installed: the shipped wasm is built with stable Rust (about 17 KB gzip more per page)" >&2; \
	fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WB_VERSION)" ]; then \
	  echo "==> installing wasm-bindgen-cli $(WB_VERSION) (about 3 minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WB_VERSION); \
	fi

# Firefox ESR and WebKitGTK (Safari's engine: WebKitWebDriver drives the
# MiniBrowser of libwebkit2gtk-4.1-0, under a virtual display) from Debian;
# geckodriver from crates.io. Only for `make test-engines`.
tools-engines:
	@if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null \
	    || ! dpkg -L libwebkit2gtk-4.1-0 2>/dev/null | grep -q '/MiniBrowser$$'; then \
	  echo "==> installing Debian firefox-esr, webkit2gtk-driver and xvfb"; \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb; \
	fi
	@if [ "$$(geckodriver --version 2>/dev/null | head -n 1)" != "geckodriver $(GECKODRIVER_VERSION)" ]; then \
	  echo "==> installing geckodriver $(GECKODRIVER_VERSION) from crates.io (a few minutes)"; \
	  cargo install geckodriver --version $(GECKODRIVER_VERSION); \
	fi

tools-npm: node_modules/.installed
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# --- build -----------------------------------------------------------------
# Split per view (docs/SIZE.md): the `split` feature turns the loaders in
# src/shell/lazy.rs into split points; the link keeps its relocations
# (--emit-relocs, this crate's link only, so no dependency is rebuilt) for
# wasm-split-cli, which writes the main module, one module per view, the
# chunks views share, and the loader __wasm_split.js. wasm-bindgen then runs
# on the main module only (--keep-lld-exports: the chunks import its
# exports), and wasm-opt on every module. scripts/merge-chunks.mjs then
# merges the small shared chunks into fewer modules (none duplicated).
SPLIT_CLI_VERSION := 0.2.4
# RUSTC_EXTRA: extra rustc flags for size experiments only (e.g.
# `make dist RUSTC_EXTRA=-Cllvm-args=…`; docs/SIZE.md lists what was tried).
build/opt/kineret_widget_bg.wasm: $(RUST_SRC) scripts/merge-chunks.mjs scripts/packs.mjs | tools-rust tools-npm
	$(call ship_cargo,rustc) --release --lib --crate-type cdylib --target $(WASM_TARGET) --features split -- -Clink-args=--emit-relocs $(RUSTC_EXTRA)
	rm -rf build/split build/wb build/opt && mkdir -p build/opt
	@echo "$(call ship_cargo,rustc)" > build/opt/toolchain.txt
	wasm-split-cli --target web --out-name kineret_widget target/$(WASM_TARGET)/release/kineret_widget.wasm build/split
	wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle --out-dir build/wb build/split/kineret_widget.wasm
	cd build/split && ls *.wasm | grep -vx kineret_widget.wasm | xargs -P 2 -I{} \
	  $(NPM_BIN)/wasm-opt $(WASM_OPT) $(WASM_FEATURES) --strip-debug --strip-producers --strip-target-features {} -o ../opt/{}
	node scripts/merge-chunks.mjs build/split build/opt $(WASM_OPT) $(WASM_FEATURES) --strip-debug --strip-producers --strip-target-features
	$(NPM_BIN)/wasm-opt $(WASM_OPT) $(WASM_FEATURES) --strip-debug --strip-producers --strip-target-features build/wb/kineret_widget_bg.wasm -o $@
	$(NPM_BIN)/terser build/wb/kineret_widget.js $(TERSER_FLAGS) -o build/opt/kineret_widget.js
	$(NPM_BIN)/terser build/split/__wasm_split.js $(TERSER_FLAGS) -o build/opt/__wasm_split.js

# The rule book (docs/RULES.md) and docs/CLINICAL.md's fact table, generated
# from src/core/facts.rs and the code and tests citing each fact. A native
# test fails when they are stale (tests/rulebook.rs).
rules:
	UPDATE_RULES=1 cargo test --test rulebook -- rules_md_is_up_to_date clinical_md_fact_table_is_up_to_date

# The public JS contract (docs/api-snapshot.txt), read from the code: records
# new names; refuses a removed one without a breaking version (tests/api_contract.rs).
api:
	UPDATE_API=1 cargo test --test api_contract -- api_snapshot_only_loses_names_on_a_breaking_version

dist: rules build/opt/kineret_widget_bg.wasm $(wildcard www/* www/styles/* www/types/*) index.html README.md CHANGELOG.md LICENSE scripts/dist.mjs scripts/packs.mjs scripts/icons.mjs scripts/precache.mjs scripts/package-readme.mjs
	node scripts/dist.mjs

serve: tools dist
	node scripts/serve.mjs dist $(PORT)

# --- tests -------------------------------------------------------------------
# Every level runs even if an earlier one failed; the summary exits non-zero
# on any failure.
test: tools
	@mkdir -p build/test-logs && rm -rf build/test-logs/*.log build/hardening-report
	@status=0; \
	$(MAKE) --no-print-directory test-native 2>&1 | tee build/test-logs/native.log || status=1; \
	$(MAKE) --no-print-directory clippy 2>&1 | tee build/test-logs/clippy.log || status=1; \
	$(MAKE) --no-print-directory test-wasm 2>&1 | tee build/test-logs/wasm.log || status=1; \
	$(MAKE) --no-print-directory test-types 2>&1 | tee build/test-logs/types.log || status=1; \
	{ $(MAKE) --no-print-directory dist && $(MAKE) --no-print-directory test-e2e; } 2>&1 | tee build/test-logs/e2e.log || status=1; \
	$(MAKE) --no-print-directory test-engines 2>&1 | tee build/test-logs/engines.log || status=1; \
	node scripts/hardening-report.mjs || status=1; \
	node scripts/test-summary.mjs || status=1; \
	exit $$status

test-native:
	cargo test

# Lints, warnings denied, natively (with the tests) and for the browser
# (the shell is wasm32-only: the lib and every tests/browser*.rs; not
# --all-targets: the lib's unit tests use native-only crates). clippy.toml forbids the Yew and web-sys APIs
# that insert an HTML string (README, Trusted Types). Its paths carry
# `allow-invalid` for the native run, where yew and web-sys are not compiled;
# the wasm32 run drops it and enables the web-sys features those paths need
# (lint only, nothing shipped uses them), so a path that names nothing
# (clippy only warns, even under -D warnings) fails here.
CLIPPY_STRICT_FEATURES := web-sys/HtmlIFrameElement,web-sys/Range,web-sys/DocumentFragment,web-sys/DomParser,web-sys/SupportedType,web-sys/HtmlDocument
clippy: tools-rust
	cargo clippy --all-targets -- -D warnings
	@mkdir -p build/clippy-strict
	sed 's/, *allow-invalid = true//' clippy.toml > build/clippy-strict/clippy.toml
	@if grep -n 'allow-invalid *=' build/clippy-strict/clippy.toml; then echo "error: clippy.toml: write \`, allow-invalid = true\` at the end of an entry"; exit 1; fi
	CLIPPY_CONF_DIR=$(CURDIR)/build/clippy-strict cargo clippy --target $(WASM_TARGET) --lib $(patsubst tests/%.rs,--test %,$(wildcard tests/browser*.rs)) --features $(CLIPPY_STRICT_FEATURES) -- -D warnings 2>&1 | tee build/clippy-strict/wasm.log
	@if grep 'does not refer to' build/clippy-strict/wasm.log; then echo "error: a clippy.toml path names no item of yew/web-sys (renamed, or a missing CLIPPY_STRICT_FEATURES feature)"; exit 1; fi
	# The shipped build's split points (src/shell/lazy.rs, texts.rs, api.rs).
	CLIPPY_CONF_DIR=$(CURDIR)/build/clippy-strict cargo clippy --target $(WASM_TARGET) --lib --features split,$(CLIPPY_STRICT_FEATURES) -- -D warnings

# The package's TypeScript types (www/types/) as a consumer uses them, under
# --strict: tests/types/ok*.ts* must compile, and every `// @ts-expect-error`
# line of tests/types/errors*.ts* must be an error. One check per file of
# correct uses and per expected error.
TYPE_CHECKS = $$(( $$(ls tests/types/ok*.ts* | wc -l) + $$(cat tests/types/errors*.ts* | grep -c '^ *// @ts-expect-error') ))
test-types: tools-npm
	@if $(NPM_BIN)/tsc -p tests/types/tsconfig.json; then echo "types: $(TYPE_CHECKS) passed; 0 failed"; \
	else echo "types: 0 passed; $(TYPE_CHECKS) failed"; exit 1; fi

# browser_hardening runs with --nocapture: its `kw-hardening` lines (the
# shipped decoder's cases) reach build/test-logs/wasm.log for the README table.
test-wasm: tools-apt tools-rust
	status=0; export CHROMEDRIVER=$$(command -v chromedriver) WASM_BINDGEN_TEST_TIMEOUT=120; \
	cargo test --target $(WASM_TARGET) $(patsubst tests/%.rs,--test %,$(filter-out tests/browser_hardening.rs,$(wildcard tests/browser*.rs))) || status=1; \
	cargo test --target $(WASM_TARGET) --test browser_hardening -- --nocapture || status=1; \
	exit $$status

test-e2e: tools-apt tools-npm
	$(NPM_BIN)/playwright test --config tests/e2e/playwright.config.mjs

# The wasm-bindgen tests in headless Firefox ESR, then the core flows in
# Firefox ESR and WebKitGTK through WebDriver (tests/engines/run.mjs; the
# virtual display is for WebKitGTK's MiniBrowser).
test-engines: tools-engines tools-rust tools-npm dist
	xvfb-run -a -s '-screen 0 1280x1024x24' node tests/engines/run.mjs

# --- benchmark (figures, not pass/fail) -----------------------------------------
build/counter/opt/bench_counter_bg.wasm: bench/counter/src/lib.rs bench/counter/Cargo.toml | tools-rust tools-npm
	$(call ship_cargo,build) --release --lib --target $(WASM_TARGET) --manifest-path bench/counter/Cargo.toml --target-dir target
	rm -rf build/counter && mkdir -p build/counter/opt
	wasm-bindgen --target web --no-typescript --out-dir build/counter \
	  target/$(WASM_TARGET)/release/bench_counter.wasm
	$(NPM_BIN)/wasm-opt $(WASM_OPT) $(WASM_FEATURES) --strip-debug --strip-producers --strip-target-features \
	  build/counter/bench_counter_bg.wasm -o $@
	$(NPM_BIN)/terser build/counter/bench_counter.js $(TERSER_FLAGS) -o build/counter/opt/bench_counter.js

# Lighthouse lives in bench/package.json: installed here only, never by `make test`.
bench/node_modules/.installed: bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	@touch $@

# The same code as one module, no split points: make bench's "before the
# split" column (its own target dir, so the shipped build is not rebuilt).
build/unsplit/opt/kineret_widget_bg.wasm: $(RUST_SRC) | tools-rust tools-npm
	$(call ship_cargo,build) --release --lib --target $(WASM_TARGET) --target-dir target/unsplit
	rm -rf build/unsplit && mkdir -p build/unsplit/opt
	wasm-bindgen --target web --no-typescript --out-dir build/unsplit/wb target/unsplit/$(WASM_TARGET)/release/kineret_widget.wasm
	$(NPM_BIN)/wasm-opt $(WASM_OPT) $(WASM_FEATURES) --strip-debug --strip-producers --strip-target-features build/unsplit/wb/kineret_widget_bg.wasm -o $@
	$(NPM_BIN)/terser build/unsplit/wb/kineret_widget.js $(TERSER_FLAGS) -o build/unsplit/opt/kineret_widget.js

bench: tools dist build/counter/opt/bench_counter_bg.wasm build/unsplit/opt/kineret_widget_bg.wasm bench/node_modules/.installed
	KW_UNSPLIT=1 node scripts/dist.mjs
	node scripts/bench.mjs
	CHROME_PATH=/usr/bin/chromium node scripts/lighthouse.mjs

clean:
	rm -rf build dist target/$(WASM_TARGET)/release/kineret_widget.wasm
