#!/usr/bin/env bash
# appraise debrief is honest about small samples: every rate comes with its
# count and its 95% Wilson score interval; one with fewer than 5 decisions
# behind it is said as a count ("1 of 1", not "100%") and marked, in the
# terminal and in the HTML report; a larger one is a percentage. In the
# HTML, every table of rates (beside the other group, variants compared,
# reliance by trainee, by case) and the per-decision block's "followed wrong
# advice" and "overrode right advice" say it the same way.
source "$(dirname "$0")/helpers.bash"
source "$(dirname "$0")/debrief_cohort.bash"
D="$TEST_DATA_DIR/debrief/cohort"

run_app debrief --include-runs "$D/t1_c1.jsonl"
expect_status 0 "one session"
expect_in out "  over_reliance        1 of 1       (1/1, 95% CI 20.7-100.0%) small sample" "1 of 1"
expect_not_in out "100.0%        (" "no 100% in words"

run_app debrief --include-runs "$D"
expect_in out "  agreement            60.0%        (3/5, 95% CI 23.1-88.2%)" "5 decisions: a percentage"
expect_in out "  unaided_accuracy     2 of 3       (2/3, 95% CI 20.8-93.9%) small sample" "2 of 3"

run_app debrief --include-runs "$D/t1_c1.jsonl" --html "$WORK/d.html"
expect_status 0 "--html"
grep -qF '1 of 1 <span class="basis">(fewer than 5: a small sample)</span>' "$WORK/d.html" ||
    fail "HTML: 1 of 1, marked"
grep -qF '1&#8239;/&#8239;1, 95% CI 20.7&#8211;100.0%' "$WORK/d.html" || fail "HTML: the interval"


# in_part HTML ID TEXT: the part of the page from the element with id ID to
# the end of its table (the first </table>) holds TEXT.
in_part() {
    local html=$1 id=$2 text=$3
    awk -v id="id=\"$id\"" 'index($0, id) { p = 1 } p { print } p && /<\/table>/ { exit }' \
        "$html" >"$WORK/part"
    grep -qF -- "$text" "$WORK/part" || fail "HTML #$id: '$text' not there"
}
SMALL='<span class="ci">a small sample; 95% CI'
run_app debrief --include-runs "$D" --compare "$TEST_DATA_DIR/debrief/trainee" --html "$WORK/c.html"
expect_status 0 "--compare --html"
in_part "$WORK/c.html" compare "2 of 3$SMALL 20.8&#8211;93.9%</span>"
in_part "$WORK/c.html" compare '60.0%<span class="ci">3&#8239;/&#8239;5, 95% CI 23.1&#8211;88.2%</span>'
in_part "$WORK/c.html" variants "1 of 1$SMALL 20.7&#8211;100.0%</span>"
in_part "$WORK/c.html" trainees "1 of 2$SMALL 9.5&#8211;90.5%</span>"
in_part "$WORK/c.html" trainees '60.0%<span class="ci">3&#8239;/&#8239;5, 95% CI 23.1&#8211;88.2%</span>'
in_part "$WORK/c.html" cases "1 of 2$SMALL 9.5&#8211;90.5%</span>"
in_part "$WORK/c.html" cases '60.0%<span class="ci">3&#8239;/&#8239;5, 95% CI 23.1&#8211;88.2%</span>'
grep -qF 'overrode right advice: <strong>1</strong> of 2 <span class="basis">(a small sample; 95% CI 9&#8211;91%)</span>' \
    "$WORK/c.html" || fail "HTML per-decision: 1 of 2, marked, with its interval"
if grep -E '<td class="num">[0-9.]+%( |<span class="basis">)' "$WORK/c.html" >"$WORK/bare"; then
    fail "HTML: a percentage without its count and interval: $(head -3 "$WORK/bare")"
fi

# A teaching day: the variants compared and the per-decision block with
# enough decisions for a percentage and its interval.
make_cohort56 "$WORK/cohort"
run_app debrief "$WORK/cohort" --html "$WORK/day.html"
expect_status 0 "--html of the teaching day"
in_part "$WORK/day.html" variants '14.3%<span class="ci">1&#8239;/&#8239;7, 95% CI 2.6&#8211;51.3%</span>'
in_part "$WORK/day.html" variants "2 of 4$SMALL 15.0&#8211;85.0%</span>"
in_part "$WORK/day.html" trainees '0.0%<span class="ci">0&#8239;/&#8239;5, 95% CI 0.0&#8211;43.4%</span>'
in_part "$WORK/day.html" cases '28.6%<span class="ci">4&#8239;/&#8239;14, 95% CI 11.7&#8211;54.6%</span>'
grep -qF 'Followed wrong advice: <strong>2</strong> of 9 <span class="basis">(95% CI 6&#8211;55%)</span>' \
    "$WORK/day.html" || fail "HTML per-decision: 2 of 9 with its interval"

finish
