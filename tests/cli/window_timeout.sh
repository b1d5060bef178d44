#!/usr/bin/env bash
# The real window under Xvfb at 1366x768, driven with xdotool: a case with a
# 3 s time limit is started and left to time out. The window's draw log
# (APPRAISE_DRAW_LOG: every text of each changed frame) must show the
# countdown beside the options, then the notice that time ran out (on the
# feedback screen, passed with Enter), then the ending with its outcome;
# and the session log must record the time-out. The next start must open
# where the window was left, within the screen.
# Every wait polls the draw log or the window's state, with a bound.
source "$(dirname "$0")/helpers.bash"
source "$(dirname "$0")/window.bash"
CASE="$TEST_DATA_DIR/cases/window_timed.lua"

in_xvfb 1366x768 xdotool

export APPRAISE_UI_TITLE_KEYS=1
export XDG_CONFIG_HOME="$WORK/config"
export APPRAISE_DRAW_LOG="$WORK/drawn.txt"
: >"$APPRAISE_DRAW_LOG"

# The line of the draw log where TEXT is first drawn (0: never).
first_line() {
    grep -nF -- "$1" "$APPRAISE_DRAW_LOG" | head -n 1 | cut -d: -f1 || echo 0
}

# The feedback screen's notice after a time-out.
notice="Time ran out: you had not confirmed a choice"

ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    "$APPRAISE" play "$CASE" --trainee e2e --seed 1 --log-dir "$WORK/play" \
    >"$WORK/play.out" 2>"$WORK/play.err" &
pid=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1) || true
[ -n "$wid" ] || { fail "the window did not open: $(cat "$WORK/play.err")"; finish; }
xdotool windowfocus --sync "$wid"

# The window fits the screen: within 1366x768, all of it.
eval "$(xdotool getwindowgeometry --shell "$wid")"
if [ "$((X + WIDTH))" -gt 1366 ] || [ "$((Y + HEIGHT))" -gt 768 ] || [ "$X" -lt 0 ] || [ "$Y" -lt 0 ]; then
    fail "the window (${WIDTH}x${HEIGHT} at $X,$Y) does not fit a 1366x768 screen"
fi

wait_drawn "Timed window test case" "the start screen"
xdotool key Return # start: the 3 s run from here
wait_drawn "Time left" "the countdown"
wait_drawn "confirm now" "the countdown's last ten seconds"
# After the time-out: a screen with Continue (the feedback that tells the
# trainee) is passed with Enter, once; then the ending.
pressed=0
for _ in $(seq 1200); do
    grep -qF "Too late to shock." "$APPRAISE_DRAW_LOG" && break
    kill -0 "$pid" 2>/dev/null || break
    if [ "$pressed" = 0 ] && last_frame | grep -qF "Continue (Enter)"; then
        xdotool key Return
        pressed=1
    fi
    sleep 0.05
done
grep -qF "$notice" "$APPRAISE_DRAW_LOG" || fail "the time-out notice was never drawn"
[ "$pressed" = 1 ] || fail "the time-out notice was not a screen of its own"

wait_drawn "Too late to shock." "the ending's summary"
wait_drawn "Outcome" "the outcome"
n=$(first_line "$notice") o=$(first_line "Too late to shock.")
[ "$n" -gt 0 ] && [ "$n" -lt "$o" ] || fail "the notice (line $n) did not come before the ending (line $o)"

grep -qF "Continue CPR" "$APPRAISE_DRAW_LOG" || fail "the options were never drawn"

xdotool key Return # the debrief
wait_drawn "Enter done" "the debrief"
xdotool key Return # done: the window closes
for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    fail "the window did not close after the debrief"
    kill "$pid"
fi
set +e
wait "$pid"
status=$?
set -e
[ "$status" -eq 0 ] || fail "the window exited $status: $(cat "$WORK/play.err")"
log=$(find "$WORK/play" -name '*.jsonl' | head -n 1)
if [ -z "$log" ]; then
    fail "no session log"
else
    grep -q '"timed_out":true' "$log" || fail "the log does not record the time-out"
    grep -q '"node":"lost"' "$log" || fail "the log does not reach the time-out's ending"
fi
[ -s "$WORK/config/appraise/window.conf" ] || fail "the window did not remember its geometry"

# The next start opens where the window was left; a saved window larger
# than the screen, or off it, opens within it.
# open_saved SAVED WHAT CHECK: writes SAVED ("x y w h"), opens the window,
# checks its geometry with CHECK (shell test on X Y WIDTH HEIGHT), closes it.
open_saved() {
    printf 'appraise-window 1\n%s\n' "$1" >"$WORK/config/appraise/window.conf"
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$APPRAISE" play "$CASE" --trainee e2e --seed 1 --log-dir "$WORK/again" \
        >"$WORK/again.out" 2>"$WORK/again.err" &
    pid=$!
    wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1) || true
    if [ -z "$wid" ]; then
        fail "$2: the window did not open: $(cat "$WORK/again.err")"
        return
    fi
    wait_drawn "Timed window test case" "$2: the start screen"
    eval "$(xdotool getwindowgeometry --shell "$wid")"
    eval "$3" || fail "$2: the window is ${WIDTH}x${HEIGHT} at $X,$Y"
    xdotool key Escape l # no session yet: the window closes
    for _ in $(seq 600); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill "$pid" 2>/dev/null && fail "$2: the window did not close"
    wait "$pid" || true
}
open_saved "30 40 900 600" "a saved window" \
    '[ "$WIDTH" -eq 900 ] && [ "$HEIGHT" -eq 600 ] && [ "$X" -eq 30 ] && [ "$Y" -eq 40 ]'
open_saved "5000 -300 3000 2000" "a window saved off a larger screen" \
    '[ "$X" -ge 0 ] && [ "$Y" -ge 0 ] && [ "$((X + WIDTH))" -le 1366 ] && [ "$((Y + HEIGHT))" -le 768 ]'
open_saved "this is not a window" "a damaged settings file" \
    '[ "$((X + WIDTH))" -le 1366 ] && [ "$((Y + HEIGHT))" -le 768 ] && [ "$WIDTH" -ge 1000 ]'
finish
