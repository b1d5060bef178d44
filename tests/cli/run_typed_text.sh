#!/usr/bin/env bash
# What a person types reaches the log as UTF-8: a rationale in an inputs
# file saved as Latin-1 and a trainee id in Latin-1 are logged with U+FFFD
# in place of the bad bytes, and `debrief --csv` of that log is UTF-8 too.
source "$(dirname "$0")/helpers.bash"
CASE="$HERE/mini.lua"
LOGS="$WORK/logs"
FFFD=$'\xef\xbf\xbd'

log_path() { sed -n 's/^appraise: log written to //p' "$WORK/err" | tail -n 1; }
is_utf8() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }

# "café" and "naïve" as a Latin-1 editor saves them: é is E9, ï is EF.
printf 'continue\nchoose wait\nconfidence 3\nchoose treat\nconfidence 5\ntrust 2\n' >"$WORK/in.txt"
printf 'rationale "caf\xe9 first, na\xefve score"\ncontinue\n' >>"$WORK/in.txt"

run_app run "$CASE" --inputs "$WORK/in.txt" --log-dir "$LOGS" --trainee $'Jos\xe9'
expect_status 0 "Latin-1 rationale and trainee"
log=$(log_path)
[ -f "$log" ] || fail "no log written"
is_utf8 "$log" || fail "the log is not UTF-8"
grep -qF "\"rationale\":\"caf${FFFD} first, na${FFFD}ve score\"" "$log" ||
    fail "rationale not logged with U+FFFD: $(grep -o '"rationale":"[^"]*"' "$log")"
grep -qF "\"trainee\":\"Jos${FFFD}\"" "$log" || fail "trainee id not logged with U+FFFD"

run_app debrief "$log" --csv "$WORK/d.csv"
expect_status 0 "debrief of the log"
is_utf8 "$WORK/d.csv" || fail "the CSV is not UTF-8"
grep -qF ",Jos${FFFD},cli-mini," "$WORK/d.csv" || fail "trainee id in the CSV"
grep -qF ",\"caf${FFFD} first, na${FFFD}ve score\"," "$WORK/d.csv" || fail "rationale in the CSV"

finish
