#!/usr/bin/env bash
# `appraise graph` on every case the tests and the library hold: a case that
# loads gives DOT that Graphviz `dot` renders with nothing on stderr (not a
# warning); a case that does not load exits 1 with "appraise: FILE[:LINE]: "
# and writes no DOT. Every bundled case and guide example must draw.
source "$(dirname "$0")/helpers.bash"

if ! command -v dot >/dev/null; then
    fail "Graphviz 'dot' is not installed (setup.sh installs the graphviz package)"
    finish
fi

drawn=0
must_draw=0
# Every .lua under tests/ (fixtures of every kind, helpers that are not
# cases), then the library and the guide's examples.
# crash_slow.lua is left out: each of its nodes burns CPU on purpose (for
# test_crash), so walking all of its states takes most of a minute.
mapfile -t fixtures < <(find "$TEST_DATA_DIR" -name '*.lua' ! -name crash_slow.lua | LC_ALL=C sort)
for f in "${fixtures[@]}" "$SCENARIOS_DIR"/*.lua "$SCENARIOS_DIR"/examples/*.lua; do
    [ -e "$f" ] || continue
    case "$f" in "$SCENARIOS_DIR"/*) must_draw=$((must_draw + 1)) ;; esac
    run_app graph "$f"
    if [ "$status" -eq 0 ]; then
        if ! dot -Tsvg "$WORK/out" >"$WORK/svg" 2>"$WORK/dot_err"; then
            fail "$f: dot failed: $(cat "$WORK/dot_err")"
        elif [ -s "$WORK/dot_err" ]; then
            fail "$f: dot warned: $(cat "$WORK/dot_err")"
        elif ! grep -q '<svg' "$WORK/svg"; then
            fail "$f: dot made no SVG"
        fi
        drawn=$((drawn + 1))
        case "$f" in "$SCENARIOS_DIR"/*) must_draw=$((must_draw - 1)) ;; esac
    elif [ "$status" -eq 1 ]; then
        if ! grep -qE '^appraise: [^ ]+\.lua(:[0-9]+)?: ' "$WORK/err"; then
            fail "$f: exit 1 without 'appraise: FILE:LINE: message': $(cat "$WORK/err")"
        fi
        if [ -s "$WORK/out" ]; then
            fail "$f: a case that does not load still wrote DOT"
        fi
    else
        fail "$f: exit $status: $(cat "$WORK/err")"
    fi
done

if [ "$must_draw" -ne 0 ]; then
    fail "$must_draw bundled case(s) or guide example(s) did not draw"
fi
if [ "${#fixtures[@]}" -lt 50 ] || [ "$drawn" -lt 30 ]; then
    fail "only $drawn of ${#fixtures[@]} fixtures and the library drew; expected many more"
fi
finish
