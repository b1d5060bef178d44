#!/usr/bin/env bash
# What the map shows, on a fixture with every feature (graph_marks.lua):
# shapes per node kind, endings filled and labelled by outcome, each option
# coloured by whether it is best (green, double, a tick), the AI's
# recommendation (purple, bold, [AI], per variant), both (blue, double and
# bold, both marks) or neither (black, single);
# the time-out dotted, targets of a next function found by the walk dashed,
# a node no path reaches, author text escaped, a legend; the same DOT every time.
source "$(dirname "$0")/helpers.bash"
CASE="$HERE/graph_marks.lua"

run_app graph "$CASE"
expect_status 0 "graph of the marks fixture"
cp "$WORK/out" "$WORK/map.dot"

# expect_line REGEX WHAT: some line of the DOT matches the extended regex.
expect_line() {
    if ! grep -qE -- "$1" "$WORK/map.dot"; then
        fail "$2: no line matches /$1/"
    fi
}
expect_no_line() {
    if grep -qE -- "$1" "$WORK/map.dot"; then
        fail "$2: a line matches /$1/: $(grep -E -- "$1" "$WORK/map.dot" | head -n 1)"
    fi
}

expect_line '^  "choice" \[.*shape=diamond' "decision drawn as a diamond"
expect_line '^  "intro" \[label="The intro\\n\(intro\)".*shape=box, style="rounded,filled"' \
    "narrative drawn as a rounded box with its title and id"
expect_line '^  "good_end" \[label="GOOD\\n.*shape=doubleoctagon.*fillcolor="#56B4E9"' \
    "good ending: labelled GOOD, blue"
expect_line '^  "neutral_end" \[label="NEUTRAL\\n.*shape=doubleoctagon.*fillcolor="#F0E442"' \
    "neutral ending: labelled NEUTRAL, yellow"
expect_line '^  "bad_end" \[label="HARM\\n.*shape=doubleoctagon.*fillcolor="#D55E00"' \
    "harm ending: labelled HARM, vermillion"
expect_line '^  "choice" \[label="choice\\nAI: MarkScore, after_initial\\ntime limit 45 s"' \
    "decision names its AI, the timing and the time limit"

expect_line '^  "choice" -> "good_end" \[label="✓ treat: Treat \\"now\\" &amp;\\nwatch\\\\closely\\n\[AI in ai_right\]", style="bold", penwidth=2.5, color="#0072B2:invis:#0072B2"\];$' \
    "best and the AI's (in one variant): tick, [AI in VARIANT], blue, double and bold"
expect_line '^  "choice" -> "neutral_end" \[label="✓ refer: Refer to a senior\\ncolleague for a second\\nopinion before acting", color="#009E73:invis:#009E73"\];$' \
    "best only: tick, green double line"
expect_line '^  "choice" -> "router" \[label="wait: Wait an hour\\n\[AI in ai_wrong\]", style="bold", penwidth=2.5, color="#A8508A"\];$' \
    "the AI's only (in the other variant): [AI in VARIANT], purple bold line, no tick"
expect_no_line '^  "choice" -> "neutral_end" .*AI' "an option never recommended has no AI mark"
expect_line '^  "choice" -> "bad_end" \[label="time runs out \(45 s\)", style="dotted"\];$' \
    "time-out: dotted, labelled"
expect_line '^  "router" -> "neutral_end" .*style="dashed"' "next function target found by the walk (ai_right): dashed"
expect_line '^  "router" -> "bad_end" .*style="dashed"' "next function target found by the walk (ai_wrong): dashed"
expect_line '^  "orphan" \[label="orphan\\n\(never reached\)".*dashed' "a node no path reaches says so"

# Author text: quotes and backslashes escaped, & as &amp;, a newline as a
# space; long labels wrapped. (Text that is not UTF-8 never gets here: the
# loader refuses it; test_dot_text checks that DOT text would clean it.)
expect_line 'Treat \\"now\\" &amp;\\nwatch\\\\closely' "quotes, ampersand and backslash escaped"
expect_line 'wait: Wait an hour' "newline cleaned"
expect_line 'refer: Refer to a senior\\ncolleague' "long label wrapped"
expect_line '^  graph \[label="Map \\"test\\" case &amp; friends\\ncli-graph-marks 1.0 · all variants \(ai_right, ai_wrong\)"' \
    "title escaped, with id, version and variants"

expect_line '^  subgraph "cluster_legend" \{' "legend"
for mark in 'option \(neither\)' '✓ best option' '\[AI\] recommended' '✓ \[AI\] best and' 'time runs out' 'found in play' '\(never reached\)' \
    'GOOD\\nending' 'NEUTRAL\\nending' 'HARM\\nending'; do
    expect_line "^    \"LEGEND-[^\"]*\" \[.*label=\"$mark" "legend shows $mark"
done
expect_line '^    "LEGEND-from-1" -> "LEGEND-to-1" \[minlen=2, color="#009E73:invis:#009E73"\];$' "legend: best, green double"
expect_line '^    "LEGEND-from-2" -> "LEGEND-to-2" \[minlen=2, style=bold, penwidth=2.5, color="#A8508A"\];$' "legend: the AI's, purple bold"
expect_line '^    "LEGEND-from-3" -> "LEGEND-to-3" \[minlen=2, style=bold, penwidth=2.5, color="#0072B2:invis:#0072B2"\];$' "legend: both, blue double bold"

# The fixture's orphan is an error for check; graph still draws and says so.
expect_in err "warning: 'appraise check $CASE' finds 1 error" "graph points to check"

if command -v dot >/dev/null; then
    if ! dot -Tsvg "$WORK/map.dot" >/dev/null 2>"$WORK/dot_err" || [ -s "$WORK/dot_err" ]; then
        fail "dot did not render the marks fixture cleanly: $(cat "$WORK/dot_err")"
    fi
else
    fail "Graphviz 'dot' is not installed"
fi

run_app graph "$CASE"
if ! cmp -s "$WORK/out" "$WORK/map.dot"; then
    fail "two runs gave different DOT"
fi

# A next function the walk never saw return (it fails) points to a note
# naming the function's line.
run_app graph "$TEST_DATA_DIR/cases/runtime_fns.lua"
expect_status 0 "graph of a case that fails in play"
expect_in out '"PLAY-' "unresolved target drawn as a note"
expect_in out 'decided in play\n(function, line 15)' "the note names the function's line"

# Best and the recommendation that depend on an earlier choice: the walk
# marks every choice where it is played, so both options are best and the
# AI's on some paths (the shortest path alone shows only treat).
run_app graph "$TEST_DATA_DIR/cases/graph_paths.lua"
expect_status 0 "graph of a case whose marks depend on the path"
cp "$WORK/out" "$WORK/map.dot"
expect_line '^  "first" -> "second" \[label="✓ bloods: Send bloods\\n\[AI\]", style="bold", penwidth=2.5, color="#0072B2:invis:#0072B2"\];$' \
    "best and the AI's everywhere: no qualifier"
expect_line '^  "first" -> "second" \[label="scan: Scan first"\];$' "neither: plain black line"
expect_line '^  "second" -> "good_end" \[label="✓ treat: Treat\\n\(best on some paths\)\\n\[AI on some paths\]", style="bold", penwidth=2.5, color="#0072B2:invis:#0072B2"\];$' \
    "treat: best and the AI's on some paths"
expect_line '^  "second" -> "neutral_end" \[label="✓ watch: Watch\\n\(best on some paths\)\\n\[AI on some paths\]", style="bold", penwidth=2.5, color="#0072B2:invis:#0072B2"\];$' \
    "watch: best and the AI's on some paths, though not on the shortest path"
expect_line '^  "good_end" \[label="GOOD\\nTreated in time.\\n\(good_end\)"' "an ending labelled with its outcome"
finish
