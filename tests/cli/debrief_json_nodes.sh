#!/usr/bin/env bash
# appraise debrief --json, the per-decision view ("decisions", "caught_out";
# the cohort's figures are pinned in debrief_json.sh): a log written before
# labels and titles were logged gives its options with their ids as labels
# and null titles, prompts and no teaching points; with no counted decision
# the list is empty and nothing caught anyone out; --compare still comes
# last.
source "$(dirname "$0")/helpers.bash"
OLD="$TEST_DATA_DIR/golden/before-feedback/golden_ward.jsonl"
D="$TEST_DATA_DIR/debrief"

run_app debrief --include-runs "$OLD" --json "$WORK/old.json"
expect_status 0 "an older log"
grep -qF '
"decisions":[{"case":"golden-ward","case_title":"Golden: the deteriorating ward patient","node":"review","title":null,"prompt":null,"teachings":[],' \
    "$WORK/old.json" || fail "older log: the block has null title and prompt, no teaching point"
grep -qF '"options":[{"id":"escalate","label":"escalate","best":true,"advised":0,"initial":0,"final":1},{"id":"wait","label":"wait","best":false,"advised":1,"initial":1,"final":0}]' \
    "$WORK/old.json" || fail "older log: the ids stand in for the labels"
grep -qF '"flow":[{"initial":"wait","final":"escalate","count":1}],"toward_ai":0,"away_from_ai":1,' "$WORK/old.json" ||
    fail "older log: switched away from the AI"
grep -qF '"node":"escalated",' "$WORK/old.json" || fail "older log: its second decision"
grep -qF '"flow":[{"initial":null,"final":null,"count":1}]' "$WORK/old.json" ||
    fail "older log: a decision with no choice is the null-null cell"
grep -qF '
"caught_out":null}' "$WORK/old.json" || fail "older log: nothing caught out (no wrong final choice)"

# n = 0: the practice run is left out, so no decision is counted.
run_app debrief "$OLD" --json "$WORK/none.json"
expect_status 0 "a practice run only"
grep -qF '"runs_left_out":1,' "$WORK/none.json" || fail "n=0: the run is left out"
grep -qF '
"learning_curve":[],
"decisions":[],
"caught_out":null}' "$WORK/none.json" || fail "n=0: empty decisions, null caught_out"

# --compare's key stays last, after the new ones.
run_app debrief --include-runs "$D/cohort" --compare "$OLD" --json "$WORK/cmp.json"
expect_status 0 "--compare"
grep -qF '
"caught_out":{"case":"c1","node":"d1"},
"compare":' "$WORK/cmp.json" || fail "--compare: compare after caught_out"

finish
