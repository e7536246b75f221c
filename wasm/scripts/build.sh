#!/bin/sh
# Builds the npm package into wasm/pkg/, each .wasm optimised for gzip size with wasm-opt from the
# binaryen npm package and the JavaScript minified with terser:
#   pkg/web, pkg/node   everything (browsers: ES module; Node.js: CommonJS)
#   pkg/web-fields      validation and every encryptType, without envelopes (browsers)
#   pkg/web-slim        validation and SM3 only (browsers)
#
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli 0.2.130 and `npm install` in wasm/
# (test.sh installs all three). Options:
#   --update-types   copy the generated .d.ts files over the committed ones in wasm/types/
#   --check-types    fail when a generated .d.ts differs from the committed one
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

# Profiles of workspace members are ignored, so the settings for this package are set here.
# opt-level "s" rather than "z": on bench/bench.mjs (2 shared cores) "z" was about 25% slower,
# because it inlines almost nothing, for 4% less gzip size. MBASU_WASM_OPT_LEVEL=z selects it.
export CARGO_PROFILE_RELEASE_OPT_LEVEL="${MBASU_WASM_OPT_LEVEL:-s}"
export CARGO_PROFILE_RELEASE_LTO=true
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
export CARGO_PROFILE_RELEASE_PANIC=abort
# sha2 0.11's loop-based SHA-256 instead of the unrolled one: 7 KB less code, and speed does not
# matter for fields of a few dozen bytes.
rustflags='--cfg sha2_backend="soft" --cfg sha2_backend_soft="compact"'
# Panic locations name source files. Relative names instead of this checkout's and the cargo
# registry's absolute paths keep the build machine's paths out of the .wasm and save about
# 200 bytes after gzip. Paths of the standard library stay `/rustc/<commit>/...`: they come
# precompiled. A directory with a space in its name is left as it is, because cargo splits
# these flags at spaces.
for source in "$(cd .. && pwd)/" "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    case $source in
        *' '*) ;;
        *) rustflags="$rustflags --remap-path-prefix=$source=" ;;
    esac
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$rustflags"

# A target directory of its own: no lock contention with host builds of the workspace, and the
# slim build keeps its own artifacts instead of rebuilding the full one each time.
target_dir="$here/target"
wasm_opt="$here/node_modules/.bin/wasm-opt"
terser="$here/node_modules/.bin/terser"

build_wasm() {
    features=$1
    dir=$2
    cargo build --quiet --release --target wasm32-unknown-unknown --target-dir "$dir" $features
}

bindgen() {
    target=$1
    input=$2
    out=$3
    rm -rf "$out"
    wasm-bindgen --target "$target" --out-dir "$out" "$input"

    # rustc enables these WebAssembly features by default for wasm32-unknown-unknown; wasm-opt
    # must accept them, and enabling nothing beyond them keeps the output as portable.
    # -O3 rather than -Oz: its output is larger before compression but 150 to 300 bytes smaller
    # after gzip -9 (binaryen 132, every variant), and no slower on bench/bench.mjs.
    "$wasm_opt" -O3 --strip-debug --strip-producers \
        --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
        --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
        -o "$out/mbasu_wasm_bg.wasm" "$out/mbasu_wasm_bg.wasm"

    # Node.js reads .js files by the nearest package.json: the web glue and the snippets are ES
    # modules, the nodejs glue is CommonJS (it loads its snippets with require(esm), which
    # needs Node.js 20.19 or 22.12).
    if [ "$target" = nodejs ]; then
        echo '{ "type": "commonjs" }' > "$out/package.json"
    else
        echo '{ "type": "module" }' > "$out/package.json"
    fi
    echo '{ "type": "module" }' > "$out/snippets/package.json"

    # The documentation is in the .d.ts, so the shipped JavaScript is minified with terser:
    # about half of the glue's gzip size. Top-level names are mangled too, because the ES
    # modules and the CommonJS glue keep theirs private; exports and property names stay. The
    # `@ts-self-types` comment, which points Deno and TypeScript at the .d.ts, is kept.
    for file in "$out/mbasu_wasm.js" "$out"/snippets/*/js/*.js; do
        if [ "$target" = nodejs ] && [ "$file" = "$out/mbasu_wasm.js" ]; then
            scope=--toplevel
        else
            scope=--module
        fi
        "$terser" "$file" $scope --compress --mangle --comments '/@ts-self-types/' \
            --output "$file.tmp"
        mv "$file.tmp" "$file"
        node --check "$file"
    done

    # wasm-bindgen 0.2.130 declares every re-exported import as `let X: unknown` and ignores
    # skip_typescript on imported types; the class is declared in a typescript_custom_section.
    sed -i '/^export let MbasuError: unknown;$/d' "$out/mbasu_wasm.d.ts"
}

build_wasm "" "$target_dir"
build_wasm "--no-default-features --features full" "$target_dir/fields"
build_wasm "--no-default-features" "$target_dir/slim"

artifact=wasm32-unknown-unknown/release/mbasu_wasm.wasm
bindgen web "$target_dir/$artifact" pkg/web
bindgen nodejs "$target_dir/$artifact" pkg/node
bindgen web "$target_dir/fields/$artifact" pkg/web-fields
bindgen web "$target_dir/slim/$artifact" pkg/web-slim

status=0
for variant in web node web-fields web-slim; do
    generated="pkg/$variant/mbasu_wasm.d.ts"
    committed="types/$variant.d.ts"
    case "${1:-}" in
        --update-types)
            cp "$generated" "$committed"
            ;;
        --check-types)
            if ! diff -u "$committed" "$generated"; then
                echo "error: $generated differs from the committed $committed;" \
                    "run scripts/build.sh --update-types and commit the result" >&2
                status=1
            fi
            ;;
    esac
done
exit $status
