#!/usr/bin/env bash
# `appraise graph --variant NAME` draws one variant: the recommendation as
# that variant resolves it, and only the moves the walk sees in it.
source "$(dirname "$0")/helpers.bash"
CASE="$HERE/graph_marks.lua"

run_app graph "$CASE" --variant ai_wrong
expect_status 0 "--variant ai_wrong"
expect_in out 'variant ai_wrong' "title names the variant"
if ! grep -qE '^  "choice" -> "router" \[label="wait: .*\\n\[AI\]", style="bold"' "$WORK/out"; then
    fail "ai_wrong: the wrong option is not marked [AI] in bold"
fi
if grep -qE '^  "choice" -> "good_end" .*AI' "$WORK/out"; then
    fail "ai_wrong: the option recommended only in ai_right is marked"
fi
if ! grep -qE '^  "router" -> "bad_end" .*dashed' "$WORK/out"; then
    fail "ai_wrong: the next function's target in this variant is missing"
fi
if grep -qE '^  "router" -> "neutral_end"' "$WORK/out"; then
    fail "ai_wrong: drew a target the next function gives only in ai_right"
fi

run_app graph "$CASE" --variant=ai_right
expect_status 0 "--variant=ai_right"
if ! grep -qE '^  "choice" -> "good_end" .*\\n\[AI\]", style="bold"' "$WORK/out"; then
    fail "ai_right: the recommended option is not marked [AI] in bold"
fi
if ! grep -qE '^  "router" -> "neutral_end" .*dashed' "$WORK/out"; then
    fail "ai_right: the next function's target in this variant is missing"
fi
if grep -qE '^  "router" -> "bad_end"' "$WORK/out"; then
    fail "ai_right: drew a target the next function gives only in ai_wrong"
fi

# The bundled example: its recommendation is a function of the variant.
run_app graph "$SCENARIOS_DIR/sepsis-ed.lua" --variant ai_wrong
expect_status 0 "sepsis-ed --variant ai_wrong"
if ! grep -qE '^  "first_look" -> "worse" \[label="repeat: .*\[AI\]' "$WORK/out"; then
    fail "sepsis-ed ai_wrong: 'repeat' is not the AI's"
fi

run_app graph "$CASE" --variant ai_sideways
expect_status 2 "unknown variant"
expect_in err "unknown variant 'ai_sideways' (case cli-graph-marks has: ai_right, ai_wrong)" \
    "unknown variant lists the variants"
if [ -s "$WORK/out" ]; then fail "unknown variant wrote DOT"; fi

run_app graph "$HERE/timed.lua" --variant ai_right
expect_status 2 "--variant on a case without variants"
expect_in err "has no variants" "case without variants says so"

run_app graph "$CASE" --variant
expect_status 2 "--variant without a name"
expect_in err "--variant needs a value" "missing variant name"

run_app graph "$CASE" --variant ai_right --variant ai_wrong
expect_status 2 "--variant twice"
# Options, best options and an outcome written as functions of the variant.
DYN="$HERE/graph_dynamic.lua"
run_app graph "$DYN"
expect_status 0 "graph of values decided in play"
if ! grep -qE '^  "a" -> "b" \[label="✓ p: P in vx\\n\(best in vx\)\\n\[AI\]", style="dashed,bold"' "$WORK/out"; then
    fail "all variants: options found in play, best in one variant: $(grep '"a" -> "b"' "$WORK/out")"
fi
if ! grep -qE '^  "a" -> "c" \[label="✓ q: Q\\n\(best in vy\)", style="dashed"' "$WORK/out"; then
    fail "all variants: the other variant's best: $(grep '"a" -> "c"' "$WORK/out")"
fi
expect_in out '"b" [label="GOOD or HARM\nb"' "an outcome that differs by variant names both"

run_app graph "$DYN" --variant vy
expect_status 0 "graph of values decided in play, one variant"
if ! grep -qE '^  "a" -> "b" \[label="p: P in vy\\n\[AI\]"' "$WORK/out"; then
    fail "vy: p is not best there: $(grep '"a" -> "b"' "$WORK/out")"
fi
if ! grep -qE '^  "a" -> "c" \[label="✓ q: Q", style="dashed", color="#009E73:invis:#009E73"' "$WORK/out"; then
    fail "vy: q is best there: $(grep '"a" -> "c"' "$WORK/out")"
fi
expect_in out '"b" [label="HARM\nb", shape=doubleoctagon, style="filled", fillcolor="#D55E00"' \
    "vy: the ending's outcome as the variant resolves it"
finish
