#!/usr/bin/env bash
# appraise debrief is honest about small samples: every rate comes with its
# count and its 95% Wilson score interval; one with fewer than 5 decisions
# behind it is said as a count ("1 of 1", not "100%") and marked, in the
# terminal and in the HTML report; a larger one is a percentage.
source "$(dirname "$0")/helpers.bash"
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

finish
