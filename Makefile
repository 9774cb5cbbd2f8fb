# Trade Trends: `make run` serves the dashboard, `make test` runs every test.
# Both set up whatever is missing first (scripts/setup.sh).

SHELL := /bin/bash
PORT ?= 8080
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

DATASET := public/data/xinjiang.json
DATA_TABLES := data/meta.json data/sources.csv data/observations.csv data/exchange_rates.csv \
               data/exchange_rates_fed_monthly.csv data/events.csv data/claims.json
DATASET_ARGS := build --observations data/observations.csv --meta data/meta.json \
                --sources data/sources.csv \
                --rates data/exchange_rates.csv --rates data/exchange_rates_fed_monthly.csv \
                --events data/events.csv --claims data/claims.json --out $(DATASET)

.PHONY: design-shots audit-perf help setup dataset build run test test-native test-e2e lint clean shots bench bench-floor audit

help:
	@echo "make run    set up, build, serve the dashboard on http://127.0.0.1:$(PORT)/ (PORT= to change)"
	@echo "make test   set up, then native tests and end-to-end tests in headless Chromium"
	@echo "make build  release build into dist/ (static files)"
	@echo "make dataset  rebuild $(DATASET) from data/"
	@echo "make shots  screenshots of the built page into target/shots/"
	@echo "make bench  benchmark beside the JavaScript chart libraries (docs/performance.md)"
	@echo "make bench-floor  build bench/stack-floor, the benchmark's chart on the fixed stack alone"
	@echo "make audit  set up, build, Lighthouse accessibility audit of every state (reports in target/audit/)"
	@echo "make design-shots  the screenshots of docs/design.md, from the build"
	@echo "make audit-perf  Lighthouse performance on a simulated phone (reports in target/audit-perf/)"

setup:
	@scripts/setup.sh

# The JSON the app fetches, built from the published-figures tables.
$(DATASET): $(DATA_TABLES)
	cargo run --release --quiet --bin dataset -- $(DATASET_ARGS)

dataset: setup
	cargo run --release --quiet --bin dataset -- $(DATASET_ARGS)

build: setup $(DATASET)
	trunk build --release
	cargo run --release --quiet --bin prerender -- --dataset dist/data/xinjiang.json --config prerender.json --dist dist

run: build
	@echo "Trade Trends: http://127.0.0.1:$(PORT)/"
	node tests/e2e/serve.mjs --root dist --port $(PORT)

test: setup
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory build
	node scripts/size-check.mjs dist
	$(MAKE) --no-print-directory test-e2e

test-native:
	cargo fmt --all -- --check
	cargo test --quiet

test-e2e:
	npx playwright test -c tests/e2e/playwright.config.mjs

# Lighthouse accessibility audit of the built page, separate from `make test` (slow):
# fails unless every state scores 100. AUDIT_ARGS= passes options, e.g. --only full-page.
AUDIT_ARGS ?=
audit: setup build
	node scripts/audit.mjs --root dist $(AUDIT_ARGS)

# Lighthouse performance as a phone loads the page (mobile preset, gzip like a static host).
audit-perf: setup build
	node scripts/audit-perf.mjs --root dist $(AUDIT_ARGS)

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet

# Side by side with the JavaScript chart libraries (bench/harness, a copy of the shared
# harness): synthetic datasets of the harness's shapes in this project's format, one run.
BENCH_SIZES ?= 1e3,1e4,1e5,1e6
BENCH_RUNS ?= 5
BENCH_TARGETS ?= uplot,chartjs,echarts,plot,vegalite,floor-empty,floor-text,floor-fetch,floor-canvas,floor-canvas-m4,floor-svg-m4,floor-svg-m4-redraw,stack-floor,trade-trends,trade-trends-default

# bench/stack-floor: the harness's chart on the fixed stack alone (Leptos, plotters' SVG,
# serde_json, gloo-net) without the dashboard, as one more floor (docs/performance.md).
bench-floor: setup
	cd bench/stack-floor && CARGO_TARGET_DIR=$(CURDIR)/target/stack-floor trunk build --release
	node scripts/size-check.mjs bench/stack-floor/dist

bench: build bench-floor
	mkdir -p dist/bench
	for n in $$(echo $(BENCH_SIZES) | tr , ' '); do \
	  cargo run --release --quiet --bin dataset -- synth --points $$n --out dist/bench/n$$n.json || exit 1; \
	done
	cd bench/harness && npm ci --silent --no-audit --no-fund && node vendor.mjs && node gen-data.mjs --sizes $(BENCH_SIZES)
	cd bench/harness && node run.mjs --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --targets $(BENCH_TARGETS)
	node scripts/size-check.mjs dist
	@echo "tables: bench/harness/results/latest.md (copy the run into docs/performance.md)"

shots:
	mkdir -p target/shots
	node tests/e2e/shoot.mjs "http://127.0.0.1:$(PORT)/" target/shots

# The screenshots of docs/design.md, from the build (Chinese text needs a CJK font: Debian's
# fonts-noto-cjk, installed here if missing).
design-shots: setup build
	@fc-list :lang=zh | grep -q . || { $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y --no-install-recommends fonts-noto-cjk; }
	node scripts/design-shots.mjs --root dist --out docs/design

clean:
	rm -rf dist target/e2e-fixtures bench/stack-floor/dist
