#!/usr/bin/env bash
# Tests the C ABI end to end on a Debian machine with Rust, Java, Python and apt:
#   1. installs what is missing (gcc, valgrind, cmake, pkg-config, Maven, JDK, cbindgen 0.29.4);
#   2. clippy and the Rust tests of mbasu-capi (status enum and header checks included);
#   3. regenerates include/mbasu.h and fails on any difference from the committed one, and
#      compiles it as C99 and C++11;
#   4. builds libmbasu.a, libmbasu.so and mbasu.pc (build.sh), and checks that the shared
#      library exports exactly the functions the header declares;
#   5. the C suite under ASan and UBSan against libmbasu.so, then a second binary without
#      sanitizers, linked against libmbasu.a, under Valgrind;
#   6. the CMake example and the Java (JNA) smoke test.
# Exits non-zero on the first failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
build="$repo/tests/c/build"
out="$repo/target/mbasu-c"
cbindgen_version="0.29.4"
cbindgen="${CARGO_HOME:-$HOME/.cargo}/bin/cbindgen"

step() { printf '\n== %s\n' "$*"; }

step "prerequisites"
missing=()
command -v gcc >/dev/null || missing+=(gcc)
command -v valgrind >/dev/null || missing+=(valgrind)
command -v cmake >/dev/null || missing+=(cmake)
command -v pkg-config >/dev/null || missing+=(pkg-config)
command -v mvn >/dev/null || missing+=(maven)
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
if ! "$cbindgen" --version 2>/dev/null | grep -qx "cbindgen $cbindgen_version"; then
    cargo install cbindgen --version "$cbindgen_version" --locked
fi

step "clippy and Rust tests"
cargo clippy --locked -p mbasu-capi --all-targets -- -D warnings
cargo test --locked -p mbasu-capi

step "include/mbasu.h is up to date"
fresh="$(mktemp)"
trap 'rm -f "$fresh" "$fresh.c"' EXIT
"$cbindgen" --quiet --config bindings/c/cbindgen.toml --crate mbasu-capi --output "$fresh" bindings/c
if ! diff -u include/mbasu.h "$fresh"; then
    echo "include/mbasu.h differs from what cbindgen $cbindgen_version generates: run bindings/c/build.sh --header and commit it" >&2
    exit 1
fi

step "the header compiles as C99 and C++11"
printf '#include "mbasu.h"\nint main(void) { return mbasu_version() == 0; }\n' >"$fresh.c"
gcc -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude -fsyntax-only "$fresh.c"
g++ -x c++ -std=c++11 -Wall -Wextra -Werror -pedantic -Iinclude -fsyntax-only "$fresh.c"

step "libmbasu.a, libmbasu.so, mbasu.pc"
bash bindings/c/build.sh
exported="$(nm -D --defined-only "$out/lib/libmbasu.so" | awk '{print $3}' | sort)"
declared="$(grep -oE '\bmbasu_[a-z0-9_]+\(' include/mbasu.h | tr -d '(' | sort -u)"
if [[ "$exported" != "$declared" ]]; then
    echo "libmbasu.so exports differ from the functions mbasu.h declares:" >&2
    diff <(echo "$exported") <(echo "$declared") >&2 || true
    exit 1
fi

step "C suite with ASan and UBSan (libmbasu.so)"
mkdir -p "$build"
python3 tests/c/gen_vectors.py tests/vectors "$build/vectors.h"
cflags=(-std=c11 -Wall -Wextra -Werror -g -O1 -Iinclude -I"$build")
gcc "${cflags[@]}" -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer \
    tests/c/test_mbasu.c -L"$out/lib" -lmbasu -Wl,-rpath,"$out/lib" -lpthread -o "$build/test_mbasu_asan"
# The one expected panic (mbasu_test_panic) prints a message; backtraces would only add noise.
RUST_BACKTRACE=0 ASAN_OPTIONS=detect_leaks=1 "$build/test_mbasu_asan"

step "C suite under Valgrind (libmbasu.a)"
native_libs="$(sed -n 's/^Libs.private: //p' "$out/lib/pkgconfig/mbasu.pc")"
# shellcheck disable=SC2086 # native_libs is a list of linker flags
gcc "${cflags[@]}" tests/c/test_mbasu.c "$out/lib/libmbasu.a" $native_libs -o "$build/test_mbasu_static"
RUST_BACKTRACE=0 valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    "$build/test_mbasu_static"

step "CMake example"
rm -rf "$build/example"
PKG_CONFIG_PATH="$out/lib/pkgconfig" cmake -S examples/c -B "$build/example" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build/example" >/dev/null
"$build/example/mbasu_example"

step "Java smoke test (JNA)"
mvn -q -B -f tests/c/java-smoke/pom.xml dependency:build-classpath -Dmdep.outputFile="$build/java-classpath.txt"
rm -rf "$build/java-classes"
javac -encoding UTF-8 -d "$build/java-classes" -cp "$(cat "$build/java-classpath.txt")" \
    tests/c/java-smoke/src/main/java/mbasu/smoke/SmokeTest.java
RUST_BACKTRACE=0 java -Djna.library.path="$out/lib" -cp "$build/java-classes:$(cat "$build/java-classpath.txt")" \
    mbasu.smoke.SmokeTest tests/vectors/encrypt.json

step "all C ABI tests passed"
