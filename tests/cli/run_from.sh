#!/usr/bin/env bash
# Start anywhere (cli.md "Start anywhere"): `run` and `play --text` with
# --from NODE and --set KEY=VALUE start at that node with those values;
# session_start records from and set; a --from or --set that does not fit
# is a usage error (exit 2) before any log exists; the debrief leaves such
# sessions out as practice (--include-runs counts them); replay --verify
# plays them again the same.
source "$(dirname "$0")/helpers.bash"
CASE="$TEST_DATA_DIR/cases/from_start.lua"
LOGS="$WORK/logs"

if ! command -v jq >/dev/null; then
    echo "jq is needed (./setup.sh test installs it)" >&2
    exit 1
fi

log_path() { sed -n 's/^appraise: log written to //p' "$WORK/err" | tail -n 1; }

# ---- run: the log says where it started and with what ------------------------
run_app run "$CASE" --policy best --seed 4 --from review --set score=7 \
    --set 'bed="side room"' --set vitals.hr=130 --log-dir "$LOGS"
expect_status 0 "run --from --set"
RUN_LOG=$(log_path)
start=$(head -n 1 "$RUN_LOG")
[ "$(jq -r .from <<<"$start")" = review ] || fail "session_start's from: $start"
[ "$(jq -c .set <<<"$start")" = '["score=7","bed=\"side room\"","vitals.hr=130"]' ] ||
    fail "session_start's set: $start"
node=$(sed -n 2p "$RUN_LOG")
[ "$(jq -r .node <<<"$node")" = review ] || fail "the first node is not review: $node"
[ "$(jq -r .vitals.hr <<<"$node")" = 130 ] || fail "vitals.hr not set: $node"
[ "$(jq -r .vitals.sbp <<<"$node")" = 124 ] || fail "the other vitals not the case's: $node"

# Without them, neither field is written.
run_app run "$CASE" --policy best --seed 4 --log-dir "$WORK/plain"
expect_status 0 "run without --from"
head -n 1 "$(log_path)" | jq -e 'has("from") or has("set") | not' >/dev/null ||
    fail "from/set written without --from/--set"

# ---- refused before anything is written -----------------------------------------
# refused WHAT MESSAGE ARGS...: exit 2 with MESSAGE, and no log folder made.
refused() {
    local what=$1 msg=$2
    shift 2
    rm -rf "$WORK/none"
    run_app "$@" --log-dir "$WORK/none"
    expect_status 2 "$what"
    expect_in err "$msg" "$what"
    expect_in err "Try 'appraise $1 --help'." "$what: the hint"
    [ -z "$(ls -A "$WORK/none" 2>/dev/null)" ] || fail "$what: a log was written"
}
refused "unknown node" \
    "appraise: --from: unknown node 'reveiw' (case from-start has: arrival, bad_end, good_end, review); 'appraise graph $CASE' draws them all" \
    run "$CASE" --policy best --from reveiw
refused "no =" \
    "appraise: --set 'score': write KEY=VALUE, e.g. --set lactate_done=true or --set vitals.hr=130" \
    run "$CASE" --policy best --set score
refused "vital out of range" \
    "appraise: --set 'vitals.hr=900': hr must be a number from 0 to 300, got 900" \
    run "$CASE" --policy best --from review --set vitals.hr=900
refused "unknown vital" "appraise: --set 'vitals.heart=80': unknown vital 'heart'" \
    run "$CASE" --policy best --set vitals.heart=80
refused "not a name" "appraise: --set 'a.b=1': 'a.b' is not a name" \
    run "$CASE" --policy best --set a.b=1
refused "play --text, unknown node" "appraise: --from: unknown node 'nowhere'" \
    play "$CASE" --text --trainee ann --from nowhere
refused "play --text, bad vital" "appraise: --set 'vitals.spo2=120': spo2 must be" \
    play "$CASE" --text --trainee ann --set vitals.spo2=120

# ---- the text mode starts there too ----------------------------------------------
set +e
printf '\n1\n4\n4\n\n\n' | "$APPRAISE" play "$CASE" --text --trainee ann --seed 9 --from review \
    --set score=7 --set vitals.hr=130 --log-dir "$LOGS" >"$WORK/out" 2>"$WORK/err"
status=$?
set -e
expect_status 0 "play --text --from"
expect_in out "lactate_done=nil bed=nil score=7 hr=130 choices=none" "the text mode's first node"
expect_not_in out "A patient arrives." "the node before it was shown"
TEXT_LOG=$(log_path)
start=$(head -n 1 "$TEXT_LOG")
[ "$(jq -r .mode <<<"$start")" = text ] || fail "the text mode's mode: $start"
[ "$(jq -r .from <<<"$start")" = review ] || fail "the text mode's from: $start"
[ "$(jq -c .set <<<"$start")" = '["score=7","vitals.hr=130"]' ] || fail "the text mode's set: $start"

# ---- the debrief leaves them out as practice ----------------------------------------
# The text session alone: mode text, counted were it not started with --from.
mkdir -p "$WORK/text_only"
cp "$TEXT_LOG" "$WORK/text_only/"
run_app debrief "$WORK/text_only"
expect_status 0 "debrief of a session started with --from"
expect_in out "1 practice session left out; --include-runs counts them." "left out as practice"
expect_in out "0 sessions: 0 complete" "no session counted"
run_app debrief "$WORK/text_only" --include-runs
expect_status 0 "debrief --include-runs"
expect_in out "1 session: 1 complete" "--include-runs counts it"
expect_not_in out "practice session" "--include-runs still says one was left out"

# ---- replay --verify plays them the same ---------------------------------------------
for log in "$RUN_LOG" "$TEXT_LOG"; do
    run_app replay "$log" --verify
    expect_status 0 "replay --verify of $(basename "$log")"
    expect_in out "identical" "replay --verify of $(basename "$log")"
done

finish
