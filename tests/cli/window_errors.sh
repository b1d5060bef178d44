#!/usr/bin/env bash
# The window's commands fail before any window opens or any log exists when
# the command line, the case or the log folder is wrong; with no display
# they fail as an environment error, still without a log.
source "$(dirname "$0")/helpers.bash"
CASE="$TEST_DATA_DIR/cases/window_case.lua"
LOGS="$WORK/logs"
# No display at all: SDL's dummy driver is not used by the window.
unset DISPLAY WAYLAND_DISPLAY
export SDL_VIDEODRIVER=x11

no_log() {
    if [ -n "$(find "$WORK" -name '*.jsonl' 2>/dev/null)" ]; then
        fail "$1: a log was written"
    fi
}

run_app play "$CASE" --trainee t --theme neon --log-dir "$LOGS"
expect_status 2 "unknown theme"
expect_in err "unknown theme 'neon'" "unknown theme is named"

for scale in 50 250 big; do
    run_app play "$CASE" --trainee t --scale "$scale" --log-dir "$LOGS"
    expect_status 2 "--scale $scale"
    expect_in err "--scale takes a text size in percent from 75 to 200" "--scale $scale"
done

run_app play "$CASE" --trainee t --seed -1 --log-dir "$LOGS"
expect_status 2 "negative seed"

run_app play "$CASE" --trainee "" --log-dir "$LOGS"
expect_status 2 "empty trainee"

run_app play "$CASE" --variant nope --log-dir "$LOGS"
expect_status 2 "unknown variant"
expect_in err "unknown variant 'nope'" "unknown variant is named"

run_app play "$TEST_DATA_DIR/cli/bad_syntax.lua" --trainee t --log-dir "$LOGS"
expect_status 1 "a case that does not load"
expect_in err "bad_syntax.lua:" "the case error names the file"

: >"$WORK/plain"
run_app play "$CASE" --trainee t --log-dir "$WORK/plain/logs"
expect_status 3 "unwritable log folder"

run_app play "$CASE" --trainee t --library "$WORK"
expect_status 2 "--library with play"

run_app play "$CASE" --trainee t --log-dir "$LOGS"
expect_status 3 "no display"
expect_in err "cannot open a window" "no display is said"
no_log "no display"

# No display at all and no driver asked for: SDL would fall back to one that
# shows nothing; the trainee is told instead of facing an invisible window.
set +e
env -u SDL_VIDEODRIVER DISPLAY= WAYLAND_DISPLAY= timeout 30 \
    "$APPRAISE" play "$CASE" --trainee t --log-dir "$LOGS" >"$WORK/out" 2>"$WORK/err"
status=$?
set -e
expect_status 3 "no display and no driver asked for"
expect_in err "no display" "no display is said"
no_log "no display and no driver asked for"

run_app --library "$WORK/none" --log-dir "$LOGS"
expect_status 3 "library without a display"

run_app replay "$CASE"
expect_status 1 "replay of a file that is not a log"
expect_in err "not a session log" "replay says what is wrong"

run_app replay "$WORK/x.jsonl" --trainee t
expect_status 2 "replay takes its trainee from the log"

no_log "the errors above"
finish
