#!/usr/bin/env bash
# Runs the fuzz targets (nightly toolchain + cargo-fuzz), each for SECONDS (default 600).
# New inputs go to target/fuzz-corpus/; the committed seeds in fuzz/corpus/ are read only.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-600}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in ${TARGETS:-dataset urlstate embed_message}; do
  mkdir -p "target/fuzz-corpus/$target"
  cargo +nightly fuzz run "$target" "target/fuzz-corpus/$target" "fuzz/corpus/$target" -- \
    -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10
done
