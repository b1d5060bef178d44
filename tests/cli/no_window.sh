#!/usr/bin/env bash
# A build with -DAPPRAISE_WINDOW=OFF (for faculty servers and CI images)
# links no SDL, and its window commands say that it has no window (exit 3,
# as for a machine with no display) before anything is loaded or logged; the
# window-less commands (run, check, graph, debrief, replay --verify) work as
# in any build. A build with the window says so
# in --version and links SDL, which shows that the checks below can fail.
source "$(dirname "$0")/helpers.bash"
CASE="$HERE/mini.lua"

run_app --version
expect_status 0 "--version"
window=$(sed -n 's/^window: //p' "$WORK/out")

# The symbols and libraries the program links, kept in files: a sanitizer
# build must not see a pipe closed early.
nm "$APPRAISE" >"$WORK/nm" 2>/dev/null || true
ldd "$APPRAISE" >"$WORK/ldd" 2>/dev/null || true
sdl_symbols=$(grep -c ' SDL_\| TTF_' "$WORK/nm" || true)
sdl_libraries=$(grep -ci 'libSDL2' "$WORK/ldd" || true)

case "$window" in
yes)
    [ "$sdl_symbols" -gt 0 ] || fail "a build with the window has no SDL symbol (nm cannot see them?)"
    [ "$sdl_libraries" -gt 0 ] || fail "a build with the window links no libSDL2 (ldd cannot see it?)"
    run_app --help
    expect_not_in out "This build has no window" "--help of a build with the window"
    ;;
"no (built with -DAPPRAISE_WINDOW=OFF)")
    [ "$sdl_symbols" -eq 0 ] || fail "a build without the window has $sdl_symbols SDL symbols"
    [ "$sdl_libraries" -eq 0 ] || fail "a build without the window links SDL: $(cat "$WORK/ldd")"

    no_window() { # no_window WHAT NAMED ARGS...
        local what=$1 named=$2
        shift 2
        run_app "$@"
        expect_status 3 "$what"
        expect_in err "appraise: $named needs a window, and this build has none" "$what: said"
        expect_in err "-DAPPRAISE_WINDOW=OFF" "$what: says how it was built"
    }
    no_window "play" "play" play "$CASE" --trainee t --log-dir "$WORK/logs"
    expect_in err "'appraise run CASE.lua --inputs FILE'" "play: what works instead"
    no_window "play of a missing case" "play" play "$WORK/none.lua"
    no_window "replay" "replay" replay "$WORK/x.jsonl"
    expect_in err "'appraise replay LOG --verify'" "replay: what works instead"
    no_window "the case library" "the case library" --log-dir "$WORK/logs"

    # Usage mistakes are still usage mistakes.
    run_app play "$CASE" --theme neon
    expect_status 2 "play with an unknown theme"
    run_app play --help
    expect_status 0 "play --help"

    run_app --help
    expect_in out "This build has no window" "--help says the window is not here"

    # What a faculty server needs.
    run_app run "$CASE" --policy best --log-dir "$WORK/logs"
    expect_status 0 "run"
    run_app check "$CASE"
    expect_status 0 "check"
    run_app graph "$CASE"
    expect_status 0 "graph"
    run_app debrief "$WORK/logs"
    expect_status 0 "debrief"
    run_app replay "$(find "$WORK/logs" -name '*.jsonl' | head -n 1)" --verify
    expect_status 0 "replay --verify"
    expect_in out "identical" "replay --verify"
    if [ -n "$(find "$WORK" -name '*.jsonl' -newer "$WORK/nm" ! -path "$WORK/logs/*" 2>/dev/null)" ]; then
        fail "a window command left a log"
    fi
    ;;
*)
    fail "--version does not say whether this build has a window: $(cat "$WORK/out")"
    ;;
esac
finish
