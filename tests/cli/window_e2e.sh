#!/usr/bin/env bash
# The real window under Xvfb, driven with xdotool keys through a fixture
# case: its log must match `appraise run` with the same inputs, decision for
# decision and record for record (apart from ids, times and the mode); and
# `appraise replay` of that log gives its records again.
source "$(dirname "$0")/helpers.bash"
source "$(dirname "$0")/window.bash"
CASE="$TEST_DATA_DIR/cases/window_case.lua"

in_xvfb 1280x800 --required xdotool jq

# The same session as an inputs file for `run`, and as keys for the window.
cat >"$WORK/inputs.txt" <<'IN'
continue              # Return
choose obs            # 2 Return (initial, as the AI will advise)
confidence 3          # 3 Return
view explanation      # e
view model_card       # m
choose ctpa           # 1 Return (final: against the AI)
confidence 6          # 6 Return
trust 2               # 2 Return
rationale "Post-op and breathless: PE first"
continue              # Return (leave the feedback)
view results          # r
ask                   # a
choose escalate       # 1 Return
trust 6               # 6 Return
IN
KEYS=(Return # the case start screen: not an action
    Return 2 Return 3 Return e m 1 Return 6 Return 2 Return
    "type:Post-op and breathless: PE first" Return Return r a 1 Return 6 Return
    Return Return Return) # the feedback (after the advice), the ending, the debrief closes

# The window counts in its title the keys it has acted on
# (APPRAISE_UI_TITLE_KEYS=1): "Appraise (keys N)". Each key is sent once the
# window has acted on the one before, so that no key arrives before the
# screen it is meant for (letters typed into the rationale must find its
# text field up, not the shortcuts of the screen before).
export APPRAISE_UI_TITLE_KEYS=1
# The window remembers its geometry under the config folder: not the user's.
export XDG_CONFIG_HOME="$WORK/config"

# wait_exit PID WHAT: until the process has ended (a minute at most).
wait_exit() {
    for _ in $(seq 600); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 0.1
    done
    fail "$2"
    kill "$1"
}

# open_window PID: the window of PID once it shows its first frame.
open_window() {
    local pid=$1 wid
    wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
    [ -n "$wid" ] || return 1
    xdotool windowfocus --sync "$wid"
    wait_keys "$pid" "$wid" 0 || return 1
    echo "$wid"
}

# play_with KEYS...: plays the case in the window with those keys; the log
# goes to $WORK/play.
play_with() {
    # Under AddressSanitizer, X, D-Bus and the GL driver leak at exit what
    # they allocate; our own code's leaks are checked by test_ui_layout,
    # which draws every screen without them.
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$APPRAISE" play "$CASE" --trainee e2e --seed 11 --log-dir "$WORK/play" \
        >"$WORK/play.out" 2>"$WORK/play.err" &
    local pid=$! wid k c sent=0 text
    if ! wid=$(open_window "$pid"); then
        fail "the window did not open: $(cat "$WORK/play.err")"
        kill "$pid" 2>/dev/null || true
        return
    fi
    for k in "$@"; do
        case "$k" in
        type:*)
            text=${k#type:}
            for ((c = 0; c < ${#text}; c++)); do
                xdotool type -- "${text:c:1}"
                sent=$((sent + 1))
                wait_keys "$pid" "$wid" "$sent" || break 2
            done
            ;;
        *)
            xdotool key "$k"
            sent=$((sent + 1))
            wait_keys "$pid" "$wid" "$sent" || break
            ;;
        esac
    done
    wait_exit "$pid" "the window did not close after the debrief"
    set +e
    wait "$pid"
    play_status=$?
    set -e
}

# The records without what differs between play and run: ids, wall and
# session times, the mode and the host.
normalise() {
    jq -c 'del(.session, .t, .at, .ms_initial, .ms_advice, .ms_final, .mode, .host_os)' "$1"
}

compare_logs() {
    local what=$1 play_log run_log
    play_log=$(find "$WORK/play" -name '*.jsonl' | head -n 1)
    run_log=$(find "$WORK/run" -name '*.jsonl' | head -n 1)
    if [ -z "$play_log" ] || [ -z "$run_log" ]; then
        fail "$what: a log is missing (play: '$play_log', run: '$run_log')"
        return
    fi
    grep -q '"mode":"play"' "$play_log" || fail "$what: the window's log is not mode play"
    if ! diff <(normalise "$run_log") <(normalise "$play_log") >"$WORK/diff"; then
        fail "$what: the window's log differs from run's: $(cat "$WORK/diff")"
        return
    fi
    local decisions
    decisions=$(grep -c '"type":"decision"' "$play_log" || true)
    echo "$what: $(wc -l <"$play_log") records, $decisions decisions match"
}

# 1. A whole case: every kind of step, panel and rating.
run_app run "$CASE" --inputs "$WORK/inputs.txt" --trainee e2e --seed 11 --log-dir "$WORK/run"
expect_status 0 "run with the inputs"
play_with "${KEYS[@]}"
[ "$play_status" -eq 0 ] || fail "the window exited $play_status: $(cat "$WORK/play.err")"
grep -q "log written to $WORK/play/" "$WORK/play.err" || fail "the window did not say where the log is"
compare_logs "whole case"
[ "$(grep -c '"type":"decision"' "$WORK"/play/*.jsonl)" -eq 2 ] || fail "expected 2 decisions"

# 2. `appraise replay` steps through the window's log with Enter and logs the
#    same records again (mode replay, its own times).
play_log=$(find "$WORK/play" -name '*.jsonl' | head -n 1)
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    "$APPRAISE" replay "$play_log" --log-dir "$WORK/replay" >"$WORK/replay.out" 2>"$WORK/replay.err" &
pid=$!
if wid=$(open_window "$pid"); then
    for ((sent = 1; sent <= 100; sent++)); do
        kill -0 "$pid" 2>/dev/null || break
        xdotool key Return 2>/dev/null || true
        wait_keys "$pid" "$wid" "$sent" || break
    done
else
    fail "the replay's window did not open: $(cat "$WORK/replay.err")"
fi
wait_exit "$pid" "the replay did not close after its debrief"
replay_log=$(find "$WORK/replay" -name '*.jsonl' | head -n 1)
untimed() { jq -c 'del(.session, .t, .at, .ms_initial, .ms_advice, .ms_final, .mode, .host_os)' "$1"; }
if [ -z "$replay_log" ]; then
    fail "the replay wrote no log: $(cat "$WORK/replay.err")"
elif ! diff <(untimed "$play_log") <(untimed "$replay_log") >"$WORK/diff"; then
    fail "the replay's records differ from the session's: $(cat "$WORK/diff")"
else
    grep -q '"mode":"replay"' "$replay_log" || fail "the replay's log is not mode replay"
    echo "replay: $(wc -l <"$replay_log") records match"
fi

# 3. Esc asks, L leaves (Enter would stay): logged as quit, like `quit` in
#    the inputs.
rm -rf "$WORK/play" "$WORK/run" "$WORK/replay"
printf 'continue\nquit\n' >"$WORK/quit.txt"
run_app run "$CASE" --inputs "$WORK/quit.txt" --trainee e2e --seed 11 --log-dir "$WORK/run"
play_with Return Return Escape Return Escape l Return Return
[ "$play_status" -eq 0 ] || fail "leaving: the window exited $play_status"
compare_logs "leaving"
grep -q '"status":"quit"' "$WORK"/play/*.jsonl || fail "leaving was not logged as quit"

finish
