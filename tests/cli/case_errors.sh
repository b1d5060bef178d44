#!/usr/bin/env bash
# A case that does not load exits 1 with FILE:LINE; an unknown variant exits 2;
# neither leaves a log.
source "$(dirname "$0")/helpers.bash"

run_app run "$HERE/bad_syntax.lua" --policy best --log-dir "$WORK/logs"
expect_status 1 "bad case"
if ! grep -qE "^appraise: [^ ]*bad_syntax\.lua:[0-9]+: " "$WORK/err"; then
    fail "bad case: no 'appraise: FILE:LINE: message' on stderr: $(cat "$WORK/err")"
fi
expect_not_in err "log written" "bad case"

run_app run "$WORK/no-such-case.lua" --policy best --log-dir "$WORK/logs"
expect_status 1 "missing case file"
expect_in err "no-such-case.lua" "missing case file is named"

run_app run "$HERE/mini.lua" --policy best --variant ai_sideways --log-dir "$WORK/logs"
expect_status 2 "unknown variant"
expect_in err "unknown variant 'ai_sideways'" "unknown variant: message"
expect_in err "ai_right, ai_wrong" "unknown variant lists the variants"

if [ -n "$(find "$WORK" -name '*.jsonl' 2>/dev/null)" ]; then
    fail "a case error left a log"
fi
finish
