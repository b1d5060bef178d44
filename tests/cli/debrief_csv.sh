#!/usr/bin/env bash
# appraise debrief --csv: one RFC 4180 row per decision, CRLF row ends,
# rationales with commas, quotes and new lines intact — read back here with
# an RFC 4180 reader in awk.
source "$(dirname "$0")/helpers.bash"
D="$TEST_DATA_DIR/debrief"

run_app debrief --include-runs "$D/cohort" --csv "$WORK/d.csv"
expect_status 0 "cohort to CSV"
cmp -s "$WORK/d.csv" "$D/expected/cohort.csv" ||
    fail "CSV differs from the pinned one: $(diff "$WORK/d.csv" "$D/expected/cohort.csv" | head)"

# csv_field FILE ROW COLUMN: the field (rows and columns from 1, the header
# is row 0), quotes undone, new lines kept.
csv_field() {
    awk -v want_row="$2" -v want_col="$3" '
    BEGIN { RS = "\r\n"; row = 0 }
    {
        rec = (pending == "" ? $0 : pending "\r\n" $0)
        # a record continues while its quotes are unbalanced
        n = gsub(/"/, "\"", rec)
        if (n % 2) { pending = rec; next }
        pending = ""
        if (row == want_row) {
            col = 0; field = ""; i = 1; len = length(rec)
            while (i <= len + 1) {
                c = substr(rec, i, 1)
                if (c == "\"") {
                    i++
                    while (i <= len) {
                        c = substr(rec, i, 1)
                        if (c == "\"" && substr(rec, i + 1, 1) == "\"") { field = field "\""; i += 2 }
                        else if (c == "\"") { i++; break }
                        else { field = field c; i++ }
                    }
                    continue
                }
                if (c == "," || i > len) {
                    col++
                    if (col == want_col) { printf "%s", field; exit }
                    field = ""; i++; continue
                }
                field = field c; i++
            }
        }
        row++
    }' "$1"
}

header=$(head -n 1 "$WORK/d.csv" | tr -d '\r')
want="session,trainee,case,case_version,variant,status,seq,t,at,node,options,best,timing,ai,"
want+="ai_confidence,ai_correct,advice_requested,initial,initial_confidence,final,"
want+="final_confidence,initial_correct,final_correct,followed_ai,switched,trust,rationale,"
want+="viewed,ms_initial,ms_advice,ms_final,timed_out,next,prompt,labels,feedback,time_limit_ms,"
want+="time_limits,counted,initial_label,final_label,ai_label,node_title,teaching"
[ "$header" = "$want" ] || fail "header: $header"

rows=$(awk 'BEGIN { RS = "\r\n" } END { print NR }' "$WORK/d.csv")
[ "$rows" -eq 9 ] || fail "8 decisions and a header, got $rows records"

# Row 3 is t1's first decision (files in name order: sub/ first).
[ "$(csv_field "$WORK/d.csv" 3 2)" = "t1" ] || fail "trainee column"
[ "$(csv_field "$WORK/d.csv" 3 27)" = 'The AI, "confident", said b;
so I went with it' ] || fail "rationale read back: '$(csv_field "$WORK/d.csv" 3 27)'"
[ "$(csv_field "$WORK/d.csv" 4 27)" = "" ] || fail "empty rationale"
[ "$(csv_field "$WORK/d.csv" 5 27)" = "Überprüft: é ü — kept as typed" ] || fail "UTF-8 kept"
[ "$(csv_field "$WORK/d.csv" 8 28)" = "model_card;explanation" ] || fail "viewed joined with ;"
[ "$(csv_field "$WORK/d.csv" 3 15)" = "0.8" ] || fail "ai_confidence"
[ "$(csv_field "$WORK/d.csv" 3 16)" = "false" ] || fail "a boolean"
[ "$(csv_field "$WORK/d.csv" 2 32)" = "true" ] || fail "timed_out of the last decision of sub/"
[ "$(csv_field "$WORK/d.csv" 1 6)" = "incomplete" ] || fail "session status"

# Empty field for null, "" for an empty string: told apart in the bytes.
grep -q ',6,"",,1000,' "$WORK/d.csv" || fail "empty string quoted, null empty"

run_app debrief --include-runs "$D/cohort" --csv -
expect_status 0 "CSV to stdout"
cmp -s "$WORK/out" "$D/expected/cohort.csv" || fail "CSV on stdout"

# Formula injection (OWASP "CSV Injection"): a text field that starts with
# = + - @, a tab or a CR is quoted with a single quote in front, so that a
# spreadsheet shows it rather than runs it; numbers and other text are kept.
run_app debrief --include-runs "$D/formula" --csv "$WORK/f.csv"
expect_status 0 "formula-like fields to CSV"
cmp -s "$WORK/f.csv" "$D/expected/formula.csv" ||
    fail "formula CSV differs from the pinned one: $(diff "$WORK/f.csv" "$D/expected/formula.csv" | head)"
row() { sed -n "$(($1 + 1))p" "$WORK/f.csv"; }
[ "$(row 1)" = $'ffffffff-0000-4000-8000-00000000000f,"\'=1+2",c1,"\'+1.0","\'@v",complete,1,1000,2026-11-27T10:00:01.000Z,d1,a;b,a,with_case,b,0.25,false,,,,a,4,,true,false,,3,"\'-0.25 is what the score said",explanation,,0,2500,false,end,,,,,normal,true,,,,,\r' ] ||
    fail "trainee, version, variant and rationale neutralised, numbers kept: $(row 1)"
grep -qF $',3,"\'\tTabbed in",' "$WORK/f.csv" || fail "a leading tab is neutralised"
grep -qF $',3,"\'\rCarriage return first",' "$WORK/f.csv" || fail "a leading CR is neutralised"
grep -qF $',3,"\'=cmd|\' /C calc\'!A0",' "$WORK/f.csv" || fail "= is neutralised"
grep -qF $',3,"\'+SUM(A1:A9), then ""quoted""",' "$WORK/f.csv" || fail "+ is neutralised, quotes doubled"
grep -qF $',3,"\'@SUM(1)",' "$WORK/f.csv" || fail "@ is neutralised"
grep -qF $',d7,"\'-1;b",a,with_case,b,1,false,' "$WORK/f.csv" || fail "a list starting with - is neutralised"
grep -qF $',3,a=b is fine; so is - later,explanation,' "$WORK/f.csv" || fail "= or - further in is kept as it is"

# The trainee-facing texts: the labels of the initial, final and AI's
# choices (from the decision's labels), the node's title and teaching point
# (from its node record). An older log has none: empty fields (above).
L="$D/trainee/ann_1_ward.jsonl"
run_app debrief "$L" --csv "$WORK/t.csv"
expect_status 0 "a log with labels to CSV"
[ "$(csv_field "$WORK/t.csv" 1 40)" = "Increase observations to hourly and recheck before calling anyone" ] ||
    fail "initial_label: '$(csv_field "$WORK/t.csv" 1 40)'"
want_label="Reorientate her, offer a drink and continue 4-hourly observations: likely post-operative delirium"
[ "$(csv_field "$WORK/t.csv" 1 41)" = "$want_label" ] || fail "final_label: '$(csv_field "$WORK/t.csv" 1 41)'"
[ "$(csv_field "$WORK/t.csv" 1 42)" = "$want_label" ] || fail "ai_label"
[ "$(csv_field "$WORK/t.csv" 1 43)" = "The 02:00 observations" ] || fail "node_title: '$(csv_field "$WORK/t.csv" 1 43)'"
csv_field "$WORK/t.csv" 1 44 | grep -q "^The index stayed quiet, and it was wrong" || fail "teaching of the first node"
csv_field "$WORK/t.csv" 2 44 | grep -q "^Here the index was right" || fail "teaching of the second node"
[ "$(csv_field "$WORK/t.csv" 2 43)" = "04:00" ] || fail "node_title of the second decision"
[ "$(csv_field "$WORK/t.csv" 2 40)" = "" ] || fail "no initial choice (with_case): no initial_label"
csv_field "$WORK/t.csv" 1 36 | grep -q "^Calling it post-operative delirium" || fail "the feedback the trainee got"

# A log with bytes that are not UTF-8 (Latin-1, written by hand or by an
# older version): the CSV has U+FFFD in their place, and is UTF-8.
sed -e 's/"trainee":"t1"/"trainee":"Jos\xe9"/' \
    -e 's/so I went with it/so I went \xe0 it/' "$D/cohort/t1_c1.jsonl" >"$WORK/latin1.jsonl"
run_app debrief --include-runs "$WORK/latin1.jsonl" --csv "$WORK/l.csv"
expect_status 0 "a Latin-1 log to CSV"
expect_in err "bytes that are not UTF-8: read with U+FFFD in their place" "Latin-1 reported"
iconv -f UTF-8 -t UTF-8 "$WORK/l.csv" >/dev/null 2>&1 || fail "the CSV of a Latin-1 log is not UTF-8"
grep -qF $'Jos\xef\xbf\xbd,' "$WORK/l.csv" || fail "trainee not repaired in the CSV"
grep -qF $'so I went \xef\xbf\xbd it"' "$WORK/l.csv" || fail "rationale not repaired in the CSV"

finish
