#!/usr/bin/env bash
# `appraise run` from an inputs file: a path to the end, inputs that end
# early, inputs that do not fit, inputs left over, stdin; and every policy.
source "$(dirname "$0")/helpers.bash"
CASE="$HERE/mini.lua"
LOGS="$WORK/logs"

# The newest log's path, from appraise's own message.
log_path() { sed -n 's/^appraise: log written to //p' "$WORK/err" | tail -n 1; }

# last_status: the status of the log's session_end record.
end_status() {
    local log
    log=$(log_path)
    grep '"type":"session_end"' "$log" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p'
}

cat >"$WORK/full.txt" <<'IN'
# the trainee overrides wrong advice
continue
choose wait          # initial: agrees with the AI
confidence 3
choose treat         # final: changes their mind
confidence 5
trust 2
rationale "Lactate is high; the score misses it"
continue             # leave the feedback
IN

run_app run "$CASE" --inputs "$WORK/full.txt" --log-dir "$LOGS" --trainee t1 --seed 7
expect_status 0 "full path"
expect_in err "appraise: log written to $LOGS/" "full path says where the log is"
if [ "$(end_status)" != complete ]; then
    fail "full path: session_end status '$(end_status)', expected complete"
fi
log=$(log_path)
grep -q '"mode":"run"' "$log" || fail "full path: mode is not run"
grep -q '"seed":7' "$log" || fail "full path: seed 7 not logged"
grep -q '"trainee":"t1"' "$log" || fail "full path: trainee not logged"
grep -q '"final":"treat"' "$log" || fail "full path: final choice not logged"
# Virtual time: 8 actions at 1 s each, the last at t = 8000.
grep '"type":"session_end"' "$log" | grep -q '"t":8000' || fail "full path: session_end not at t=8000"

# The same inputs from stdin give the same records (apart from ids and wall time).
run_app run "$CASE" --inputs - --log-dir "$LOGS" --trainee t1 --seed 7 <"$WORK/full.txt"
expect_status 0 "stdin"
strip() { sed -E 's/"(session|at|case_file|host_os)":"[^"]*"//g' "$1"; }
if [ "$(strip "$log")" != "$(strip "$(log_path)")" ]; then
    fail "the same inputs gave different logs"
fi

# Inputs that end early: logged as quit, exit 1 naming the node.
printf 'continue\nchoose wait\n' >"$WORK/short.txt"
run_app run "$CASE" --inputs "$WORK/short.txt" --log-dir "$LOGS"
expect_status 1 "inputs ending early"
expect_in err "short.txt: the inputs ended before the case did" "early end message"
expect_in err "at node choice" "early end names the node"
expect_in err "log written to" "early end still says where the log is"
if [ "$(end_status)" != quit ]; then
    fail "early end: session_end status '$(end_status)', expected quit"
fi

# An action that does not fit: error naming its line; session ends "error".
printf 'continue\n\n# comment\nconfidence 4\n' >"$WORK/misfit.txt"
run_app run "$CASE" --inputs "$WORK/misfit.txt" --log-dir "$LOGS"
expect_status 1 "misfit action"
expect_in err "appraise: $WORK/misfit.txt:4: " "misfit names INPUTS:LINE"
if [ "$(end_status)" != error ]; then
    fail "misfit: session_end status '$(end_status)', expected error"
fi
grep '"type":"session_end"' "$(log_path)" | grep -qF "misfit.txt:4: " ||
    fail "misfit: the logged error does not name the line"

# Inputs left over after the end: an error naming the line; the log is complete.
cp "$WORK/full.txt" "$WORK/extra.txt"
printf 'continue\n' >>"$WORK/extra.txt"
run_app run "$CASE" --inputs "$WORK/extra.txt" --log-dir "$LOGS"
expect_status 1 "left-over inputs"
expect_in err "extra.txt:10: " "left-over names its line"
if [ "$(end_status)" != complete ]; then
    fail "left-over: session_end status '$(end_status)', expected complete"
fi

# A syntax error in the inputs: exit 1 with the line, before any log exists.
printf 'continue\nchose treat\n' >"$WORK/typo.txt"
before=$(find "$LOGS" -name '*.jsonl' | wc -l)
run_app run "$CASE" --inputs "$WORK/typo.txt" --log-dir "$LOGS"
expect_status 1 "inputs typo"
expect_in err "typo.txt:2: unknown action 'chose'" "inputs typo message"
[ "$(find "$LOGS" -name '*.jsonl' | wc -l)" -eq "$before" ] || fail "inputs typo made a log"

run_app run "$CASE" --inputs "$WORK/none.txt" --log-dir "$LOGS"
expect_status 1 "missing inputs file"
expect_in err "none.txt" "missing inputs file is named"

# A rationale longer than a log keeps (10,000 characters): the line is named
# before any log exists.
{
    sed -n 1,7p "$WORK/full.txt"
    printf 'rationale %s\n' "$(head -c 10001 /dev/zero | tr '\0' x)"
} >"$WORK/long.txt"
before=$(find "$LOGS" -name '*.jsonl' | wc -l)
run_app run "$CASE" --inputs "$WORK/long.txt" --log-dir "$LOGS"
expect_status 1 "rationale over the cap"
expect_in err "long.txt:8: the rationale is 10001 characters long; a rationale may have at most 10000" \
    "rationale over the cap names its line"
[ "$(find "$LOGS" -name '*.jsonl' | wc -l)" -eq "$before" ] || fail "rationale over the cap made a log"

# Inputs that never end (a program writing to a pipe): read as the case
# plays, so the session ends at the case's ending, with little memory, and
# the first input after it is left over. (timeout and the memory limit only
# bound a failure: reading all of standard input first would never end. A
# sanitizer build needs its large address space, so it goes without.)
TIMED="$HERE/timed.lua"
bounded() {
    # (no pipe into grep -q here: with pipefail, ldd's SIGPIPE would read as
    # "not a sanitizer build")
    case "$(ldd "$APPRAISE" 2>/dev/null)" in
    *libasan*) ;;
    *) ulimit -v 1048576 ;;
    esac
    exec timeout 20 "$@"
}
set +e
yes 'wait 1' | (bounded "$APPRAISE" run "$TIMED" --inputs - --log-dir "$LOGS") >"$WORK/out" 2>"$WORK/err"
status=${PIPESTATUS[1]}
set -e
[ "$status" -ne 124 ] || fail "endless stdin: still reading after 20 s"
expect_status 1 "endless stdin"
expect_in err "<stdin>:31: the case has already ended; this input and any after it are left over" \
    "endless stdin stops at the ending"
if [ "$(end_status)" != complete ]; then
    fail "endless stdin: session_end status '$(end_status)', expected complete"
fi
grep -q '"timed_out":true' "$(log_path)" || fail "endless stdin: the time limit did not fire"
if [ -x /usr/bin/time ]; then
    set +e
    yes 'wait 1' | /usr/bin/time -f '%M' -o "$WORK/rss" bash -c "$(declare -f bounded); bounded \"\$@\"" \
        - "$APPRAISE" run "$TIMED" --inputs - --log-dir "$LOGS" >/dev/null 2>&1
    set -e
    rss=$(tail -n 1 "$WORK/rss")
    [ "$rss" -lt 100000 ] || fail "endless stdin: ${rss} KiB resident, expected well under 100 MiB"
fi

# A mistake in piped inputs is found when its line comes: the session ends
# "error" naming it (a file is checked whole first, see the typo above).
run_app run "$CASE" --inputs - --log-dir "$LOGS" < <(printf 'continue\nchose treat\n')
expect_status 1 "piped typo"
expect_in err "<stdin>:2: unknown action 'chose'" "piped typo names its line"
if [ "$(end_status)" != error ]; then
    fail "piped typo: session_end status '$(end_status)', expected error"
fi

# Every policy plays the case to an ending.
for p in best follow-ai against-ai first random; do
    run_app run "$CASE" --policy "$p" --log-dir "$LOGS" --variant ai_wrong
    expect_status 0 "policy $p"
    [ "$(end_status)" = complete ] || fail "policy $p did not complete"
done
run_app run "$CASE" --policy follow-ai --log "$WORK/exact.jsonl"
expect_status 0 "--log FILE"
grep -q '"final":"wait"' "$WORK/exact.jsonl" || fail "follow-ai did not follow the advice"
grep -q '"trust":6' "$WORK/exact.jsonl" || fail "follow-ai did not rate trust 6"

finish
