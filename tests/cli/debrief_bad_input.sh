#!/usr/bin/env bash
# Bad input loses nothing and stops nothing: each kind is reported on
# stderr (file and line where known) and every good session is used.
source "$(dirname "$0")/helpers.bash"
D="$TEST_DATA_DIR/debrief"

run_app debrief --include-runs "$D/bad" --json "$WORK/bad.json"
expect_status 0 "a folder of bad input"
expect_in out "Read 7 sessions" "every good session used"
expect_in err "torn.jsonl:3: torn last line" "torn last line"
expect_in err "no_end.jsonl: session dddddddd-0000-4000-8000-000000000005 has no session_end" \
    "log without session_end"
expect_in err "unknown field 'mood' in decision records ignored" "unknown field"
expect_in err "unknown record type 'bookmark' ignored" "unknown record type"
expect_in err "blank_lines.jsonl:2: 3 blank lines skipped" "blank lines"
expect_in err "notes.txt: not a session log" "a non-log file"
expect_in err "other.json:1: not a session log" "a JSON file that is not a log"
expect_in err "dup_b.jsonl:1: session dddddddd-0000-4000-8000-000000000008 was already read from" \
    "the same session twice"
expect_in err "case 'c3' played in version 2.0 here and in version 1.0" "two case versions"
expect_in err "bad_line.jsonl:3: not JSON: line skipped" "a line that is not JSON"
expect_in err "newer.jsonl:1: records of log version 2 are not read" "a newer log version"
expect_in err "noted: 2 files that are not logs, 1 torn last lines" "summary"
grep -qF '"incomplete":{"value":2}' "$WORK/bad.json" || fail "incomplete sessions counted"
grep -qF '"sessions":{"value":7,' "$WORK/bad.json" || fail "duplicates counted once"

# The same session given twice on the command line is used once.
run_app debrief --include-runs "$D/cohort/t1_c1.jsonl" "$D/cohort/t1_c1.jsonl"
expect_status 0 "a log given twice"
expect_in out "Read 1 session, 3 decisions" "used once"
expect_in err "was already read from" "reported"

# A torn line in the middle of a copy: the rest of the file is used.
head -c 300 "$D/cohort/t1_c1.jsonl" >"$WORK/cut.jsonl"
run_app debrief --include-runs "$WORK/cut.jsonl"
expect_status 1 "only a torn first line: no session"
expect_in err "cut.jsonl:1: torn last line" "torn first line reported"

finish
