#!/usr/bin/env bash
# appraise debrief --html: the appendix's "Research measures" (folded in
# <details>, linked from the section nav) gives what --json gives: the
# 2x2x2 reliance table cell by cell, RAIR and RSR with their counts and
# intervals, the accuracy split, explanation_catch and every point of the
# learning curve, on the hand-worked cohort (tests/debrief/cohort).
source "$(dirname "$0")/helpers.bash"
D="$TEST_DATA_DIR/debrief"
H="$WORK/cohort.html"
J="$WORK/cohort.json"

run_app debrief --include-runs "$D/cohort" --html "$H" --json "$J"
expect_status 0 "cohort --html --json"

grep -qF '<section id="research">' "$H" || fail "no research section"
grep -qF '<a href="#research">research measures</a>' "$H" || fail "no nav entry for the section"
sed -n '/<section id="research">/,/<\/section>/p' "$H" >"$WORK/research.html"
head -n 3 "$WORK/research.html" | grep -qF '<details>' || fail "the section is not folded in <details>"
for caption in 'Decisions by initial, AI and final correctness' \
    'RAIR and RSR, read from the reliance table' \
    "Accuracy unaided, with the AI and the AI's own" \
    'Over-reliance with and without the explanation' \
    "Reliance by each trainee's case number"; do
    grep -qF "<caption>$caption</caption>" "$WORK/research.html" || fail "no table captioned: $caption"
done
grep -qF '<th scope="row">' "$WORK/research.html" || fail "rows without header cells"

# The 2x2x2 table, each cell as in the JSON's reliance_table.
jq -r '.groups[0].reliance_table[] |
    "\(if .initial_correct then 1 else 0 end)\(if .ai_correct then 1 else 0 end)\(if .final_correct then 1 else 0 end) \(.count)"' \
    "$J" >"$WORK/cells"
[ "$(wc -l <"$WORK/cells")" -eq 8 ] || fail "the JSON has not 8 cells"
while read -r cell count; do
    grep -qF "data-cell=\"$cell\">$count</td>" "$WORK/research.html" ||
        fail "cell $cell: want $count"
done <"$WORK/cells"

# RAIR and RSR: "1 of 1" marked, or the count with its interval.
for key in rair rsr; do
    num=$(jq -r ".groups[0].metrics.$key.num" "$J")
    den=$(jq -r ".groups[0].metrics.$key.den" "$J")
    grep -qF "${num}&#8239;/&#8239;${den}" "$WORK/research.html" || fail "$key: no $num / $den"
done

# Every point of the learning curve, its trainees and both rates' counts.
n=$(jq '.learning_curve | length' "$J")
[ "$n" -ge 2 ] || fail "the cohort's curve has fewer than 2 points"
[ "$(grep -c '<tr data-point=' "$WORK/research.html")" -eq "$n" ] || fail "not $n curve rows"
jq -r '.learning_curve[] |
    "\(.k) \(.trainees) \(.over_reliance.num) \(.over_reliance.den) \(.under_reliance.num) \(.under_reliance.den)"' \
    "$J" >"$WORK/points"
while read -r k t on od un ud; do
    row=$(grep -F "<tr data-point=\"$k\">" "$WORK/research.html" || true)
    [[ "$row" == *"<td class=\"num\">$t</td>"* ]] || fail "point $k: want $t trainees"
    [[ "$row" == *"${on}&#8239;/&#8239;${od}"* ]] || fail "point $k: over-reliance $on / $od"
    [[ "$row" == *"${un}&#8239;/&#8239;${ud}"* ]] || fail "point $k: under-reliance $un / $ud"
done <"$WORK/points"

# explanation_catch as the JSON's: 1 of 2 opened (a small sample, said as a
# count and marked) with its Wilson interval; none not opened.
grep -qF '<tr><th scope="row">Opened</th><td>1 of 2 <span class="basis">(fewer than 5: a small sample)</span></td><td>1&#8239;/&#8239;2, 95% CI 9.5&#8211;90.5%</td></tr>' \
    "$WORK/research.html" || fail "explanation_catch opened: 1 of 2, marked, with its interval"
[ "$(jq -c '.groups[0].explanation_catch.opened | [.num, .den]' "$J")" = "[1,2]" ] ||
    fail "the JSON's explanation_catch changed: update this test"
grep -qF '<tr><th scope="row">Not opened</th><td><span class="na">n/a</span></td><td>0&#8239;/&#8239;0</td></tr>' \
    "$WORK/research.html" || fail "explanation_catch not opened: n/a, 0 / 0"

# The accuracy split, each row's counts in the JSON's order.
for pair in "unaided:Unaided" "with_ai:With the AI" "ai:The AI's own"; do
    key=${pair%%:*} label=${pair#*:}
    want=$(jq -r ".groups[0].accuracy_split.$key | [.all, .ai_right, .ai_wrong] |
        map(\"\(.num)&#8239;/&#8239;\(.den)\") | join(\".*\")" "$J")
    grep -F "<tr><th scope=\"row\">$label" "$WORK/research.html" | grep -q "$want" ||
        fail "accuracy split $key: want $want"
done
grep -qF 'What good looks like' "$WORK/research.html" || fail "no plain words on what good looks like"

finish
