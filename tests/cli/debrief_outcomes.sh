#!/usr/bin/env bash
# appraise debrief hides no session: how every session ended (complete, with
# its endings by outcome; quit; ended with an error; incomplete) and the
# decisions that timed out are said beside the session count, and add up to
# it. tests/debrief/quits: 2 complete sessions (endings good and harm), 2
# quits and 1 error, none with an ending record.
source "$(dirname "$0")/helpers.bash"
D="$TEST_DATA_DIR/debrief/quits"
line="5 sessions: 2 complete (endings: 1 good, 0 neutral, 1 harm), 2 quit, 1 ended with an error, 0 incomplete; 0 decisions timed out."

run_app debrief "$D"
expect_status 0 "debrief"
expect_in out "$line" "summary line"
expect_in out "  sessions             5            (2 complete, 2 quit, 1 error, 0 incomplete)" \
    "the sessions figure"

run_app debrief "$D" --by trainee --long
expect_in out "$line" "summary line over every group"
expect_in out "  sessions             4            (1 complete, 2 quit, 1 error, 0 incomplete)" \
    "t1's sessions figure"

run_app debrief "$D" --json "$WORK/d.json"
grep -qF '"sessions":{"value":5,"complete":2,"quit":2,"error":1,"incomplete":0}' "$WORK/d.json" ||
    fail "JSON sessions: $(grep -o '"sessions":{[^}]*}' "$WORK/d.json")"

run_app debrief "$D" --html "$WORK/d.html"
expect_status 0 "--html"
grep -qF "<p>${line}</p>" "$WORK/d.html" || fail "HTML summary line"

# The cohort, with an incomplete session and a decision that timed out.
run_app debrief --include-runs "$TEST_DATA_DIR/debrief/cohort"
expect_in out "3 sessions: 2 complete (endings: 1 good, 0 neutral, 1 harm), 0 quit, 0 ended with an error, 1 incomplete; 1 decision timed out." \
    "incomplete and timeouts"

finish
