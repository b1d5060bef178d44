#!/usr/bin/env bash
# appraise debrief GROUP_A --compare GROUP_B: the other group read the same
# way (practice runs left out unless --include-runs, one group whatever --by
# says), its main figures beside this group's in the terminal (two columns),
# the HTML summary (a table of both) and the JSON (a "compare" object with
# the other group's metrics as a group's are written).
source "$(dirname "$0")/helpers.bash"
A="$TEST_DATA_DIR/debrief/cohort"
B="$TEST_DATA_DIR/report/logs"

run_app debrief --include-runs "$A" --compare "$B" --json "$WORK/c.json" --html "$WORK/c.html"
expect_status 0 "--compare"
expect_in out "Beside the other group ($B):" "the terminal names the other group"
expect_in out "this group                 other group" "the terminal's two columns"
# A: 1 of 2 followed wrong advice; B: 2 of 5.
grep -qE '^  Over-reliance +1 of 2 \(small sample\) +40\.0% \(2/5\)$' "$WORK/out" ||
    fail "over-reliance of both groups side by side: $(cat "$WORK/out")"
grep -qE '^  Sessions +3 +5$' "$WORK/out" || fail "the sessions of both groups: $(cat "$WORK/out")"
expect_in out "Over-reliance: following advice that was wrong. Lower is better; the cohort followed wrong advice 1 time out of 2." \
    "the terminal says the three figures in plain words"

python3 - "$WORK/c.json" "$B" <<'PY' || fail "the JSON compare object"
import json, sys
d = json.load(open(sys.argv[1]))
c = d["compare"]
assert c["paths"] == [sys.argv[2]], c["paths"]
assert c["runs_left_out"] == 0, c
o = c["metrics"]["over_reliance"]
assert (o["num"], o["den"]) == (2, 5), o
assert c["metrics"]["sessions"]["value"] == 5
assert d["groups"][0]["metrics"]["over_reliance"]["den"] == 2
PY

grep -qF '<h3 id="compare">Beside the other group</h3>' "$WORK/c.html" || fail "the HTML summary has no comparison"
grep -qF 'aria-label="This group beside the other group"' "$WORK/c.html" || fail "the HTML comparison table"
grep -qF '40.0%<span class="ci">2&#8239;/&#8239;5, 95% CI 11.8&#8211;76.9%</span>' "$WORK/c.html" ||
    fail "the other group's over-reliance in the HTML, with its count and interval"

# Without --include-runs the other group's practice runs are left out too
# (the fixture logs are runs), and --by does not split it.
run_app debrief "$A" --by trainee --compare "$B" --json -
expect_status 0 "--compare --by trainee"
python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["compare"]["runs_left_out"] == 5, d["compare"]
assert "by" not in d["compare"]
assert d["compare"]["metrics"]["sessions"]["value"] == 0
' <"$WORK/out" || fail "the other group leaves its practice runs out: $(head -c 300 "$WORK/out")"
run_app debrief "$A" --by trainee --compare "$B"
expect_in out "(the other group: 5 practice sessions left out)" "the terminal says the other group's runs left out"

# Without --compare: no "compare" in the JSON, no comparison on the page.
run_app debrief --include-runs "$A" --json "$WORK/n.json" --html "$WORK/n.html"
grep -qF '"compare"' "$WORK/n.json" && fail "a compare object without --compare"
grep -qF 'Beside the other group' "$WORK/n.html" "$WORK/out" && fail "a comparison without --compare"

# --compare is repeatable: two folders make one other group.
run_app debrief --include-runs "$A" --compare "$B" --compare "$A" --json -
python3 -c '
import json, sys
c = json.load(sys.stdin)["compare"]
assert len(c["paths"]) == 2 and c["metrics"]["sessions"]["value"] == 8, c
' <"$WORK/out" || fail "two --compare paths: $(head -c 300 "$WORK/out")"

finish
