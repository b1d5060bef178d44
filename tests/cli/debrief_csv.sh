#!/usr/bin/env bash
# appraise debrief --csv: one RFC 4180 row per decision, CRLF row ends,
# rationales with commas, quotes and new lines intact — read back here with
# an RFC 4180 reader in awk.
source "$(dirname "$0")/helpers.bash"
D="$TEST_DATA_DIR/debrief"

run_app debrief "$D/cohort" --csv "$WORK/d.csv"
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
want+="viewed,ms_initial,ms_advice,ms_final,timed_out,next"
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

run_app debrief "$D/cohort" --csv -
expect_status 0 "CSV to stdout"
cmp -s "$WORK/out" "$D/expected/cohort.csv" || fail "CSV on stdout"

finish
