#!/usr/bin/env bash
# appraise debrief LOGS --trainee ID [--html FILE]: one trainee's debrief.
# tests/debrief/trainee holds the sessions of three trainees (ann,
# bob.smith, cat-jones) played from the bundled cases, with labels, titles
# and teaching points logged; one of ann's is a practice run and one
# (old/) was written before labels were logged. The report names no other
# trainee: not their ids, sessions or files. Set
# DEBRIEF_TRAINEE_SCREENSHOT=FILE.png to keep a screenshot at 1366 px.
source "$(dirname "$0")/helpers.bash"
D="$TEST_DATA_DIR/debrief/trainee"
R="$WORK/ann.html"

run_app debrief "$D" --trainee ann --html "$R"
expect_status 0 "--trainee ann --html"
expect_in out "1 practice session left out; --include-runs counts them." "practice runs said"
expect_in out "Trainee ann: 4 sessions, 9 decisions, started 2026-11-27 to 2026-12-07." "who and how much"
expect_in out "ann               4          9         7/8 88%           1/3*          0/5 0%" \
    "the trainee's row"
expect_in out "the group         7         16       11/15 73%           2/4*        2/11 18%" \
    "the group's row"
expect_in out "The group: every counted session of the 3 trainees, ann included." "the group said"
expect_not_in out "bob.smith" "no other trainee on the terminal"
[ -s "$R" ] || fail "no report written"

# Anonymised: no other trainee's id, session id or file name anywhere.
for other in bob.smith cat-jones bob_ cat_ ann_run; do
    grep -qF -- "$other" "$R" && fail "the report names '$other'"
done
for f in "$D"/bob_*.jsonl "$D"/cat_*.jsonl "$D"/ann_run.jsonl; do
    sid=$(head -n 1 "$f" | grep -o '"session":"[^"]*"' | cut -d'"' -f4)
    grep -qF -- "$sid" "$R" && fail "the report holds the session id of $(basename "$f")"
done
grep -qF ">Debrief of ann</h1>" "$R" || fail "the heading names the trainee"

# Their decisions with the feedback they got and the teaching point, with
# labels (not ids) where the log has them, ids in the older log.
grep -qF "<h4>The 02:00 observations</h4>" "$R" || fail "a node's title"
grep -qF "Increase observations to hourly and recheck before calling anyone" "$R" ||
    fail "the label of the first choice"
grep -qF "<strong>The feedback you got:</strong> Calling it post-operative delirium" "$R" ||
    fail "the feedback the trainee got"
grep -qF "<strong>Teaching point:</strong> The index stayed quiet, and it was wrong" "$R" ||
    fail "the node's teaching point"
grep -qF "<h4>review</h4>" "$R" || fail "the older log: the node id in place of a title"
grep -qF "<dt>Your first choice</dt><dd>wait" "$R" || fail "the older log: the option id"
# In time order: the older log (27 November) first, whatever the file order.
grep -o '<h3>[0-9]*\. [^<]*' "$R" >"$WORK/cases"
[ "$(head -n 1 "$WORK/cases")" = "<h3>1. Golden: the deteriorating ward patient" ] ||
    fail "cases not in time order: $(cat "$WORK/cases")"
[ "$(wc -l <"$WORK/cases")" -eq 4 ] || fail "4 counted sessions, not the practice run: $(cat "$WORK/cases")"
# The rationale as typed, escaped.
grep -qF '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the ECG, not the score' "$R" ||
    fail "the rationale with markup is not escaped as text"
grep -qi '<script' "$R" && fail "the report has a script element"
grep -Eqi '<(link|img|iframe|object|embed)[ >]|src=|@import' "$R" && fail "the report loads something"
# Their figures against the group's, and the two reliance matrices.
grep -qF "You followed wrong advice 1 time out of 3; the group, 2 times out of 4." "$R" ||
    fail "over-reliance in words"
grep -qF "<tr><th scope=\"row\">Self-calibration: confidence AUROC" "$R" || fail "self-calibration"
[ "$(grep -c 'data-chart="reliance"' "$R")" -eq 2 ] || fail "two reliance matrices: you and the group"
grep -qF ">Reliance matrix: you</title>" "$R" || fail "your matrix"
grep -qF ">Reliance matrix: the group</title>" "$R" || fail "the group's matrix"

# The learning curve: the trainee's k-th case beside the group's, on the
# terminal and in the report (two charts and their table). ann's cases in
# time order: the older ward log (no wrong advice followed), the ward case
# (followed wrong advice), the chest pain case, the sepsis case.
expect_in out "Learning curve, by case number in time order:" "the curve on the terminal"
expect_in out "   2            1/1*            2/2*            0/1*            0/3*" "ann's 2nd case"
expect_in out "   4             n/a             n/a            0/2*            0/2*" "ann's 4th case"
[ "$(grep -c 'data-chart="curve"' "$R")" -eq 2 ] || fail "two curve charts: over- and under-reliance"
grep -qF "case 2: you 1 of 1 (100%), the group 2 of 2 (100%)" "$R" || fail "the curve's numbers in words"
grep -qF '<tr><th scope="row">1</th><td class="num">0 of 1<span class="ci">a small sample; 95% CI 0.0&#8211;79.3%</span></td><td class="num">0 of 1<span class="ci">a small sample; 95% CI 0.0&#8211;79.3%</span></td><td class="num"><span class="na">n/a</span><span class="ci">0&#8239;/&#8239;0</span></td><td class="num">2 of 4<span class="ci">a small sample; 95% CI 15.0&#8211;85.0%</span></td><td class="num">3</td></tr>' "$R" ||
    fail "the curve's table"

# --include-runs counts the practice run too.
run_app debrief "$D" --trainee ann --include-runs --html "$WORK/all.html"
expect_status 0 "--include-runs"
expect_in out "Trainee ann: 5 sessions, 11 decisions" "the practice run counted"
[ "$(grep -c '<h3>[0-9]*\. ' "$WORK/all.html")" -eq 5 ] || fail "five sessions with --include-runs"

# Without --html: the terminal only.
run_app debrief "$D" --trainee cat-jones
expect_status 0 "--trainee without --html"
expect_in out "cat-jones         1          2            2/2*" "cat's row"
expect_not_in out "Wrote" "no report without --html"

# An unknown trainee: said, with the ids there are, exit 1, no report.
run_app debrief "$D" --trainee Ann --html "$WORK/none.html"
expect_status 1 "unknown trainee"
expect_in err "no session of trainee 'Ann' in what was given; the trainee ids there are (as logged, case and spaces count): 'ann', 'bob.smith', 'cat-jones'" \
    "the message names the ids there are"
[ -e "$WORK/none.html" ] && fail "a report for an unknown trainee"
# One with only practice runs.
run_app debrief "$D/ann_run.jsonl" --trainee ann
expect_status 1 "only practice runs"
expect_in err "trainee 'ann' has only practice sessions (1 session of mode run, replay or preview, or started with --from or --set), left out of the figures; --include-runs counts them" \
    "practice runs only"
# Usage: --trainee is one trainee's debrief.
run_app debrief "$D" --trainee ann --by trainee
expect_status 2 "--trainee with --by"
expect_in err "--trainee writes one trainee's debrief" "usage message"
run_app debrief "$D" --trainee ann --csv -
expect_status 2 "--trainee with --csv"
# A report that cannot be written: exit 3.
run_app debrief "$D" --trainee ann --html "$WORK/no/such/dir/r.html"
expect_status 3 "unwritable report"
expect_in err "cannot write" "why"

# In a browser: loads with no console message, both charts rendered.
# With two trainees, the group's figure and one's own would give the
# other's: the group's own figures are left out of the report, and it says
# why; from three they are shown (ann's report above).
C="$TEST_DATA_DIR/debrief/cohort"
run_app debrief "$C" --include-runs --trainee t1 --html "$WORK/two.html"
expect_status 0 "the report of one of two trainees"
grep -qF "The group's own figures are shown from 3 trainees" "$WORK/two.html" ||
    fail "the report of one of two trainees does not say why the group's figures are left out"
grep -qF '; the group, ' "$WORK/two.html" && fail "one of two trainees' report gives the group's figure"
grep -qF 'played on 2026-11-27' "$WORK/two.html" || fail "one day's sessions are not said as played on that day"
grep -qF "The group's own figures are shown from" "$R" && fail "ann's group of three is left out"
grep -qF '; the group, ' "$R" || fail "ann's report does not give the group's figure"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    fail "chromium is not installed (./setup.sh installs it)"
    finish
fi
chrome --dump-dom "file://$R" >"$WORK/dom.html" || fail "chromium --dump-dom failed"
msgs=$(grep -E 'CONSOLE|Uncaught|Failed to load resource' "$WORK/console.log" || true)
[ -z "$msgs" ] || fail "console messages while loading the report: $msgs"
[ "$(grep -oE '<svg [^>]*role="img"' "$WORK/dom.html" | wc -l)" -eq 4 ] || fail "the charts in the DOM"
if [ -n "${DEBRIEF_TRAINEE_SCREENSHOT:-}" ]; then
    chrome --hide-scrollbars --window-size=1366,4000 --screenshot="$DEBRIEF_TRAINEE_SCREENSHOT" \
        "file://$R" || fail "screenshot"
fi

finish
