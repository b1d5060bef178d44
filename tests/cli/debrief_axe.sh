#!/usr/bin/env bash
# appraise debrief --html meets WCAG 2.2 AA as far as a machine can tell, in
# Debian's Chromium driven by puppeteer-core (tests/axe, installed there by
# `npm ci` when missing; no browser is ever downloaded):
# - check.js: axe-core finds no violation of the wcag2a, wcag2aa, wcag21a,
#   wcag21aa and wcag22aa rules in the screen media (1280 and 320 px wide)
#   or the print media, and at 320 px the page does not scroll sideways;
# - keyboard.js: Tab reaches every link, summary and scroll region with a
#   visible focus on screen, every <details> closes and opens with Enter and
#   with Space, at 320 px the arrow keys scroll each table box too wide for
#   the screen, closed <details> still print, and no two links with the
#   same words lead to different places;
# - charts.js: Chromium's accessibility tree names every chart by its title
#   and its description in words and numbers, and each chart's text stands
#   out by 4.5:1 as the page is and under a dark contrast theme (forced
#   colours);
# - marks.js: a screen reader reads each ✓ and ✗ of the table of every
#   decision as "(right)" or "(wrong)", not as the symbol.
# On two reports: the fixture logs' (tests/report/logs: an incomplete
# session, an error, markup in names and rationales) and a cohort's: every
# bundled case played under three policies by as many trainees (so several
# variants), some with the time limits doubled or off, a timed case left to
# time out, with --by groups. Each checker is shown to fail on a copy of the
# report with a known barrier, so that a pass means something.
source "$(dirname "$0")/helpers.bash"
LOGS="$TEST_DATA_DIR/report/logs"
AXE="$TEST_DATA_DIR/axe"
TIMED="$TEST_DATA_DIR/cli/timed.lua"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "FAIL: chromium is not installed (./setup.sh test installs it)" >&2
    exit 1
fi
export CHROMIUM
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "FAIL: node and npm are needed to run axe-core (./setup.sh test installs them)" >&2
    exit 1
fi
if [ ! -d "$AXE/node_modules/axe-core" ] || [ ! -d "$AXE/node_modules/puppeteer-core" ]; then
    (cd "$AXE" && npm ci --no-audit --no-fund --loglevel=error) >&2 ||
        { echo "FAIL: npm ci in $AXE" >&2; exit 1; }
fi

# checker NAME FILE...: runs tests/axe/NAME.js, its output in $WORK/NAME.out
# and its exit code in $status.
checker() {
    local name=$1
    shift
    set +e
    timeout 300 node "$AXE/$name.js" "$@" >"$WORK/$name.out" 2>&1
    status=$?
    set -e
}

# expect_clean NAME SUMMARY FILE...: the checker passes and says SUMMARY.
expect_clean() {
    local name=$1 summary=$2
    shift 2
    checker "$name" "$@"
    [ "$status" -eq 0 ] || fail "$name.js found barriers (exit $status): $(cat "$WORK/$name.out")"
    grep -qF -- "$summary" "$WORK/$name.out" ||
        fail "$name.js: '$summary' not in its output: $(cat "$WORK/$name.out")"
}

# expect_caught NAME TEXT FILE: the checker fails on FILE and names TEXT.
expect_caught() {
    local name=$1 text=$2 file=$3
    checker "$name" "$file"
    [ "$status" -eq 1 ] || fail "$name.js passed $(basename "$file") (exit $status): $(cat "$WORK/$name.out")"
    grep -qF -- "$text" "$WORK/$name.out" ||
        fail "$name.js did not name '$text' in $(basename "$file"): $(cat "$WORK/$name.out")"
}

# The fixture logs' report.
run_app debrief --include-runs "$LOGS" --html "$WORK/fixture.html"
expect_status 0 "debrief --html of the fixture logs"

# A cohort: the fixture logs, every bundled case under three policies, two
# cases with adjusted time limits, and the timed case left to time out.
mkdir -p "$WORK/cohort"
cp "$LOGS"/*.jsonl "$WORK/cohort/"
for case in "$SCENARIOS_DIR"/*.lua; do
    for policy in best follow-ai against-ai; do
        "$APPRAISE" run "$case" --policy "$policy" --trainee "$policy" --log-dir "$WORK/cohort" \
            >/dev/null 2>&1 || fail "run $case --policy $policy"
    done
done
for limits in double off; do
    for case in "$SCENARIOS_DIR/sepsis-ed.lua" "$SCENARIOS_DIR/stroke-hasu.lua"; do
        "$APPRAISE" run "$case" --policy best --trainee "reader-$limits" --time-limits "$limits" \
            --log-dir "$WORK/cohort" >/dev/null 2>&1 || fail "run $case --time-limits $limits"
    done
done
for trainee in late-1 late-2; do
    printf 'wait 31\n' | "$APPRAISE" run "$TIMED" --inputs - --trainee "$trainee" \
        --log-dir "$WORK/cohort" >/dev/null 2>&1 || fail "run $TIMED to its time-out"
done
run_app debrief --include-runs "$WORK/cohort" --by variant,trainee --html "$WORK/cohort.html"
expect_status 0 "debrief --html of the cohort"
[ "$(grep -o '"flag">timed out<' "$WORK/cohort.html" | wc -l)" -ge 3 ] ||
    fail "the cohort's report does not list its 3 timed-out decisions"
grep -q '<section id="groups">' "$WORK/cohort.html" || fail "the cohort's report has no --by groups"
grep -qF 'sessions ran with adjusted time limits: 2 double, 2 off' "$WORK/cohort.html" ||
    fail "the cohort's report does not say which sessions ran with adjusted time limits"

expect_clean check "2 pages, 6 checks, 0 violations" "$WORK/fixture.html" "$WORK/cohort.html"
expect_clean keyboard "2 pages, " "$WORK/fixture.html" "$WORK/cohort.html"
details=$(grep -o '<details' "$WORK/fixture.html" "$WORK/cohort.html" | wc -l)
[ "$details" -ge 12 ] || fail "expected at least 6 <details> a report, found $details in two"
grep -qF " $details details, 0 problems" "$WORK/keyboard.out" ||
    fail "keyboard.js did not try the $details <details>: $(cat "$WORK/keyboard.out")"
# The charts of both reports (the fixture's: the cohort's 4, 3 trainees'
# and each decision's), folded or not.
expect_clean charts "2 pages, " "$WORK/fixture.html" "$WORK/cohort.html"
charts=$(grep -o '<svg ' "$WORK/fixture.html" "$WORK/cohort.html" | wc -l)
grep -qF " $charts charts, 0 problems" "$WORK/charts.out" ||
    fail "charts.js did not check all $charts charts: $(cat "$WORK/charts.out")"

expect_clean marks "2 pages, " "$WORK/fixture.html" "$WORK/cohort.html"
grep -qE " [1-9][0-9]* marks, 0 problems" "$WORK/marks.out" ||
    fail "marks.js found no mark to check: $(cat "$WORK/marks.out")"

# The checkers can fail. The trust chart (the Nth of the page, its ids
# chK-t and chK-d) without its title and description:
trust=$(grep -o 'data-chart="[a-z]*"' "$WORK/fixture.html" | grep -n trust | cut -d: -f1)
id=$(grep -o 'data-chart="trust"[^>]*aria-labelledby="ch[0-9]*-t' "$WORK/fixture.html" |
    grep -o 'ch[0-9]*-t' | cut -d- -f1)
[ -n "$trust" ] && [ -n "$id" ] || fail "the fixture's report has no trust chart"
sed "s|<title id=\"$id-t\">[^<]*</title>||; s|<desc id=\"$id-d\">[^<]*</desc>||" \
    "$WORK/fixture.html" >"$WORK/no-alt.html"
expect_caught check "svg-img-alt" "$WORK/no-alt.html"
expect_caught charts "chart $trust (trust)" "$WORK/no-alt.html"
# charts with no background of their own, dark ink on a dark contrast theme:
sed 's|;background:#fff}|}|' "$WORK/fixture.html" >"$WORK/no-chart-ground.html"
expect_caught charts "under a dark contrast theme, text" "$WORK/no-chart-ground.html"
# marks that a screen reader reads as symbols:
sed 's| aria-hidden="true"||g; s|<span class="sr"> ([a-z]*)</span>||g' "$WORK/fixture.html" \
    >"$WORK/symbols.html"
expect_caught marks "symbols in the table of every decision" "$WORK/symbols.html"
# faint text:
sed 's|--muted:#555|--muted:#aaa|' "$WORK/fixture.html" >"$WORK/faint.html"
expect_caught check "color-contrast" "$WORK/faint.html"
# wide tables that neither scroll in a focusable box nor let long words wrap:
sed 's| role="region" tabindex="0" aria-label="[^"]*"||g; s|overflow-wrap:anywhere||' \
    "$WORK/fixture.html" >"$WORK/wide.html"
expect_caught check "scrollable-region-focusable" "$WORK/wide.html"
grep -qF "[screen 320px]: reflow (serious)" "$WORK/check.out" ||
    fail "check.js missed the page wider than 320 px: $(cat "$WORK/check.out")"
grep -qF "[print A4]: reflow (serious)" "$WORK/check.out" ||
    fail "check.js missed the printed page wider than A4: $(cat "$WORK/check.out")"
# no focus outline, and closed <details> that do not print:
sed 's|details::details-content{content-visibility:visible;display:block}||;
     s|</style>|a:focus-visible,summary:focus-visible,.wide:focus-visible{outline:none}</style>|' \
    "$WORK/fixture.html" >"$WORK/no-focus.html"
expect_caught keyboard "no visible focus" "$WORK/no-focus.html"
grep -qF '"The table of every decision (9 rows)" does not print' "$WORK/keyboard.out" ||
    fail "keyboard.js missed closed <details> that do not print: $(cat "$WORK/keyboard.out")"
# a layer over the page that hides the focus, and two links "See the
# incomplete sessions." that lead to different places:
sed 's|</body>|<div style="position:fixed;inset:0;background:#fff"></div></body>|;
     s|See the problems\.|See the incomplete sessions.|' "$WORK/fixture.html" >"$WORK/covered.html"
expect_caught keyboard "covered by div" "$WORK/covered.html"
grep -qF 'links "See the incomplete sessions." lead to #incomplete and #input' "$WORK/keyboard.out" ||
    fail "keyboard.js missed two links alike leading to different places: $(cat "$WORK/keyboard.out")"
# table boxes that the arrow keys cannot scroll:
sed 's|\.wide{overflow-x:auto;|.wide{overflow-x:hidden;|' "$WORK/fixture.html" >"$WORK/stuck.html"
expect_caught keyboard "ArrowRight does not scroll it" "$WORK/stuck.html"
# and summaries that Enter and Space do not work (the first <details> is
# folded, so the keys fail to open it):
sed 's|</body>|<script>for (const t of ["keydown", "keypress", "keyup"]) document.addEventListener(t, (e) => { if (e.target.tagName === "SUMMARY") e.preventDefault(); }, true);</script></body>|' \
    "$WORK/fixture.html" >"$WORK/keys.html"
expect_caught keyboard "Enter did not open it" "$WORK/keys.html"
grep -qF "Space did not open it" "$WORK/keyboard.out" ||
    fail "keyboard.js missed a summary that Space does not open: $(cat "$WORK/keyboard.out")"

finish
