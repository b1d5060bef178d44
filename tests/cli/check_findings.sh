#!/usr/bin/env bash
# appraise check on the fixture cases of tests/check/: each defect reported
# exactly as tests/check/NAME.out says (FILE:LINE: error|warning: message,
# the path to it, the summary), the exit codes, --strict, many files at once,
# usage errors, and the bundled cases.
source "$(dirname "$0")/helpers.bash"
: "${TEST_DATA_DIR:?}" "${SCENARIOS_DIR:?}"
cd "$TEST_DATA_DIR/check"

# fixture and its exit code without --strict
expected_status() {
    case $1 in
    clean | advice_by_path | ai_always_right | ai_wrong_one_decision | no_debrief | no_feedback | variant_ending | trainee_text | \
        same_advice_time | teach_*) echo 0 ;;
    *) echo 1 ;;
    esac
}

for lua in *.lua; do
    name=${lua%.lua}
    run_app check "$lua"
    expect_status "$(expected_status "$name")" "check $lua"
    if ! diff -u "$name.out" "$WORK/out" >"$WORK/diff"; then
        fail "check $lua: output differs from $name.out: $(cat "$WORK/diff")"
    fi
    [ -s "$WORK/err" ] && fail "check $lua: unexpected stderr: $(cat "$WORK/err")"
done

# --strict: warnings fail too (the teaching mistakes of teach_*.lua among
# them); a clean case still passes.
for name in ai_always_right no_debrief no_feedback variant_ending trainee_text teach_*.lua; do
    name=${name%.lua}
    run_app check --strict "$name.lua"
    expect_status 1 "check --strict $name.lua"
done
run_app check --strict clean.lua
expect_status 0 "check --strict clean.lua"
expect_in out "clean.lua: ok (0 errors, 0 warnings)" "clean case reported clean"
# The AI wrong at its one advised decision, reached in two states: one
# decision, so not the always-wrong mistake.
run_app check --strict ai_wrong_one_decision.lua
expect_status 0 "check --strict ai_wrong_one_decision.lua"
# Variants that differ in their time limit alone are not the same-advice
# mistake.
run_app check --strict same_advice_time.lua
expect_status 0 "check --strict same_advice_time.lua"
expect_not_in out "give the same advice" "time pressure alone"

# Many files at once: each reported in turn, then the totals.
run_app check clean.lua unreachable.lua no_debrief.lua
expect_status 1 "check of three files with one error"
cat clean.out unreachable.out no_debrief.out >"$WORK/want"
echo "checked 3 files: 1 error, 1 warning" >>"$WORK/want"
diff -u "$WORK/want" "$WORK/out" >"$WORK/diff" || fail "three files: $(cat "$WORK/diff")"
run_app check clean.lua no_debrief.lua
expect_status 0 "warnings alone do not fail without --strict"

# A limit on depth, one variant only.
run_app check --max-depth 3 overlong.lua
expect_status 1 "check --max-depth 3"
expect_in out "overlong.lua:6: error: a path goes on for more than 3 decisions" "max-depth"
expect_in out "  path: count=again ×4" "max-depth path"
run_app check --variant right variant_ending.lua
expect_status 1 "one variant: the other's ending is unreachable"
expect_in out "variant_ending.lua:18: error: node 'left_end' is not reached by any path" \
    "one variant"
expect_not_in out "variant left" "one variant"

# The bound on states: reported, and what it would say about reach left out.
run_app check --max-states 5 overlong.lua
expect_status 0 "check --max-states 5: a warning"
expect_in out "overlong.lua:6: warning: the walk stopped at 5 distinct states" "bound reported"
expect_in out "1 cut short by a bound" "bound in the summary"
run_app check --strict --max-states 5 overlong.lua
expect_status 1 "check --strict --max-states 5"

# Usage and environment.
run_app check
expect_status 2 "check without a file"
run_app check --frobnicate clean.lua
expect_status 2 "unknown option"
expect_in err "unknown option '--frobnicate'" "unknown option named"
run_app check --max-states zero clean.lua
expect_status 2 "bad --max-states"
run_app check --variant middle variant_ending.lua
expect_status 2 "unknown variant"
expect_in err "unknown variant 'middle' (case " "unknown variant named"
run_app check no-such-case.lua
expect_status 1 "missing file"
expect_in out "no-such-case.lua: error: cannot open the case file" "missing file reported"

# The bundled cases: every one clean under --strict (issue: the case library).
run_app check --strict "$SCENARIOS_DIR"/*.lua
expect_status 0 "bundled cases are clean under --strict: $(grep -E ': (error|warning): ' "$WORK/out" || true)"
finish
