#!/usr/bin/env bash
# `appraise play CASE --from NODE --set KEY=VALUE` in the real window under
# Xvfb at 1366x768: after the start screen the first node drawn is NODE,
# with the values given (its text reads them), and the node before it is
# never drawn; the session log records from and set. An unknown --from is
# a usage error before any window opens or log is written. Every wait
# polls the draw log (APPRAISE_DRAW_LOG) or the process, with a bound.
source "$(dirname "$0")/helpers.bash"
source "$(dirname "$0")/window.bash"
CASE="$TEST_DATA_DIR/cases/from_start.lua"

in_xvfb 1366x768 xdotool jq

export APPRAISE_UI_TITLE_KEYS=1
export XDG_CONFIG_HOME="$WORK/config"
export APPRAISE_DRAW_LOG="$WORK/drawn.txt"
: >"$APPRAISE_DRAW_LOG"

# An unknown node: exit 2 before a window or a log.
run_app play "$CASE" --trainee e2e --from nowhere --log-dir "$WORK/none"
expect_status 2 "play --from an unknown node"
expect_in err "appraise: --from: unknown node 'nowhere' (case from-start has: arrival, bad_end, good_end, review)" \
    "play --from an unknown node"
[ -z "$(ls -A "$WORK/none" 2>/dev/null)" ] || fail "a log was written for an unknown node"
[ -s "$APPRAISE_DRAW_LOG" ] && fail "a window was drawn for an unknown node"

ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    "$APPRAISE" play "$CASE" --trainee e2e --seed 1 --from review --set score=7 \
    --set vitals.hr=130 --log-dir "$WORK/play" >"$WORK/play.out" 2>"$WORK/play.err" &
pid=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1) || true
[ -n "$wid" ] || { fail "the window did not open: $(cat "$WORK/play.err")"; finish; }
xdotool windowfocus --sync "$wid"

wait_drawn "Start anywhere" "the start screen"
xdotool key Return # start
wait_drawn "lactate_done=nil bed=nil score=7 hr=130 choices=none" "the node --from names"
grep -qF "A patient arrives." "$APPRAISE_DRAW_LOG" && fail "the node before --from was drawn"
grep -qF "What next?" "$APPRAISE_DRAW_LOG" || fail "the decision of the node was not drawn"

# Leave: the window closes on SIGTERM as on its close button, and the log
# says quit.
kill -TERM "$pid"
for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    fail "the window did not close"
    kill -KILL "$pid"
fi
wait "$pid" || true
log=$(find "$WORK/play" -name '*.jsonl' | head -n 1)
if [ -z "$log" ]; then
    fail "no session log: $(cat "$WORK/play.err")"
else
    start=$(head -n 1 "$log")
    [ "$(jq -r .mode <<<"$start")" = play ] || fail "mode: $start"
    [ "$(jq -r .from <<<"$start")" = review ] || fail "from: $start"
    [ "$(jq -c .set <<<"$start")" = '["score=7","vitals.hr=130"]' ] || fail "set: $start"
    [ "$(sed -n 2p "$log" | jq -r .node)" = review ] || fail "the first node logged is not review"

    # The replay in the window starts where the session did.
    : >"$APPRAISE_DRAW_LOG"
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$APPRAISE" replay "$log" --log-dir "$WORK/replay" >"$WORK/replay.out" \
        2>"$WORK/replay.err" &
    pid=$!
    wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1) || true
    if [ -z "$wid" ]; then
        fail "the replay's window did not open: $(cat "$WORK/replay.err")"
    else
        xdotool windowfocus --sync "$wid"
        xdotool key Return # past the start screen
        wait_drawn "lactate_done=nil bed=nil score=7 hr=130 choices=none" "the replay's first node"
        grep -qF "A patient arrives." "$APPRAISE_DRAW_LOG" && fail "the replay drew the case's start"
    fi
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 600); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" || true
fi

finish
