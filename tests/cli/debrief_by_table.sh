#!/usr/bin/env bash
# appraise debrief --by KEY prints one table row per group with the main
# figures, each rate with its count; --long keeps the block of every
# figure per group; without --by the one block of all sessions is printed.
source "$(dirname "$0")/helpers.bash"
D="$TEST_DATA_DIR/debrief"

run_app debrief --include-runs "$D/cohort" --by trainee
expect_status 0 "--by trainee"
cat >"$WORK/want" <<'TABLE'
trainee  sessions  decisions  final accuracy  over-reliance  under-reliance  agreement  mean trust  timeouts
t1              1          3            1/3*           1/1*            1/2*       2/3*        4.67       0/0
t2              2          5            2/2*           0/1*            0/1*       1/2*        3.00       1/1
Rates are count/total, then the percentage. Timeouts: of the decisions with a time limit in force.
* fewer than 5 decisions behind the rate: a small sample, given as a count.
--long prints every figure of each group.
TABLE
tail -n 6 "$WORK/out" >"$WORK/got"
cmp -s "$WORK/got" "$WORK/want" || fail "table by trainee: $(diff "$WORK/got" "$WORK/want")"
expect_not_in out "  median_ms_final" "no block per trainee without --long"
[ "$(grep -c '^  ' "$WORK/out")" -eq 0 ] || fail "no figure one a line: $(cat "$WORK/out")"

# --long: the block of every figure each, as before the table.
run_app debrief --include-runs "$D/cohort" --by trainee --long
expect_status 0 "--by trainee --long"
cmp -s "$WORK/out" "$D/expected/cohort_by_trainee.txt" ||
    fail "--long: $(diff "$WORK/out" "$D/expected/cohort_by_trainee.txt" | head -n 5)"

# From 5 decisions on, a rate has its percentage and no mark; two keys give
# two key columns; a group without a value says (none).
run_app debrief "$D/quits" --by trainee,variant
expect_in out "trainee  variant  sessions  decisions  final accuracy" "two key columns"
expect_in out "t1       (none)          4         12        4/12 33%           4/4*         4/8 50%   8/12 67%        4.67       0/0" \
    "rates with percentages from 5 on"

# No mark printed: no footnote about it.
run_app debrief --include-runs "$D/modes" --by case
expect_in out "c1           6         18        6/18 33%       6/6 100%        6/12 50%  12/18 67%        4.67       0/0" \
    "one row per case"
expect_not_in out "small sample" "no footnote without a mark"

# Without --by, --long changes nothing: the one block.
run_app debrief --include-runs "$D/cohort"
cp "$WORK/out" "$WORK/plain"
run_app debrief --include-runs "$D/cohort" --long
cmp -s "$WORK/out" "$WORK/plain" || fail "--long without --by"
expect_in out "All sessions" "the block of all sessions"

finish
