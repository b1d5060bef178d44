#!/usr/bin/env bash
# Usage errors exit 2 with a hint, before anything is loaded or logged.
source "$(dirname "$0")/helpers.bash"
CASE="$HERE/mini.lua"

usage() { # usage WHAT TEXT ARGS...
    local what=$1 text=$2
    shift 2
    run_app "$@"
    expect_status 2 "$what"
    expect_in err "$text" "$what: message"
    expect_in err "Try 'appraise" "$what: hint"
}

usage "unknown command" "unknown command 'frobnicate'" frobnicate
usage "no case" "needs a case file" run --policy best
usage "neither inputs nor policy" "exactly one of --inputs FILE and --policy P" run "$CASE"
usage "both inputs and policy" "exactly one of" run "$CASE" --policy best --inputs -
usage "unknown policy" "unknown policy 'bestest'" run "$CASE" --policy bestest
usage "negative seed" "--seed must be a whole number from 0 to 18446744073709551615, got '-1'" \
    run "$CASE" --policy best --seed -1
usage "seed not a number" "got 'abc'" run "$CASE" --policy best --seed abc
usage "seed too large" "got '18446744073709551616'" run "$CASE" --policy best \
    --seed 18446744073709551616
usage "seed with sign" "got '+5'" run "$CASE" --policy best --seed=+5
usage "option without value" "--seed needs a value" run "$CASE" --policy best --seed
usage "unknown option" "unknown option '--polcy'" run "$CASE" --polcy best
usage "option twice" "--policy given twice" run "$CASE" --policy best --policy first
usage "two cases" "unexpected 'other.lua'" run "$CASE" other.lua --policy best
usage "log and log-dir" "not both" run "$CASE" --policy best --log a.jsonl --log-dir d
usage "empty trainee" "--trainee needs a non-empty id" run "$CASE" --policy best --trainee ""

if [ -n "$(find "$WORK" -name '*.jsonl' 2>/dev/null)" ]; then
    fail "a usage error left a log"
fi
finish
