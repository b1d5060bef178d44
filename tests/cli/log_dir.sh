#!/usr/bin/env bash
# A log folder that cannot be written is an environment error (exit 3) found
# before play, so no log (and no half session) is made.
source "$(dirname "$0")/helpers.bash"

# A folder below a plain file cannot be created, even by root.
: >"$WORK/plain"
run_app run "$HERE/mini.lua" --policy best --log-dir "$WORK/plain/logs"
expect_status 3 "unwritable --log-dir"
expect_not_in err "log written" "unwritable --log-dir"

run_app run "$HERE/mini.lua" --policy best --log "$WORK/plain/logs/x.jsonl"
expect_status 3 "unwritable --log folder"

# The default folder comes from XDG_DATA_HOME.
XDG_DATA_HOME="$WORK/plain" run_app run "$HERE/mini.lua" --policy best
expect_status 3 "unwritable default folder"

if [ -n "$(find "$WORK" -name '*.jsonl' 2>/dev/null)" ]; then
    fail "an unwritable folder still got a log"
fi

# --log refuses to overwrite an existing file.
echo keep >"$WORK/exists.jsonl"
run_app run "$HERE/mini.lua" --policy best --log "$WORK/exists.jsonl"
if [ "$status" -eq 0 ]; then
    fail "--log overwrote an existing file"
fi
if [ "$(cat "$WORK/exists.jsonl")" != keep ]; then
    fail "--log changed an existing file"
fi
finish
