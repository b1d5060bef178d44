#!/usr/bin/env bash
# `appraise graph` usage errors exit 2; a case that does not load exits 1
# with the loader's FILE:LINE message and writes no DOT.
source "$(dirname "$0")/helpers.bash"

run_app graph
expect_status 2 "no case"
expect_in err "graph needs a case file" "no case: message"
expect_in err "Try 'appraise graph --help'" "no case: where to look"

run_app graph "$HERE/mini.lua" "$HERE/timed.lua"
expect_status 2 "two cases"
expect_in err "unexpected '$HERE/timed.lua'" "two cases: message"

run_app graph "$HERE/mini.lua" --colour
expect_status 2 "unknown option"
expect_in err "unknown option '--colour'" "unknown option: message"

run_app graph "$HERE/bad_syntax.lua"
expect_status 1 "case that does not load"
if ! grep -qE "^appraise: [^ ]*bad_syntax\.lua:3: missing comma at the end of line 3\?" "$WORK/err"; then
    fail "bad case: no 'appraise: FILE:LINE: message': $(cat "$WORK/err")"
fi
if [ -s "$WORK/out" ]; then fail "bad case wrote DOT"; fi

run_app graph "$TEST_DATA_DIR/cases/load_unknown_key.lua"
expect_status 1 "unknown key"
expect_in err "load_unknown_key.lua:4: at nodes.a.ending.sumary: unknown key 'sumary'" \
    "unknown key: the loader's message"

run_app graph "$WORK/no-such-case.lua"
expect_status 1 "missing case file"
expect_in err "no-such-case.lua" "missing file is named"

run_app graph --help
expect_status 0 "graph --help"
expect_in out "--variant NAME" "help shows --variant"
expect_in out "appraise graph CASE.lua | dot -Tsvg -o map.svg" "help shows how to render"
finish
