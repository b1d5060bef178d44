#!/usr/bin/env bash
# `appraise replay` in the window plays a log with the time limits setting
# it was played with: a session run with --time-limits double (a choice
# after 4 s of a 3 s limit, in time) replays in the window, stepped with
# Enter, to the same records: session_start says double, the decision the
# 6 s limit in force and no time-out. The real window under Xvfb, driven
# with xdotool; every wait polls the window's state, with a bound.
source "$(dirname "$0")/helpers.bash"
source "$(dirname "$0")/window.bash"
CASE="$TEST_DATA_DIR/cases/window_timed.lua"

in_xvfb 1280x800 xdotool jq

export APPRAISE_UI_TITLE_KEYS=1
export XDG_CONFIG_HOME="$WORK/config"

printf 'wait 4\nchoose shock\n' >"$WORK/in.txt"
run_app run "$CASE" --inputs "$WORK/in.txt" --time-limits double --log-dir "$WORK/run"
expect_status 0 "run with double"
run_log=$(find "$WORK/run" -name '*.jsonl' | head -n 1)
grep -qF '"time_limit_ms":6000' "$run_log" || fail "run: the 6 s limit is not logged"
grep -qF '"timed_out":false' "$run_log" || fail "run: timed out with double"

ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    "$APPRAISE" replay "$run_log" --log-dir "$WORK/replay" >"$WORK/replay.out" \
    2>"$WORK/replay.err" &
pid=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1) || true
if [ -z "$wid" ]; then
    fail "the replay's window did not open: $(cat "$WORK/replay.err")"
    kill "$pid" 2>/dev/null || true
    finish
fi
xdotool windowfocus --sync "$wid" || true
# Enter, each once the window has acted on the one before, until it closes
# after its debrief (a minute at most for each key).
for ((sent = 1; sent <= 40; sent++)); do
    kill -0 "$pid" 2>/dev/null || break
    xdotool key Return 2>/dev/null || true
    for _ in $(seq 1200); do
        kill -0 "$pid" 2>/dev/null || break
        got=$(keys_handled "$wid" || true)
        [ -n "$got" ] && [ "$got" -ge "$sent" ] && break
        sleep 0.05
    done
done
for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    fail "the replay did not close after its debrief"
    kill "$pid"
fi

replay_log=$(find "$WORK/replay" -name '*.jsonl' | head -n 1)
untimed() { jq -c 'del(.session, .t, .at, .ms_initial, .ms_advice, .ms_final, .mode, .host_os)' "$1"; }
if [ -z "$replay_log" ]; then
    fail "the replay wrote no log: $(cat "$WORK/replay.err")"
else
    grep -qF '"time_limits":"double"' "$replay_log" ||
        fail "the replay's session_start does not say double"
    diff <(untimed "$run_log") <(untimed "$replay_log") >"$WORK/diff" ||
        fail "the replay's records differ from the session's: $(cat "$WORK/diff")"
fi

finish
