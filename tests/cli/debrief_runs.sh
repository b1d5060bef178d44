#!/usr/bin/env bash
# appraise debrief keeps practice runs apart: sessions whose session_start
# mode is run, replay or preview are left out of every figure by default,
# the summary says how many, and --include-runs counts them. The folder
# tests/debrief/modes holds one session each of play and text (counted) and
# of run (two), replay and preview (left out), three decisions each.
source "$(dirname "$0")/helpers.bash"
D="$TEST_DATA_DIR/debrief/modes"

run_app debrief "$D"
expect_status 0 "default"
expect_in out "4 practice sessions left out; --include-runs counts them." "summary names the count"
expect_in out "  decisions            6" "only the play and text sessions' decisions"
expect_in out "  sessions             2" "only the play and text sessions"

run_app debrief "$D" --include-runs
expect_status 0 "--include-runs"
expect_not_in out "left out" "nothing left out with --include-runs"
expect_in out "  decisions            18" "every decision with --include-runs"
expect_in out "  sessions             6" "every session with --include-runs"

run_app debrief "$D/s3_run.jsonl" "$D/s1_play.jsonl"
expect_in out "1 practice session left out; --include-runs counts them." "one run, singular"

run_app debrief "$D" --by trainee --json "$WORK/d.json"
expect_status 0 "--json"
grep -qF '{"v":1,"runs_left_out":4,"groups":[' "$WORK/d.json" || fail "JSON runs_left_out: $(head -c 60 "$WORK/d.json")"
[ "$(grep -c '"by":{"trainee"' "$WORK/d.json")" = 2 ] || fail "JSON: only the two counted trainees have groups"
grep -q '"trainee":"m3"' "$WORK/d.json" && fail "JSON: a run's trainee has a group"

run_app debrief "$D" --include-runs --json "$WORK/all.json"
grep -qF '{"v":1,"runs_left_out":0,"groups":[' "$WORK/all.json" || fail "JSON with --include-runs: runs_left_out 0"

run_app debrief "$D" --csv "$WORK/d.csv"
expect_status 0 "--csv"
# counted, then the five texts of the choices and the node (none logged here)
[ "$(grep -c ',true,,,,,'$'\r''$' "$WORK/d.csv")" = 6 ] || fail "CSV: the 6 counted rows say true"
[ "$(grep -c ',false,,,,,'$'\r''$' "$WORK/d.csv")" = 12 ] || fail "CSV: the 12 rows of runs stay and say false"
grep -q '^dddddddd-0000-4000-8000-000000000003,m3,.*,false,,,,,'$'\r''$' "$WORK/d.csv" ||
    fail "CSV: a run's row says counted false"

run_app debrief "$D" --html "$WORK/d.html"
expect_status 0 "--html"
grep -qF '4 practice sessions left out; <code>--include-runs</code> counts them.' "$WORK/d.html" ||
    fail "HTML summary says the runs left out"
grep -qF '<title>Appraise debrief: 2 sessions, 6 decisions</title>' "$WORK/d.html" ||
    fail "HTML figures count the play and text sessions only: $(grep -o '<title>[^<]*' "$WORK/d.html")"
grep -q '>m3<' "$WORK/d.html" && fail "HTML lists a run's trainee"

run_app debrief "$D" --include-runs --html "$WORK/all.html"
grep -qF '<title>Appraise debrief: 6 sessions, 18 decisions</title>' "$WORK/all.html" ||
    fail "HTML with --include-runs counts every session"
grep -q '>m3<' "$WORK/all.html" || fail "HTML with --include-runs lists a run's trainee"

finish
