#!/usr/bin/env bash
# `appraise --text`: the case library in the terminal, from a pipe. The
# cases are listed numbered, t changes the time limits, a number plays that
# case (logged with mode text), and back in the library the case is marked
# as played, in words. Usage mistakes are found before anything is logged,
# as in the window.
source "$(dirname "$0")/helpers.bash"

mkdir -p "$WORK/lib"
cp "$HERE/mini.lua" "$WORK/lib/"

# t: double; 1: the case; Enter starts it; Enter leaves the narrative node;
# 1 treats, confidence 5; Enter keeps it against the AI; confidence 6,
# trust 4 and the reason; Enter
# after the feedback; Enter for the debrief; q quits the library.
printf '%s\n' t 1 "" "" 1 5 "" 6 4 "Septic: treat now" "" "" q >"$WORK/lines"
run_app --text --library "$WORK/lib" --trainee lib1 --seed 4 --log-dir "$WORK/logs" <"$WORK/lines"
expect_status 0 "the library in the text mode"
expect_in out "Case library, 1 case" "the library's heading"
expect_in out "1. Command-line test case." "the case, numbered"
expect_in out "Time limits: double." "t changes the time limits"
expect_in out "Your debrief" "the debrief after the case"
expect_in out "Back to the case library." "back in the library"
expect_in out "1. Command-line test case. Played: good outcome." "the case marked as played"
expect_in err "log written to $WORK/logs/" "where the log went"
log=$(find "$WORK/logs" -name '*.jsonl' | head -n 1)
if [ -z "$log" ]; then
    fail "no log was written"
else
    grep -q '"mode":"text"' "$log" || fail "the log is not mode text"
    grep -q '"time_limits":"double"' "$log" || fail "the session did not run with the setting t chose"
    grep -q '"status":"complete"' "$log" || fail "the session did not complete"
    grep -q '"rationale":"Septic: treat now"' "$log" || fail "the reason typed is not logged"
fi
grep -q $'\e' "$WORK/out" && fail "output that is not a terminal has escapes"

# Who is playing, when --trainee is not given; the input ending there
# leaves with nothing logged.
run_app --text --library "$WORK/lib" --log-dir "$WORK/none" < <(printf '\n')
expect_status 0 "no trainee id before the input ended"
expect_in out "Who is playing? Type your trainee id and press Enter." "asks for the trainee"
[ -z "$(find "$WORK/none" -name '*.jsonl' 2>/dev/null)" ] || fail "a log without a session"

# Usage mistakes and cases that do not load: before anything is logged.
run_app play "$HERE/mini.lua" --text --trainee t --variant nope --log-dir "$WORK/bad" </dev/null
expect_status 2 "an unknown variant"
expect_in err "unknown variant 'nope'" "the unknown variant named"
run_app play "$HERE/bad_syntax.lua" --text --trainee t --log-dir "$WORK/bad" </dev/null
expect_status 1 "a case that does not load"
run_app play "$HERE/mini.lua" --text --trainee t --time-limits slow --log-dir "$WORK/bad" </dev/null
expect_status 2 "unknown time limits"
[ -z "$(find "$WORK/bad" -name '*.jsonl' 2>/dev/null)" ] || fail "a usage mistake left a log"

# --time-limits on `play --text`: the timed case's limit in force is logged
# twice as long with double, and none runs with off. Start, choose 1,
# confidence 4, Enter after the feedback, Enter for the debrief.
for setting in double off; do
    run_app play "$HERE/timed.lua" --text --trainee t --seed 1 --time-limits "$setting" \
        --log-dir "$WORK/limits-$setting" < <(printf '%s\n' "" 1 4 "" "" "")
    expect_status 0 "play --text --time-limits $setting"
    log=$(find "$WORK/limits-$setting" -name '*.jsonl' | head -n 1)
    [ -n "$log" ] || { fail "no log with --time-limits $setting"; continue; }
    grep -q "\"time_limits\":\"$setting\"" "$log" || fail "--time-limits $setting is not logged"
    grep -q '"final":"shock"' "$log" || fail "the choice under --time-limits $setting is not logged"
done
grep -q '"time_limit_ms":60000' "$(find "$WORK/limits-double" -name '*.jsonl')" ||
    fail "double does not give the 30 s limit 60 s"
grep -q '"time_limit_ms"' "$(find "$WORK/limits-off" -name '*.jsonl')" &&
    fail "a limit ran with --time-limits off"

# A case that fails in play: said on the screen and on stderr, exit 1, the
# log kept with status error.
run_app play "$TEST_DATA_DIR/cases/session_errors.lua" --text --trainee t --log-dir "$WORK/failed" \
    < <(printf '%s\n' "" 2)
expect_status 1 "a case that fails in play"
expect_in out "The case stopped" "the failure on the screen"
expect_in err "next failed for next" "the failure on stderr"
grep -q '"status":"error"' "$WORK"/failed/*.jsonl || fail "the failure is not logged"
finish
