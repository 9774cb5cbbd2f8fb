#!/usr/bin/env bash
# Installs whatever this project needs and is missing; quick when everything is present.
# Called by `make run`, `make build` and `make test`. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
say() { printf 'setup: %s\n' "$*"; }

# 0. Tools this script cannot install itself.
for tool in cargo rustup node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "setup: '$tool' is not installed; install Rust (rustup) and Node.js 20 first" >&2
    exit 1
  fi
done
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^${component}"; then
    say "adding the ${component} component"
    rustup component add "${component}"
  fi
done

# 1. The WebAssembly target of the Rust toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, at the version this rustc can build.
if ! trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}\$"; then
  say "installing trunk ${TRUNK_VERSION}"
  cargo install --locked trunk --version "${TRUNK_VERSION}"
fi

# 3. wasm-bindgen-cli, exactly the version of the wasm-bindgen crate in Cargo.lock
#    (without --locked: one of its locked dependencies is not served here).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "${WASM_BINDGEN_VERSION}" ]; then
  echo "setup: cannot find the wasm-bindgen version in Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION}"
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
fi

# 4. npm packages from the committed lockfile: binaryen (wasm-opt for Trunk) and Playwright.
if ! cmp -s package-lock.json node_modules/.setup-stamp 2>/dev/null; then
  say "installing npm packages (npm ci)"
  npm ci --ignore-scripts --no-audit --no-fund
  cp package-lock.json node_modules/.setup-stamp
fi

# 5. Debian's Chromium and ChromeDriver for the browser tests (never a downloaded browser).
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing Debian's chromium and chromium-driver"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
