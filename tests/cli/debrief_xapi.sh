#!/usr/bin/env bash
# appraise debrief --xapi: the fixture logs (tests/report/logs) exported as
# xAPI 1.0.3 statements; every statement passes Learning Locker's xAPI
# validator (npm @learninglocker/xapi-validation, installed into tests/xapi
# by `npm ci` when missing), the fields are checked exactly, the export is
# the same twice over, and bad flags and unwritable files are refused.
source "$(dirname "$0")/helpers.bash"
LOGS="$TEST_DATA_DIR/report/logs"
XAPI="$TEST_DATA_DIR/xapi"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "FAIL: node and npm are needed to validate the xAPI (./setup.sh installs them)" >&2
    exit 1
fi
if [ ! -d "$XAPI/node_modules/@learninglocker/xapi-validation" ]; then
    (cd "$XAPI" && npm ci --no-audit --no-fund --loglevel=error) >&2 ||
        { echo "FAIL: npm ci in $XAPI" >&2; exit 1; }
fi

export_to() {
    run_app debrief "$LOGS" --xapi "$1" --xapi-homepage https://lms.example.org \
        --xapi-base https://example.org/appraise/
}

export_to "$WORK/x.json"
expect_status 0 "export"
if ! node "$XAPI/validate.js" "$WORK/x.json" >"$WORK/valid.out" 2>&1; then
    fail "the validator rejected statements: $(cat "$WORK/valid.out")"
fi
expect_in_file() { grep -qF -- "$2" "$1" || fail "$3: '$2' not in $(cat "$1")"; }
expect_in_file "$WORK/valid.out" "20 statements, 0 problems" "every statement validated"

if ! node "$XAPI/check_fixture.js" "$WORK/x.json" >"$WORK/fields.out" 2>&1; then
    fail "fields: $(cat "$WORK/fields.out")"
fi

# Real logs: every bundled case played under three policies.
for case in "$SCENARIOS_DIR"/*.lua; do
    for policy in best follow-ai against-ai; do
        "$APPRAISE" run "$case" --policy "$policy" --trainee "$policy" --log-dir "$WORK/runs" \
            >/dev/null 2>&1 || fail "run $case --policy $policy"
    done
done
run_app debrief "$WORK/runs" --xapi "$WORK/runs.json"
expect_status 0 "export of the bundled cases' logs"
if ! node "$XAPI/validate.js" "$WORK/runs.json" >"$WORK/runs.out" 2>&1; then
    fail "the validator rejected statements from played cases: $(head -20 "$WORK/runs.out")"
fi

# The same logs give the same statements, ids included.
export_to "$WORK/again.json"
cmp -s "$WORK/x.json" "$WORK/again.json" || fail "a second export differs from the first"

# The validator can fail: a statement with a duration in words is refused.
sed 's/"duration":"PT4.25S"/"duration":"4.25 seconds"/' "$WORK/x.json" >"$WORK/broken.json"
if node "$XAPI/validate.js" "$WORK/broken.json" >"$WORK/broken.out" 2>&1; then
    fail "the validator accepted a duration in words"
fi
expect_in_file "$WORK/broken.out" "expected ISO Duration" "the validator names the broken field"

# Defaults: the reserved .invalid domain.
run_app debrief "$LOGS" --xapi "$WORK/default.json"
expect_status 0 "export with the default IRIs"
grep -qF '"homePage":"https://appraise.invalid"' "$WORK/default.json" ||
    fail "default homePage is not https://appraise.invalid"
grep -qF '"id":"https://appraise.invalid/xapi/cases/ward/nodes/review"' "$WORK/default.json" ||
    fail "default activity IRIs are not under https://appraise.invalid/xapi"
node "$XAPI/validate.js" "$WORK/default.json" >/dev/null 2>&1 ||
    fail "the default export does not validate"

# Flags that are not absolute IRIs are usage errors; an unwritable file is
# an environment error.
run_app debrief "$LOGS" --xapi "$WORK/y.json" --xapi-base "appraise cases"
expect_status 2 "--xapi-base without a scheme"
expect_in err "--xapi-base" "the message names the flag"
run_app debrief "$LOGS" --xapi "$WORK/y.json" --xapi-homepage lms.example.org
expect_status 2 "--xapi-homepage without a scheme"
run_app debrief "$LOGS" --xapi "$WORK/no/such/folder/x.json"
expect_status 3 "--xapi into a missing folder"

# The flags and their defaults are in the help.
run_app debrief --help
expect_status 0 "debrief --help"
expect_in out "--xapi-homepage URL" "help shows --xapi-homepage"
expect_in out "(default: https://appraise.invalid/xapi)" "help gives the default base"

finish
