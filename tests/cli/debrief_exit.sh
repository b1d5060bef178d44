#!/usr/bin/env bash
# appraise debrief: exit 0 when a session could be used (what was skipped
# goes to stderr), 1 when no session record was found at all, 2 for usage
# mistakes, 3 when an output cannot be written.
source "$(dirname "$0")/helpers.bash"
D="$TEST_DATA_DIR/debrief"

run_app debrief "$D/cohort"
expect_status 0 "a clean cohort"
expect_in out "Read 3 sessions, 8 decisions, from 3 files." "what was read"

run_app debrief "$D/bad"
expect_status 0 "bad input with good sessions in it"
expect_in err "noted:" "a summary of what was skipped"

run_app debrief "$D/no_logs"
expect_status 1 "a folder without logs"
expect_in err "no session record found" "no session: said so"
expect_in err "empty.jsonl: empty file: skipped" "no session: each file reported"

run_app debrief "$WORK/does-not-exist"
expect_status 1 "a path that does not exist"
expect_in err "does-not-exist: cannot read" "missing path reported"

run_app debrief "$WORK/does-not-exist" "$D/cohort/t1_c1.jsonl"
expect_status 0 "a missing path beside a good log"

usage() { # usage WHAT TEXT ARGS...
    local what=$1 text=$2
    shift 2
    run_app "$@"
    expect_status 2 "$what"
    expect_in err "$text" "$what: message"
    expect_in err "Try 'appraise debrief --help'." "$what: hint"
}
usage "no path" "needs at least one log file or folder" debrief
usage "unknown option" "unknown option '--bye'" debrief "$D/cohort" --bye trainee
usage "unknown key" "--by takes trainee, case, variant or session, got 'ward'" \
    debrief "$D/cohort" --by ward
usage "key list with an unknown key" "got 'nurse'" debrief "$D/cohort" --by trainee,nurse
usage "option without value" "--json needs a value" debrief "$D/cohort" --json
usage "option twice" "--csv given twice" debrief "$D/cohort" --csv a.csv --csv b.csv
usage "both to stdout" "cannot both write to stdout" debrief "$D/cohort" --json - --csv -

run_app debrief "$D/cohort" --json "$WORK/no/such/dir/out.json"
expect_status 3 "JSON into a missing folder"
expect_in err "out.json: cannot write" "unwritable JSON named"

run_app debrief "$D/cohort" --csv "$WORK/no/such/dir/out.csv"
expect_status 3 "CSV into a missing folder"
expect_in err "out.csv: cannot write" "unwritable CSV named"

# A pipe named on the command line is read too.
run_app debrief <(cat "$D/cohort/t1_c1.jsonl")
expect_status 0 "a log through a pipe"
expect_in out "Read 1 session, 3 decisions, from 1 file." "the pipe read"

run_app debrief --help
expect_status 0 "help"
expect_in out "--csv FILE" "help tells the CSV"
expect_in out "counts are whole numbers, every other value has a" "help tells how numbers print"

# "--" ends the options: a log whose name starts with a dash.
cp "$D/cohort/t1_c1.jsonl" "$WORK/-odd.jsonl"
(cd "$WORK" && run_app debrief -- -odd.jsonl && expect_status 0 "a file named like an option")

finish
