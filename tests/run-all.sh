#!/usr/bin/env bash
# Runs every test suite of the project: the Rust crate and CLI, then each binding's own script.
# Installs what is missing on a fresh Debian machine with Rust, Java, Maven, Node.js and Python.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Rust: format, lints and tests"
cargo fmt --all -- --check
cargo clippy -p mbasu --all-targets --locked -- -D warnings
cargo test --workspace --locked

# The workspace tests use the RustCrypto digests. The WebAssembly package uses the core's
# loop-based ones instead, so the core's tests and vectors run once more with them.
step "Rust: core tests with the compact-digests feature"
cargo clippy -p mbasu --all-targets --locked --features compact-digests -- -D warnings
cargo test -p mbasu --locked --features compact-digests

step "Fuzz targets: response parsing, request parsing, conformance checker"
FUZZ_SECONDS="${FUZZ_SECONDS:-20}" bash tests/fuzz/run.sh

# Each binding's suite; the list grows as bindings land.
for script in bindings/c/test.sh bindings/java/test.sh wasm/test.sh; do
  step "$script"
  bash "$script"
done
