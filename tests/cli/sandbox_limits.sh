#!/usr/bin/env bash
# Case code that makes a library function work without end (or for hours),
# or that sets a finalizer, stops within seconds with FILE:LINE and exit 1,
# in run and in check. Every command runs under `timeout`, so that a
# regression fails this test instead of hanging it.
source "$(dirname "$0")/helpers.bash"
CASES="$TEST_DATA_DIR/cases"

run_bounded() {
    set +e
    timeout 60 "$APPRAISE" "$@" >"$WORK/out" 2>"$WORK/err"
    status=$?
    set -e
}

# variant:line in sandbox_play_cpu.lua
attacks="rep_huge:7 rep_1e9:8 move:9 find_scan:10 backtrack:11 lazy:12 gc:23"

for attack in $attacks; do
    variant=${attack%%:*}
    line=${attack##*:}
    run_bounded run "$CASES/sandbox_play_cpu.lua" --variant "$variant" --policy best \
        --log-dir "$WORK/logs"
    expect_status 1 "run, $variant"
    expect_in err "sandbox_play_cpu.lua:$line: " "run, $variant: the line"
done

run_bounded check "$CASES/sandbox_play_cpu.lua"
expect_status 1 "check"
for attack in $attacks; do
    expect_in out "sandbox_play_cpu.lua:${attack##*:}: error: " "check, ${attack%%:*}"
done

# A finalizer set while the file loads: refused at its line (it used to hang
# when the state was closed, after the session had ended).
run_bounded run "$CASES/sandbox_gc.lua" --policy best --log-dir "$WORK/logs"
expect_status 1 "run, __gc"
expect_in err "sandbox_gc.lua:2: setmetatable: a case may not set a finalizer" "run, __gc"
run_bounded check "$CASES/sandbox_gc.lua"
expect_status 1 "check, __gc"
expect_in out "sandbox_gc.lua:2: " "check, __gc"
finish
