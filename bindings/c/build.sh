#!/usr/bin/env bash
# Builds the C library in one step: libmbasu.a, libmbasu.so and mbasu.pc in target/mbasu-c/lib,
# with mbasu.h in target/mbasu-c/include, all from a release build of the mbasu-capi crate.
#
#   bindings/c/build.sh                 build into target/mbasu-c
#   bindings/c/build.sh --header        also regenerate include/mbasu.h with cbindgen 0.29.4
#   PREFIX=/usr/local bindings/c/build.sh
#                                       write that prefix into mbasu.pc (files stay in target/)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

cbindgen_version="0.29.4"
out="${MBASU_C_OUT:-$repo/target/mbasu-c}"
prefix="${PREFIX:-$out}"

if [[ "${1:-}" == "--header" ]]; then
    cbindgen="${CBINDGEN:-${CARGO_HOME:-$HOME/.cargo}/bin/cbindgen}"
    if ! "$cbindgen" --version 2>/dev/null | grep -qx "cbindgen $cbindgen_version"; then
        echo "cbindgen $cbindgen_version is required: cargo install cbindgen --version $cbindgen_version --locked" >&2
        exit 1
    fi
    "$cbindgen" --quiet --config bindings/c/cbindgen.toml --crate mbasu-capi \
        --output include/mbasu.h bindings/c
fi

# `cargo rustc` builds the same artifacts as `cargo build --lib` and also prints the system
# libraries a Rust static library needs on this target, for Libs.private in mbasu.pc.
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
if ! cargo rustc --release --locked -p mbasu-capi --lib -- --print native-static-libs >"$build_log" 2>&1; then
    cat "$build_log" >&2
    exit 1
fi
native_libs="$(sed -n 's/.*native-static-libs: //p' "$build_log" | tail -n 1)"

version="$(cargo metadata --format-version 1 --no-deps --locked \
    | python3 -c 'import json, sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "mbasu-capi"))')"
major="${version%%.*}"
minor="${version#*.}"; minor="${minor%%.*}"
if [[ "$major" == "0" ]]; then abi="$major.$minor"; else abi="$major"; fi

target_dir="$(cargo metadata --format-version 1 --no-deps --locked | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
release="$target_dir/release"

mkdir -p "$out/lib/pkgconfig" "$out/include"
cp "$release/libmbasu_capi.a" "$out/lib/libmbasu.a"
cp "$release/libmbasu_capi.so" "$out/lib/libmbasu.so.$version"
ln -sf "libmbasu.so.$version" "$out/lib/libmbasu.so.$abi"
ln -sf "libmbasu.so.$abi" "$out/lib/libmbasu.so"
cp include/mbasu.h "$out/include/mbasu.h"

cat > "$out/lib/pkgconfig/mbasu.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: mbasu
Description: Validation, field encryption and envelopes for the MBASU001/MBASU010/MBASU004 mobile verification interfaces
Version: $version
Cflags: -I\${includedir}
Libs: -L\${libdir} -lmbasu
Libs.private: $native_libs
PC

echo "built $out/lib/libmbasu.a, $out/lib/libmbasu.so.$version, $out/lib/pkgconfig/mbasu.pc"
