#!/usr/bin/env bash
# --version, --help, and commands given files that do not exist.
source "$(dirname "$0")/helpers.bash"

run_app --version
expect_status 0 "--version"
expect_in out "appraise " "--version names the program"
expect_in out "case formats: 1" "--version names the case formats"
if ! head -n 1 "$WORK/out" | grep -qE '^appraise [0-9]+\.[0-9]+\.[0-9]+$'; then
    fail "--version first line is not 'appraise X.Y.Z': $(head -n 1 "$WORK/out")"
fi

run_app --help
expect_status 0 "--help"
for cmd in play run check graph debrief replay; do
    expect_in out "  $cmd " "--help lists $cmd"
done

run_app run --help
expect_status 0 "run --help"
expect_in out "--inputs FILE" "run --help shows --inputs"
expect_in out "--policy" "run --help shows --policy"
expect_in out "--seed N" "run --help shows --seed"

run_app check --help
expect_status 0 "check --help"
expect_in out "appraise check" "check --help shows its usage"

# Commands that take files fail on a missing one before any window opens
# (a build without the window says it has none first: no_window.sh).
run_app --version
if grep -qx "window: yes" "$WORK/out"; then
    run_app play no-such-case.lua
    expect_status 1 "play with a missing case"
    expect_in err "no-such-case.lua" "play names the missing case"

    run_app replay x.jsonl
    expect_status 1 "replay with a missing log"
    expect_in err "x.jsonl" "replay names the missing log"
fi

run_app debrief no-such-log.jsonl
expect_status 1 "debrief with nothing readable"

finish
