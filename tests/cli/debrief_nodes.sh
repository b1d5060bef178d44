#!/usr/bin/env bash
# The HTML report's per-decision view (tools/debrief_nodes.h), end to end:
# logs written by `appraise run` give one block per decision with the
# options' labels as logged (not their ids), the node's title and teaching
# point, a flow chart where choices were made before the advice, and the
# summary's link to the decision that caught most out; practice runs stay
# out of it unless --include-runs; a log written before labels and titles
# were logged gives its blocks with the ids.
source "$(dirname "$0")/helpers.bash"
CASE="$SCENARIOS_DIR/sepsis-ed.lua"
OLD="$TEST_DATA_DIR/golden/before-feedback/golden_ward.jsonl"

for policy in best follow-ai against-ai; do
    "$APPRAISE" run "$CASE" --policy "$policy" --trainee "$policy" --log-dir "$WORK/logs" \
        >/dev/null 2>&1 || fail "run $CASE --policy $policy"
done

run_app debrief --include-runs "$WORK/logs" --html "$WORK/r.html"
expect_status 0 "debrief --include-runs --html"
R="$WORK/r.html"
grep -qF '<section id="per-decision">' "$R" || fail "no per-decision view"
grep -qF '<section class="decision" id="d-sepsis_2ded-first_5flook">' "$R" ||
    fail "no block for sepsis-ed's first_look"
# its options by their labels, not their ids
grep -qF 'Start cultures, IV antibiotics, fluid and oxygen now; call the registrar to see her alongside' "$R" ||
    fail "the option's label is not in the block"
grep -qE '<th scope="row">[A-Z] .{0,80}(senior_first|treat_now)' "$R" &&
    fail "an option is shown by its id where the log has its label"
grep -qF 'The sepsis score, 02:15</h3>' "$R" || fail "the node's title is not the block's heading"
grep -qF '<strong>Teaching point:</strong> The score was low' "$R" || fail "no teaching point"
grep -qE '<svg [^>]*data-chart="flow"' "$R" || fail "no flow chart"
grep -qF 'policy best' "$R" || fail "no rationale"
link=$(grep -o '<p class="caught-out">The decision that caught most out: <a href="#[^"]*"' "$R" |
    sed 's/.*href="#//; s/"$//')
[ -n "$link" ] || fail "the summary does not name the decision that caught most out"
grep -qF "<section class=\"decision\" id=\"$link\">" "$R" || fail "the caught-out link ($link) leads nowhere"
blocks=$(grep -o '<section class="decision" id="[^"]*"' "$R" | wc -l)
unique=$(grep -o '<section class="decision" id="[^"]*"' "$R" | sort -u | wc -l)
[ "$blocks" -ge 2 ] && [ "$blocks" -eq "$unique" ] || fail "blocks: $blocks, unique ids: $unique"

# practice runs left out by default: then no decision to show
run_app debrief "$WORK/logs" --html "$WORK/default.html"
grep -qF 'No decisions to show.' "$WORK/default.html" || fail "runs in the per-decision view by default"
grep -q 'class="decision"' "$WORK/default.html" && fail "a block of a practice run by default"

# an older log: its blocks with the option ids
run_app debrief --include-runs "$OLD" --html "$WORK/old.html"
expect_status 0 "debrief of a log older than labels"
[ "$(grep -c '<section class="decision"' "$WORK/old.html")" -eq 2 ] || fail "the older log's 2 blocks"
grep -qE '<th scope="row">A <span class="(ok|bad)-mark">[^<]*</span> (escalate|wait|fluids|antibiotics)<' \
    "$WORK/old.html" || fail "the older log's options are not shown by their ids"
finish
