#!/usr/bin/env bash
# Tests the Java binding: builds libmbasu_jni.so in release mode, runs the glue's Rust unit
# tests and the JUnit 5 suite through Maven Surefire, packs the jar with the library inside,
# and runs examples/java against that jar. Installs a JDK and Maven with apt-get when missing.
# Exits non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

missing=()
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
if ((${#missing[@]} > 0)); then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo not found: install the Rust toolchain first" >&2
    exit 1
fi

cd "$root"
cargo test -p mbasu-jni --quiet
cargo build --release -p mbasu-jni
native_dir="${CARGO_TARGET_DIR:-$root/target}/release"

# verify = compile for Java 8, run the tests, and pack the jar with the native library.
mvn -B -ntp -f "$here/pom.xml" -Dmbasu.skipCargo=true -Dmbasu.native.dir="$native_dir" verify

jar="$here/target/mbasu-0.1.0.jar"
example_classes="$(mktemp -d)"
trap 'rm -rf "$example_classes"' EXIT
javac --release 8 -encoding UTF-8 -d "$example_classes" -cp "$jar" "$root/examples/java/Mbasu001Example.java"
output="$(java -cp "$jar:$example_classes" Mbasu001Example)"
echo "$output"
if ! grep -q '^0 PASS ' <<<"$output"; then
    echo "examples/java/Mbasu001Example did not read the sample response as a pass" >&2
    exit 1
fi
echo "Java binding: tests and example passed"
