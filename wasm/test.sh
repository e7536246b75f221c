#!/bin/sh
# Builds and tests the WebAssembly package on a Debian machine with Rust and Node.js:
# installs what is missing (wasm32 target, wasm-bindgen-cli 0.2.130, npm packages, Chromium),
# builds every variant, fails when a generated .d.ts differs from the committed one, runs
# clippy, the Node tests and the browser test, and prints the package sizes.
#
# Usage: sh wasm/test.sh        (from anywhere; about 5 minutes on 2 cores from clean)
set -eu

cd "$(dirname "$0")"

step() {
    printf '\n== %s\n' "$*"
}

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    else
        sudo "$@"
    fi
}

step "toolchain"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen 0.2.130" ]; then
    # The CLI must match the wasm-bindgen crate version exactly. Not --locked: its lock file
    # pins webpki-roots 1.0.11, which the registry mirror here does not have.
    cargo install wasm-bindgen-cli --version 0.2.130
fi
node -e '
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node.js ${process.version} is too old: the nodejs build needs require(esm), Node.js 20.19 or newer`);
  process.exit(1);
}'

step "npm packages"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --no-audit --no-fund
fi

step "Chromium"
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/chromedriver ] || missing="$missing chromium-driver"
# Chinese glyphs in the screenshots; the test passes without them.
fc-list ':lang=zh' 2>/dev/null | grep -q . || missing="$missing fonts-wqy-zenhei"
if [ -n "$missing" ]; then
    as_root apt-get update
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
fi

step "build and check the committed TypeScript types"
sh scripts/build.sh --check-types

step "clippy"
for features in "" "--no-default-features"; do
    # shellcheck disable=SC2086
    cargo clippy --quiet --release --target wasm32-unknown-unknown --target-dir target/clippy \
        -p mbasu-wasm $features -- -D warnings
done

step "Node tests"
node --test tests/*.test.mjs

step "browser test"
node --test tests/browser/*.test.mjs

step "size (gzip -9)"
sh scripts/size.sh
