#!/usr/bin/env bash
# docs/spec/cli.md says what the program's help says: each command's
# section there lists exactly the options its --help lists (and `appraise
# --help` those of the case library).
source "$(dirname "$0")/helpers.bash"
DOC="$HERE/../../docs/spec/cli.md"

# The options of the section of cli.md whose heading starts with $1: the
# `--opt` at the start of each code span on its "- " lines.
doc_options() {
    awk -v head="$1" '
        index($0, head) == 1 { on = 1; next }
        /^##/ { on = 0 }
        on && /^- / { print }' "$DOC" |
        grep -oE '`--[a-z-]+' | tr -d '`' | sort -u
}

# The options a --help lists: its lines "  --opt ...".
help_options() {
    grep -oE '^  --[a-z-]+' "$WORK/out" | tr -d ' ' | grep -vx -- '--help' | sort -u || true
}

compare() { # compare WHAT: help in $WORK/out against the doc's in $WORK/doc
    help_options >"$WORK/help"
    if [ ! -s "$WORK/doc" ]; then
        fail "$1: cli.md has no section with options"
    elif ! diff -u "$WORK/help" "$WORK/doc" >"$WORK/diff"; then
        fail "$1: the options of --help (-) and of cli.md (+) differ: $(cat "$WORK/diff")"
    fi
}

run_app --help
expect_status 0 "appraise --help"
sed -i -n '/Its options:/,$p' "$WORK/out"
doc_options "### \`appraise\` " >"$WORK/doc"
compare "appraise (the case library)"

for cmd in play run check graph debrief replay; do
    run_app "$cmd" --help
    expect_status 0 "$cmd --help"
    doc_options "### \`appraise $cmd " >"$WORK/doc"
    compare "$cmd"
    # The usage line's options, in the order of the help.
    expect_in out "Usage: appraise $cmd " "$cmd --help starts with its usage"
done

# Every command of `appraise --help` has its section.
run_app --help
for cmd in $(sed -n '/^Commands:/,/^$/p' "$WORK/out" | awk '/^  [a-z]/ { print $1 }'); do
    grep -q "^### \`appraise $cmd" "$DOC" || fail "cli.md has no section for $cmd"
done
finish
