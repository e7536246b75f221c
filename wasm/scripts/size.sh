#!/bin/sh
# Prints the gzip -9 size of each built variant in wasm/pkg/: the .wasm after wasm-opt plus
# its JavaScript glue (the generated module and the snippets it imports), against the sizes of
# the JavaScript libraries a front end would otherwise load.
#
# Exits non-zero when a variant is over its reference size only if MBASU_WASM_SIZE_STRICT=1.
set -eu

cd "$(dirname "$0")/.."

# validator.js 13.15.35 validator.min.js plus sm-crypto 0.5.8 dist/sm3.js, gzip -9.
reference_full=36746
# What a bundler keeps of validator.js (isIdentityCard, isMobilePhone) and sm-crypto (sm3)
# after tree-shaking, minified, gzip -9.
reference_slim=7386

gzip_size() {
    cat "$@" | gzip -9 | wc -c | tr -d ' '
}

status=0
printf '%-12s %10s %10s %10s %10s\n' variant wasm glue total reference
for variant in web web-fields web-slim node; do
    dir="pkg/$variant"
    wasm=$(gzip_size "$dir/mbasu_wasm_bg.wasm")
    glue=$(gzip_size "$dir/mbasu_wasm.js" "$dir"/snippets/*/js/*.js)
    total=$((wasm + glue))
    case "$variant" in
        web-slim) reference=$reference_slim ;;
        *) reference=$reference_full ;;
    esac
    verdict=""
    if [ "$total" -ge "$reference" ]; then
        verdict="  over by $((total - reference))"
        if [ "${MBASU_WASM_SIZE_STRICT:-0}" = 1 ]; then
            status=1
        fi
    fi
    printf '%-12s %10s %10s %10s %10s%s\n' "$variant" "$wasm" "$glue" "$total" "$reference" "$verdict"
done
exit $status
