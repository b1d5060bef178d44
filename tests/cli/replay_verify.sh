#!/usr/bin/env bash
# `appraise replay LOG --verify`: logs of every bundled case under every
# policy, with seeds up to 2^64 - 1, verify "identical"; so do logs with
# waits, time limits, early ends and inputs that do not fit, and a case
# drawing random numbers at 0, 2^53 + 1 and 2^64 - 1. A case file changed
# since the session (a label, a best answer) is named with its first
# differing record, exit 1; --case FILE replays against another copy.
source "$(dirname "$0")/helpers.bash"
LOGS="$WORK/logs"
MAX=18446744073709551615

# The newest log's path, from appraise's own message.
log_path() { sed -n 's/^appraise: log written to //p' "$WORK/err" | tail -n 1; }

# verify_ok LOG WHAT: replay LOG --verify says identical, exit 0.
verify_ok() {
    run_app replay "$1" --verify
    expect_status 0 "$2"
    expect_in out "identical" "$2"
}

# run_then_verify WHAT ARGS...: `appraise run ARGS`, then verify its log.
run_then_verify() {
    local what=$1 log
    shift
    run_app run "$@" --log-dir "$LOGS"
    log=$(log_path)
    if [ -z "$log" ]; then
        fail "$what: no log written; stderr: $(cat "$WORK/err")"
        return
    fi
    verify_ok "$log" "$what"
}

# Every bundled case, every policy; the random policy with other seeds too.
for case_file in "$SCENARIOS_DIR"/*.lua; do
    name=$(basename "$case_file" .lua)
    for policy in best follow-ai against-ai first random; do
        run_then_verify "$name $policy seed 2^64-1" "$case_file" --policy "$policy" \
            --seed "$MAX" --trainee "t-$policy"
    done
    for seed in 0 9007199254740993; do
        run_then_verify "$name random seed $seed" "$case_file" --policy random --seed "$seed"
    done
done

# A case whose vitals come from s.random: the seed must come back exactly.
RANDOM_CASE="$TEST_DATA_DIR/cases/replay_timed.lua"
cat >"$WORK/random.txt" <<'IN'
choose a
confidence 6
choose a
confidence 6
trust 2
rationale "B was wrong"
continue
continue
choose a
rationale ""
IN
for seed in 0 9007199254740993 "$MAX"; do
    run_app run "$RANDOM_CASE" --inputs "$WORK/random.txt" --seed "$seed" --log-dir "$LOGS"
    expect_status 0 "random case, seed $seed"
    log=$(log_path)
    grep -qF "\"seed\":$seed," "$log" || fail "random case: seed $seed not logged exactly"
    verify_ok "$log" "random case, seed $seed"
done
# (2^53, the double nearest 2^53 + 1, draws other vitals: the check can fail.)
run_app run "$RANDOM_CASE" --inputs "$WORK/random.txt" --seed 9007199254740992 --log-dir "$LOGS"
near=$(grep '"node":"middle"' "$(log_path)" | sed 's/.*"vitals"//')
run_app run "$RANDOM_CASE" --inputs "$WORK/random.txt" --seed 9007199254740993 --log-dir "$LOGS"
exact=$(grep '"node":"middle"' "$(log_path)" | sed 's/.*"vitals"//')
[ "$near" != "$exact" ] || fail "seeds 2^53 and 2^53 + 1 drew the same vitals"

# Waits that fire nothing, a time limit that runs out, inputs ending early,
# an action that does not fit: each log verifies.
printf 'wait 10\nchoose shock\n' >"$WORK/wait.txt"
run_then_verify "a wait before the choice" "$HERE/timed.lua" --inputs "$WORK/wait.txt"
printf 'wait 31\n' >"$WORK/timeout.txt"
run_then_verify "a time limit running out" "$HERE/timed.lua" --inputs "$WORK/timeout.txt"
printf 'continue\nchoose wait\n' >"$WORK/short.txt"
run_then_verify "inputs ending early (quit)" "$HERE/mini.lua" --inputs "$WORK/short.txt"
printf 'continue\nconfidence 4\n' >"$WORK/misfit.txt"
run_then_verify "an input that does not fit (error)" "$HERE/mini.lua" --inputs "$WORK/misfit.txt"

# A case changed since the session. Played from its folder, so the log
# names it by a relative path.
mkdir -p "$WORK/held"
cp "$HERE/mini.lua" "$WORK/held/mini.lua"
cat >"$WORK/full.txt" <<'IN'
continue
choose wait
confidence 3
view explanation
choose treat
confidence 5
trust 2
rationale "Lactate is high"
continue
IN
(cd "$WORK/held" && "$APPRAISE" run mini.lua --inputs "$WORK/full.txt" --log-dir "$LOGS" \
    2>"$WORK/err") || fail "the held case did not play"
held_log=$(log_path)
(cd "$WORK/held" && "$APPRAISE" replay "$held_log" --verify >"$WORK/out" 2>&1) ||
    fail "the held case's log does not verify: $(cat "$WORK/out")"
grep -qF identical "$WORK/out" || fail "the held case's log is not identical"

# From elsewhere the relative case_file is not found: say so, and --case.
run_app replay "$held_log" --verify
expect_status 1 "case_file not found"
expect_in err "cannot be loaded (give it with --case FILE)" "case_file not found"
run_app replay "$held_log" --verify --case "$WORK/held/mini.lua"
expect_status 0 "--case"
expect_in out "identical" "--case"

# The advice's words changed (the log keeps them nowhere; it keeps the
# labels): only the case's digest differs, nothing that was played.
sed -i 's/message = "Low risk."/message = "Risk is low."/' "$WORK/held/mini.lua"
run_app replay "$held_log" --verify --case "$WORK/held/mini.lua"
expect_status 1 "the advice's message changed"
expect_in out "first difference: seq 0 (session_start), field case_sha256: logged \"" \
    "the advice's message changed"
expect_in out "the records of play are the same" "the advice's message changed"

# A label changed: the decision record shows it.
sed -i 's/label = "Treat now"/label = "Treat at once"/' "$WORK/held/mini.lua"
run_app replay "$held_log" --verify --case "$WORK/held/mini.lua"
expect_status 1 "a label changed"
expect_in out "field labels" "a label changed"

# A best answer changed: the first record of play that differs is named.
sed -i 's/best = { "treat" }/best = { "wait" }/' "$WORK/held/mini.lua"
run_app replay "$held_log" --verify --case="$WORK/held/mini.lua"
expect_status 1 "a best answer changed"
expect_in out 'first difference in play: seq 5 (decision), field best: logged ["treat"], replayed ["wait"]' \
    "a best answer changed"

# Usage, and what is not a log.
run_app replay --verify
expect_status 2 "no LOG"
run_app replay "$held_log" --verify --seed 3
expect_status 2 "an option --verify does not take"
expect_in err "replay --verify takes only --case FILE" "an option --verify does not take"
run_app replay "$HERE/mini.lua" --verify
expect_status 1 "a case file is not a log"
expect_in err "not a session log" "a case file is not a log"
run_app replay --help
expect_status 0 "replay --help"
expect_in out "--verify" "replay --help"

finish
