#!/usr/bin/env bash
# The authoring guide's examples (scenarios/examples/*.lua): each loads, is
# played to an ending under every policy in every variant, and is clean
# under `appraise check --strict`. Every case shown in scenarios/README.md
# is one of these files, word for word, and every file is shown there.
source "$(dirname "$0")/helpers.bash"
EXAMPLES="$SCENARIOS_DIR/examples"
GUIDE="$SCENARIOS_DIR/README.md"
LOGS="$WORK/logs"
POLICIES=(best follow-ai against-ai first random)

# The variants of a case, from the loader's own message for an unknown one.
variants_of() {
    "$APPRAISE" run "$1" --policy first --variant '-' --log-dir "$LOGS" 2>&1 >/dev/null |
        sed -n 's/.*(case [^ ]* has: \(.*\))$/\1/p' | tr -d ','
}

# The log of the last run, from appraise's message.
last_log() { sed -n 's/^appraise: log written to //p' "$WORK/err" | tail -n 1; }

examples=("$EXAMPLES"/*.lua)
if [ "${#examples[@]}" -lt 7 ] || [ ! -e "${examples[0]}" ]; then
    fail "expected the guide's examples in $EXAMPLES"
fi

for f in "${examples[@]}"; do
    name=$(basename "$f")
    read -r -a variants <<<"$(variants_of "$f")"
    [ "${#variants[@]}" -gt 0 ] || variants=("")
    for v in "${variants[@]}"; do
        for p in "${POLICIES[@]}"; do
            what="$name policy $p${v:+ variant $v}"
            run_app run "$f" --policy "$p" ${v:+--variant "$v"} --log-dir "$LOGS"
            expect_status 0 "$what"
            log=$(last_log)
            if [ -z "$log" ] || ! grep -q '"type":"ending"' "$log"; then
                fail "$what: the log has no ending"
            fi
        done
    done
done

# The time-limit recipe does what the guide says when the time runs out.
printf 'wait 61\n' >"$WORK/slow.inputs"
run_app run "$EXAMPLES/recipe-time-limit.lua" --inputs "$WORK/slow.inputs" --log-dir "$LOGS"
expect_status 0 "time-limit recipe, time runs out"
if ! grep '"type":"decision"' "$(last_log)" | grep -q '"timed_out":true'; then
    fail "time-limit recipe: the decision is not logged as timed out"
fi
if ! grep '"type":"ending"' "$(last_log)" | grep -q '"node":"worse"'; then
    fail "time-limit recipe: time running out does not lead to 'worse'"
fi

# appraise check --strict: no errors and no warnings in any example.
run_app check "$EXAMPLES/smallest-case.lua"
if grep -q "not available" "$WORK/err"; then
    fail "appraise check is not available in this build"
else
    run_app check --strict "${examples[@]}"
    expect_status 0 "appraise check --strict on the examples"
fi

# The guide: each ```lua block that is a case starts with its file's path
# and is that file exactly; each example is shown.
if [ ! -f "$GUIDE" ]; then
    fail "no guide at $GUIDE"
    finish
fi
mkdir -p "$WORK/blocks"
awk -v dir="$WORK/blocks" '
    /^```lua[ \t]*$/ { n++; inside = 1; file = sprintf("%s/%03d.lua", dir, n); printf "" >file; next }
    inside && /^```[ \t]*$/ { inside = 0; close(file); next }
    inside { print >>file }
' "$GUIDE"
shown=" "
for block in "$WORK"/blocks/*.lua; do
    [ -e "$block" ] || continue
    if ! grep -q 'return case' "$block"; then
        # A fragment: each of its lines is a line of some example, so the
        # steps cannot drift from the files they build.
        while IFS= read -r line; do
            [ -n "${line// /}" ] || continue
            if ! grep -qxF -- "$line" "${examples[@]}"; then
                fail "a fragment in the guide has a line found in no example: '$line'"
            fi
        done <"$block"
        continue
    fi
    path=$(sed -n '1s/^-- \(scenarios\/examples\/[a-z0-9-]*\.lua\)$/\1/p' "$block")
    if [ -z "$path" ]; then
        fail "a case in the guide does not start with '-- scenarios/examples/NAME.lua': $(head -n 1 "$block")"
        continue
    fi
    file="$SCENARIOS_DIR/../$path"
    if [ ! -f "$file" ]; then
        fail "the guide shows $path, which does not exist"
    elif ! diff -u "$file" "$block" >"$WORK/diff"; then
        fail "the guide's copy of $path differs from the file: $(head -n 20 "$WORK/diff")"
    fi
    shown="$shown$(basename "$path") "
done
for f in "${examples[@]}"; do
    case "$shown" in *" $(basename "$f") "*) ;; *) fail "$(basename "$f") is not shown in the guide" ;; esac
done
if ! grep -q '^## The case library' "$GUIDE"; then
    fail "the guide has no '## The case library' section"
fi
finish
