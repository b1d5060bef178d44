#!/usr/bin/env bash
# lib/governance.lua gives each reporting option its own feedback: the text
# for the complete response differs from the text for an option that leaves
# something out, and it names the routes the case's settings call for (a
# near miss is still reportable; a Yellow Card only for a marked device).
source "$(dirname "$0")/helpers.bash"
command -v jq >/dev/null || { echo "jq is needed" >&2; exit 1; }

n=0
# play CASE POLICY: plays CASE by POLICY into a new log, kept in $log.
play() {
    n=$((n + 1))
    log="$WORK/$n.jsonl"
    run_app run "$1" --policy "$2" --log "$log"
    expect_status 0 "$(basename "$1") policy $2"
}

# The feedback logged at the decision 'report' in $log.
feedback() {
    jq -r 'select(.type == "decision" and .node == "report") | .feedback // ""' "$log"
}

for name in hca-observations.lua online-triage-navigator.lua examples/recipe-governance.lua; do
    play "$SCENARIOS_DIR/$name" best
    best=$(feedback)
    play "$SCENARIOS_DIR/$name" first
    first=$(feedback)
    [ -n "$best" ] || fail "$name: no feedback for the complete response"
    [ -n "$first" ] || fail "$name: no feedback for the first option"
    [ "$best" != "$first" ] || fail "$name: the same feedback whatever was chosen: $best"
done

# The best path of each case is a near miss (nothing reached the patient).
play "$SCENARIOS_DIR/hca-observations.lua" best
case "$(feedback)" in
    *"near miss is still reportable"*"Yellow Card goes to the MHRA"*) ;;
    *) fail "hca-observations (a marked device): the near-miss feedback is '$(feedback)'" ;;
esac
play "$SCENARIOS_DIR/online-triage-navigator.lua" best
case "$(feedback)" in
    *"near miss is still reportable"*"no Yellow Card applies"*) ;;
    *) fail "online-triage-navigator (not a device): the near-miss feedback is '$(feedback)'" ;;
esac
finish
