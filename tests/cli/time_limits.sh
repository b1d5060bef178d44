#!/usr/bin/env bash
# --time-limits normal|double|off, end to end: `appraise run` plays a case
# with a 30 s limit with each setting (double: 60 s; off: none, even after
# an hour); session_start says the setting, each decision the limit in
# force (left out where none ran); `replay --verify` replays each log as
# it was played; an unknown setting is a usage error before any log. Then
# the debrief of those logs with older ones (tests/debrief/cohort, written
# before the setting): timeouts counted only against decisions with a
# limit in force, and the sessions with adjusted limits, in the terminal,
# JSON, CSV and HTML.
source "$(dirname "$0")/helpers.bash"
CASE="$HERE/timed.lua"
LOGS="$WORK/logs"

log_path() { sed -n 's/^appraise: log written to //p' "$WORK/err" | tail -n 1; }

# line_of LOG TYPE: the record of that type.
line_of() { grep "\"type\":\"$2\"" "$1" | head -n 1; }

# play SETTING INPUTS WHAT: runs the timed case with the setting; the log's path in $log.
play() {
    printf '%b' "$2" >"$WORK/in.txt"
    run_app run "$CASE" --inputs "$WORK/in.txt" --log-dir "$LOGS" --trainee "t-$1" \
        --time-limits "$1"
    expect_status 0 "$3"
    log=$(log_path)
    [ -n "$log" ] || fail "$3: no log written; stderr: $(cat "$WORK/err")"
}

# verify LOG WHAT: replay --verify says identical.
verify() {
    run_app replay "$1" --verify
    expect_status 0 "$2: replay --verify"
    expect_in out "identical" "$2: replay --verify"
}

# normal: 45 s is too late for a 30 s limit.
play normal 'wait 45\n' "normal"
normal_log=$log
line_of "$log" session_start | grep -qF '"time_limits":"normal"' ||
    fail "normal: session_start does not say time_limits normal"
d=$(line_of "$log" decision)
grep -qF '"timed_out":true' <<<"$d" || fail "normal: the limit did not run out: $d"
grep -qF '"time_limit_ms":30000' <<<"$d" || fail "normal: time_limit_ms 30000 not logged: $d"
grep -qF '"t":30000' <<<"$d" || fail "normal: time-out not at 30 s: $d"
verify "$log" "normal"

# double: the same 45 s is in time.
play double 'wait 45\nchoose shock\n' "double"
line_of "$log" session_start | grep -qF '"time_limits":"double"' ||
    fail "double: session_start does not say time_limits double"
d=$(line_of "$log" decision)
grep -qF '"timed_out":false' <<<"$d" || fail "double: timed out at 45 s: $d"
grep -qF '"final":"shock"' <<<"$d" || fail "double: the choice was not taken: $d"
grep -qF '"time_limit_ms":60000' <<<"$d" || fail "double: time_limit_ms 60000 not logged: $d"
grep -q '"outcome":"good"' "$log" || fail "double: did not reach the good ending"
verify "$log" "double"

# double still runs out, at 60 s.
play double 'wait 61\n' "double, too late"
d=$(line_of "$log" decision)
grep -qF '"timed_out":true' <<<"$d" || fail "double: no time-out after 61 s: $d"
grep -qF '"t":60000' <<<"$d" || fail "double: time-out not at 60 s: $d"
verify "$log" "double, too late"

# off: an hour's wait, and no limit runs.
play off 'wait 3600\nchoose cpr\n' "off"
line_of "$log" session_start | grep -qF '"time_limits":"off"' ||
    fail "off: session_start does not say time_limits off"
d=$(line_of "$log" decision)
grep -qF '"timed_out":false' <<<"$d" || fail "off: timed out: $d"
grep -qF '"final":"cpr"' <<<"$d" || fail "off: the choice was not taken: $d"
grep -qF 'time_limit_ms' <<<"$d" && fail "off: time_limit_ms written though no limit ran: $d"
verify "$log" "off"

# Without the flag: normal, written all the same.
printf 'wait 45\n' >"$WORK/in.txt"
run_app run "$CASE" --inputs "$WORK/in.txt" --log-dir "$WORK/default"
expect_status 0 "no flag"
line_of "$(log_path)" session_start | grep -qF '"time_limits":"normal"' ||
    fail "no flag: session_start does not say time_limits normal"

# An unknown setting: a usage error, and no log.
run_app run "$CASE" --policy best --log-dir "$WORK/bad" --time-limits triple
expect_status 2 "unknown setting"
expect_in err "triple" "unknown setting named"
[ ! -e "$WORK/bad" ] || [ -z "$(ls -A "$WORK/bad")" ] || fail "unknown setting: a log was written"

# A log naming a setting this program does not know is not replayed.
sed 's/"time_limits":"normal"/"time_limits":"triple"/' "$normal_log" >"$WORK/triple.jsonl"
run_app replay "$WORK/triple.jsonl" --verify
expect_status 1 "replay of an unknown setting"
expect_in err "triple.jsonl:1:" "replay of an unknown setting names the line"
expect_in err "time_limits 'triple'" "replay of an unknown setting says which"

# ---- the debrief ----------------------------------------------------------------
# Ours: 5 sessions (normal, double, double, off, normal without the flag);
# decisions with a limit in force: normal (out), double (in time), double
# (out), normal without the flag (out); off has none.
# The older cohort: 3 sessions, 1 time-out, no time_limit_ms (counted as
# the one decision with a limit in force).
COHORT="$TEST_DATA_DIR/debrief/cohort"
run_app debrief --include-runs "$LOGS" "$WORK/default" "$COHORT"
expect_status 0 "debrief"
expect_in out "3 sessions ran with adjusted time limits: 2 double, 1 off." "debrief summary"
expect_in out "timeouts             4 of 5 decisions with a time limit in force" \
    "debrief timeouts against decisions with a limit in force"
expect_in out "adjusted_time_limits 3            (2 double, 1 off)" "debrief adjusted count"

run_app debrief --include-runs "$LOGS" "$WORK/default" "$COHORT" --json "$WORK/d.json"
grep -qF '"timeouts":{"value":0.8,"num":4,"den":5,' "$WORK/d.json" ||
    fail "JSON timeouts: $(grep -o '"timeouts":{[^}]*}' "$WORK/d.json")"
grep -qF '"adjusted_time_limits":{"value":3,"double":2,"off":1}' "$WORK/d.json" ||
    fail "JSON adjusted_time_limits: $(grep -o '"adjusted_time_limits":{[^}]*}' "$WORK/d.json")"

run_app debrief --include-runs "$LOGS" --by trainee --json "$WORK/t.json"
grep -qF '{"by":{"trainee":"t-off"},' "$WORK/t.json" || fail "JSON by trainee: no t-off group"
grep -F '"t-off"' "$WORK/t.json" | grep -qF '"timeouts":{"value":null,"num":0,"den":0,"ci_low":null,"ci_high":null}' ||
    fail "JSON: timeouts with limits off are n/a"

run_app debrief --include-runs "$LOGS" --csv "$WORK/d.csv"
head -n 1 "$WORK/d.csv" | tr -d '\r' | grep -q ',feedback,time_limit_ms,time_limits,counted,initial_label,' ||
    fail "CSV header: $(head -n 1 "$WORK/d.csv")"
grep -q ',60000,double,true,' "$WORK/d.csv" || fail "CSV: double's limit and setting"
grep -q ',30000,normal,true,' "$WORK/d.csv" || fail "CSV: normal's limit and setting"
grep -q ',,off,true,' "$WORK/d.csv" || fail "CSV: off, no limit"

run_app debrief --include-runs "$LOGS" "$COHORT" --html "$WORK/d.html"
expect_status 0 "debrief --html"
grep -qF '<p>3 sessions ran with adjusted time limits: 2 double, 1 off.</p>' "$WORK/d.html" ||
    fail "HTML summary of adjusted time limits"
grep -qF 'Timeouts: 3 of 4 decisions with a time limit in force.' "$WORK/d.html" ||
    fail "HTML timeouts: $(grep -o 'Timeouts: [^<]*' "$WORK/d.html")"

finish
