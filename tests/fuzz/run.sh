#!/usr/bin/env bash
# Runs each fuzz target for a bounded time (FUZZ_SECONDS, default 20) from the seed corpus.
# Needs the nightly toolchain and cargo-fuzz; installs both when missing.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${FUZZ_SECONDS:-20}"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

for target in parse_response parse_request check_response; do
  corpus="$(mktemp -d)"
  cp seeds/* "$corpus"/
  echo "fuzzing $target for ${seconds}s"
  cargo +nightly fuzz run --fuzz-dir . "$target" "$corpus" -- -max_total_time="$seconds" -rss_limit_mb=2048
  rm -rf "$corpus"
done
