#!/usr/bin/env bash
# A copy of dist/ whose WebAssembly keeps its function names, for CPU profiles in
# Chromium (DevTools, or a trace with `disabled-by-default-v8.cpu_profiler`) that name
# Rust functions instead of `wasm-function[N]`. Run after `make build`; the code is the
# same build's, optimised as Trunk does (wasm-opt -Oz) but with names (-g). The pages'
# subresource integrity is removed (the files differ); the copy is for measuring only.
#   scripts/named-build.sh [OUT]   (default target/named-dist; serve it with
#   node tests/e2e/serve.mjs --root OUT --port 8096)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/named-dist}
wasm=target/wasm32-unknown-unknown/release/trade-trends.wasm
[ -f "$wasm" ] && [ -d dist ] || { echo "run make build first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --keep-debug --out-dir "$tmp" --out-name tt "$wasm"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals "$tmp/tt_bg.wasm" -o "$tmp/tt_opt.wasm"
rm -rf "$out"
cp -r dist "$out"
w=$(basename "$(ls "$out"/trade-trends-*_bg.wasm)")
j=$(basename "$(ls "$out"/trade-trends-*.js)")
cp "$tmp/tt_opt.wasm" "$out/$w"
sed "s/tt_bg.wasm/$w/g" "$tmp/tt.js" > "$out/$j"
for page in "$out"/*.html; do sed -i -E 's/ integrity="[^"]*"//g' "$page"; done
echo "$out: $(du -h "$out/$w" | cut -f1) of WebAssembly with names"
