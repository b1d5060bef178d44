#!/usr/bin/env bash
# appraise debrief --json: the spec's document, byte for byte as pinned in
# tests/debrief/expected (values checked by hand in tests/test_metrics.c),
# one group per --by combination, "by": {} without --by, n/a as null.
source "$(dirname "$0")/helpers.bash"
D="$TEST_DATA_DIR/debrief"

same_file() { # same_file GOT WANT WHAT
    if ! cmp -s "$1" "$2"; then
        fail "$3: differs from $2: $(diff "$1" "$2" | head -n 5)"
    fi
}

run_app debrief --include-runs "$D/cohort" --json "$WORK/all.json"
expect_status 0 "cohort"
same_file "$WORK/all.json" "$D/expected/cohort.json" "no --by"
grep -qF '{"v":1,"runs_left_out":0,"groups":[' "$WORK/all.json" || fail "document starts with v and groups"
grep -qF '{"by":{},"metrics":{' "$WORK/all.json" || fail "one group with an empty by"
grep -qF '"agreement":{"value":0.6,"num":3,"den":5,"ci_low":0.2307242812760128,"ci_high":0.882379225767352}' "$WORK/all.json" || fail "a proportion"
grep -qF '"trust_ai_right":{"value":5.333333333333333,"n":3}' "$WORK/all.json" ||
    fail "a mean at full precision with its n"
grep -qF '"trust_ai_wrong":{"value":2.0,"n":2}' "$WORK/all.json" || fail "a whole mean prints 2.0"
grep -qF '"decisions":{"value":8}' "$WORK/all.json" || fail "a count has only its value"
grep -qF '"outcomes":{"value":{"good":1,"neutral":0,"harm":1}}' "$WORK/all.json" ||
    fail "outcomes by kind"
# The research measures (worked by hand in test_metrics_research.c).
grep -qF '"confidence_auroc":{"value":0.8,"n":7}' "$WORK/all.json" || fail "confidence_auroc with its n"
grep -qF '"reliance_table":[{"initial_correct":false,"ai_correct":false,"final_correct":false,"count":0},' \
    "$WORK/all.json" || fail "the 2x2x2 table, first cell"
grep -qF '{"initial_correct":true,"ai_correct":false,"final_correct":true,"count":1}' "$WORK/all.json" ||
    fail "the 2x2x2 table, a cell RSR reads"
grep -qF '"accuracy_split":{"unaided":{"all":{"value":0.6666666666666666,"num":2,"den":3,' "$WORK/all.json" ||
    fail "the accuracy split"
grep -qF '"ai":{"all":{"value":0.6666666666666666,"num":4,"den":6,' "$WORK/all.json" ||
    fail "the AI's own accuracy beside"
grep -qF '"explanation_catch":{"opened":{"value":0.5,"num":1,"den":2,' "$WORK/all.json" ||
    fail "explanation_catch opened"
grep -qF '"not_opened":{"value":null,"num":0,"den":0,"ci_low":null,"ci_high":null}}' "$WORK/all.json" ||
    fail "explanation_catch not opened: n/a"

# The learning curve, the cohort's (worked by hand in test_metrics_curve.c):
# each trainee's 1st case, then t2's 2nd, which has no reliance decision.
grep -qF '"learning_curve":[{"k":1,"over_reliance":{"value":0.5,"num":1,"den":2,' "$WORK/all.json" ||
    fail "the learning curve at the top level, k = 1 first"
grep -qF '"trainees":2},{"k":2,"over_reliance":{"value":null,"num":0,"den":0,"ci_low":null,"ci_high":null}' \
    "$WORK/all.json" || fail "the curve's 2nd case: n/a over-reliance, null interval"

# The per-decision view (decision-log.md, "The per-decision view"), after
# learning_curve: c1's d1 worked by hand from the two sessions' records (AI
# b wrong at 0.8 and 0.7; initial a, a; final b, a; trust 2, 2).
grep -qF '],
"learning_curve":[' "$WORK/all.json" || fail "learning_curve still straight after groups"
grep -qF '
"decisions":[{"case":"c1","case_title":"Case c1","node":"d1","title":null,"prompt":null,"teachings":[],"decisions":2,"advice_shown":2,"ai_right":0,"ai_wrong":2,"ai_confidence_mean":0.75,' \
    "$WORK/all.json" || fail "decisions: the first block, its counts and the AI's mean confidence"
grep -qF '"options":[{"id":"a","label":"a","best":true,"advised":0,"initial":2,"final":1},{"id":"b","label":"b","best":false,"advised":2,"initial":0,"final":1}],"flow":[{"initial":"a","final":"a","count":1},{"initial":"a","final":"b","count":1}],"toward_ai":1,"away_from_ai":0,"followed_wrong":1,"rejected_right":0,"final_right":1,"final_wrong":1,"trust":[0,2,0,0,0,0,0]}' \
    "$WORK/all.json" || fail "decisions: options, the non-zero flow cells, switches and trust"
grep -qF '"flow":[{"initial":"b","final":"a","count":1},{"initial":null,"final":"a","count":1}]' "$WORK/all.json" ||
    fail "decisions: no initial choice is null in the flow"
grep -qF '"node":"d1","title":null,"prompt":null,"teachings":[],"decisions":1,"advice_shown":0,"ai_right":0,"ai_wrong":0,"ai_confidence_mean":null,' \
    "$WORK/all.json" || fail "decisions: no advice, no mean confidence (null)"
grep -qF '
"caught_out":{"case":"c1","node":"d1"}}' "$WORK/all.json" || fail "caught_out names the block, last"
grep -qF 'confident' "$WORK/all.json" && fail "a rationale in the JSON (per-group figures only)"
grep -qF '"t1"' "$WORK/all.json" && fail "a trainee id in the JSON without --by trainee"

run_app debrief --include-runs "$D/cohort" --by trainee --json "$WORK/t.json"
same_file "$WORK/t.json" "$D/expected/cohort_by_trainee.json" "--by trainee"
grep -qF '"advice_requested":{"value":null,"num":0,"den":0,"ci_low":null,"ci_high":null}' "$WORK/t.json" ||
    fail "n/a is null, with its zero denominator"
[ "$(grep -c '^.\{0,1\}{"by":' "$WORK/t.json")" -eq 2 ] || fail "two trainees, two groups"
grep -qF '"learning_curve":[{"k":1,"over_reliance":{"value":0.5,"num":1,"den":2,' "$WORK/t.json" ||
    fail "the learning curve is the cohort's whatever the groups"

run_app debrief --include-runs "$D/cohort" --by case --by variant --json "$WORK/cv.json"
grep -qF '{"by":{"case":"c1","variant":null}' "$WORK/cv.json" || fail "null key value first"
grep -qF '{"by":{"case":"c1","variant":"v2"}' "$WORK/cv.json" || fail "second combination"
grep -qF '{"by":{"case":"c2","variant":null}' "$WORK/cv.json" || fail "third combination"
[ "$(grep -c '"by":' "$WORK/cv.json")" -eq 3 ] || fail "only combinations present"

run_app debrief --include-runs "$D/cohort" --by trainee,case --json "$WORK/tc.json"
grep -qF '{"by":{"trainee":"t2","case":"c2"}' "$WORK/tc.json" || fail "comma-separated keys"

run_app debrief --include-runs "$D/cohort" --by session --json -
expect_status 0 "JSON to stdout"
expect_not_in out "Read 3 sessions" "no terminal summary mixed into JSON on stdout"
expect_in out '{"by":{"session":"aaaaaaaa-0000-4000-8000-000000000001"}' "by session"

# The terminal summary: every metric with num/den or n, n/a where undefined.
run_app debrief --include-runs "$D/cohort" --by trainee --long
cmp -s "$WORK/out" "$D/expected/cohort_by_trainee.txt" ||
    fail "terminal summary: $(diff "$WORK/out" "$D/expected/cohort_by_trainee.txt" | head -n 5)"
expect_in out "advice_requested     n/a          (0/0)" "n/a with its denominator"
expect_in out "median_ms_initial    1500.0 ms    (n=2)" "a median with n"
expect_in out "confidence_auroc     1.000        (n=3)" "confidence_auroc, three places"
expect_in out "reliance table (initial, AI, final; R right, W wrong): WWW 0 WWR 0 WRW 0 WRR 1 RWW 1 RWR 0" \
    "the 2x2x2 table in words"
expect_in out "accuracy (all, AI right, AI wrong): unaided" "the accuracy split"
expect_in out "explanation_catch: followed wrong advice 1/1 with the explanation" "explanation_catch"
expect_in out "Learning curve, over-reliance by each trainee's 1st, 2nd... case: 1/2, n/a" \
    "the learning curve under the cohort's summary"

finish
