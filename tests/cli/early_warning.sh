#!/usr/bin/env bash
# early_warning (scenario-format.md "Vitals"): a case that says "none" logs
# no NEWS2 (null in every node record) whatever its observations; the same
# case without the key logs the score; a word other than news2 or none is an
# error naming the file, the line and the words allowed.
source "$(dirname "$0")/helpers.bash"
command -v jq >/dev/null || { echo "jq is needed" >&2; exit 1; }

CASE="$TEST_DATA_DIR/cases/early_warning_none.lua"
run_app run "$CASE" --policy first --log "$WORK/none.jsonl"
expect_status 0 "run with early_warning none"
scores=$(jq -r 'select(.type == "node") | .news2' "$WORK/none.jsonl" | sort -u)
[ "$scores" = "null" ] || fail "early_warning none still logs NEWS2: $scores"

# The same case with the key taken out: NEWS2 is the default.
grep -v 'early_warning = "none"' "$CASE" >"$WORK/news2.lua"
run_app run "$WORK/news2.lua" --policy first --log "$WORK/news2.jsonl"
expect_status 0 "run without early_warning"
first=$(jq -r 'select(.type == "node") | .news2' "$WORK/news2.jsonl" | head -n 1)
# hr 135 (3) + sbp 162 (0) + rr 26 (3) + spo2 95 (1) + temp 36.9 (0) + V (3)
[ "$first" = "10" ] || fail "without early_warning the first node logs NEWS2 $first, expected 10"

sed 's/early_warning = "none"/early_warning = "mews"/' "$CASE" >"$WORK/bad.lua"
line=$(grep -n 'early_warning = "mews"' "$WORK/bad.lua" | cut -d: -f1)
run_app run "$WORK/bad.lua" --policy first --log "$WORK/bad.jsonl"
expect_status 1 "early_warning mews"
grep -q "bad.lua:$line: .*early_warning 'mews' is not one of news2, none" "$WORK/err" ||
    fail "early_warning mews: message was: $(cat "$WORK/err")"
finish
