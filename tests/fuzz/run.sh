#!/usr/bin/env bash
# Fuzzes each libFuzzer harness of tests/fuzz for SECONDS (default 60), under
# AddressSanitizer and UndefinedBehaviorSanitizer, from its seed corpus and
# regression inputs, with its dictionary.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     targets: case inputs debrief srcmap
#
# Builds build-fuzz/ with clang (-DAPPRAISE_FUZZ=ON) first; needs Debian's
# clang and libclang-rt-14-dev (./setup.sh fuzz installs them). What the
# fuzzer learns goes to build-fuzz/fuzz/corpus/TARGET (kept between runs, not
# committed), a crashing input to build-fuzz/fuzz/crashes/TARGET/. Prints a
# line of figures per target; exits 1 when a harness crashed, ran out of
# time or memory, and names the input that did it.
set -euo pipefail

cd "$(dirname "$0")/../.."

SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
if [ "${#TARGETS[@]}" -eq 0 ]; then
    TARGETS=(case inputs debrief srcmap)
fi
BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
HERE=tests/fuzz

say() { printf 'fuzz: %s\n' "$*" >&2; }

if ! command -v clang >/dev/null; then
    say "clang is needed (Debian: clang libclang-rt-14-dev; ./setup.sh fuzz installs them)"
    exit 3
fi
if ! ls "$(clang -print-resource-dir)"/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1; then
    say "clang's libFuzzer is missing (Debian: libclang-rt-14-dev; ./setup.sh fuzz installs it)"
    exit 3
fi

cmake -S . -B "$BUILD" -DCMAKE_C_COMPILER=clang -DAPPRAISE_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j2 --target fuzz >/dev/null

# Leftovers of a harness that crashed stay in here, not in /tmp.
export TMPDIR="$PWD/$BUILD/fuzz/tmp"
mkdir -p "$TMPDIR"

failed=0
for t in "${TARGETS[@]}"; do
    if [ ! -x "$BUILD/tests/fuzz/fuzz_$t" ]; then
        say "no harness called '$t' (expected one of: case inputs debrief srcmap)"
        exit 2
    fi
    work="$BUILD/fuzz/corpus/$t"
    crashes="$BUILD/fuzz/crashes/$t"
    log="$BUILD/fuzz/$t.log"
    mkdir -p "$work" "$crashes"
    seeds=("$HERE/corpus/$t")
    # The source map scans case files: the case corpus seeds it too.
    [ "$t" = srcmap ] && seeds+=("$HERE/corpus/case")
    seeds+=("$HERE/regressions/$t")
    dict=()
    [ -f "$HERE/dict/$t.dict" ] && dict=(-dict="$HERE/dict/$t.dict")
    set +e
    "$BUILD/tests/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=20 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" \
        "${dict[@]}" "$work" "${seeds[@]}" >"$log" 2>&1
    status=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    corpus=$(sed -n 's/.*corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' "$log" | tail -n 1)
    cov=$(sed -n 's/.* cov: \([0-9]*\) .*/\1/p' "$log" | tail -n 1)
    echo "fuzz $t: ${runs:-?} runs in ${SECONDS_EACH}s, corpus ${corpus:-?} (inputs/bytes), coverage ${cov:-?} edges, exit $status"
    if [ "$status" -ne 0 ]; then
        failed=1
        say "$t: the harness failed; its report is in $log:"
        grep -E 'ERROR|SUMMARY|runtime error|Test unit written|deadly|timeout|out-of-memory' "$log" | head -n 20 >&2 || true
        say "reproduce with: $BUILD/tests/fuzz/fuzz_$t FILE; keep the input as a regression in $HERE/regressions/$t/"
    fi
done
exit "$failed"
