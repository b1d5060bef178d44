#!/usr/bin/env bash
# The debrief report of a teaching day, as Chromium shows it at 1366 px wide
# (tests/axe/page.js, puppeteer-core on Debian's Chromium): a cohort of 56
# sessions (14 trainees, 4 cases, two of them with variants) and 8 practice
# runs in the same folder (tests/cli/debrief_cohort.bash).
# - the page loads with no console message and every chart is there, each
#   an <svg role="img"> with its title;
# - it is at most 6,000 px high (a third of the first edition's 18,000);
# - the summary comes first, with the three figures in plain words, then the
#   per-decision view, the variants compared, each trainee, the appendix;
# - the practice runs are left out and said so; --include-runs counts them.
# The checker is shown to fail on a page with a console error and on a page
# too tall.
source "$(dirname "$0")/helpers.bash"
source "$(dirname "$0")/debrief_cohort.bash"
AXE="$TEST_DATA_DIR/axe"
MAX_HEIGHT=6000

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "FAIL: chromium is not installed (./setup.sh test installs it)" >&2
    exit 1
fi
export CHROMIUM
if [ ! -d "$AXE/node_modules/puppeteer-core" ]; then
    (cd "$AXE" && npm ci --no-audit --no-fund --loglevel=error) >&2 ||
        { echo "FAIL: npm ci in $AXE" >&2; exit 1; }
fi

# page FILE...: runs page.js with the height bound; output in $WORK/page.out.
page() {
    set +e
    timeout 300 node "$AXE/page.js" --max-height "$MAX_HEIGHT" "$@" >"$WORK/page.out" 2>&1
    status=$?
    set -e
}

make_cohort56 "$WORK/cohort"
run_app debrief "$WORK/cohort" --html "$WORK/day.html"
expect_status 0 "debrief --html of the teaching day"
run_app debrief "$WORK/cohort" --include-runs --html "$WORK/all.html"
expect_status 0 "debrief --include-runs --html"

page "$WORK/day.html" "$WORK/all.html"
[ "$status" -eq 0 ] || fail "page.js: $(cat "$WORK/page.out")"
for report in day all; do
    charts=$(grep -o '<svg ' "$WORK/$report.html" | wc -l)
    [ "$charts" -ge 7 ] || fail "$report.html: only $charts charts"
    line=$(grep -F "$WORK/$report.html: height" "$WORK/page.out" || true)
    [[ "$line" == *" $charts charts, 0 console messages" ]] ||
        fail "$report.html: not all $charts charts shown with a title: $line"
    height=$(sed -n 's/.*height \([0-9]*\) px.*/\1/p' <<<"$line")
    [ -n "$height" ] && [ "$height" -le "$MAX_HEIGHT" ] ||
        fail "$report.html is ${height:-?} px high at 1366 px, more than $MAX_HEIGHT"
    echo "$report.html: ${height:-?} px high at 1366 px wide, $charts charts"
done

# The summary first, then the per-decision view, the variants, each trainee
# and the appendix, in that order.
order=$(grep -o '<section id="[a-z-]*"' "$WORK/day.html" | cut -d'"' -f2 |
    grep -xE 'summary|per-decision|variants|trainees|appendix' | tr '\n' ' ')
[ "$order" = "summary per-decision variants trainees appendix " ] ||
    fail "the report's order is '$order'"
grep -qE 'Over-reliance: following advice that was wrong\. Lower is better; the cohort followed wrong advice [0-9]+ times? out of [0-9]+\.' \
    "$WORK/day.html" || fail "the summary does not say over-reliance in plain words"
grep -qF 'Under-reliance: overriding advice that was right. Lower is better; the cohort overrode right advice' \
    "$WORK/day.html" || fail "the summary does not say under-reliance in plain words"
grep -qF 'Final accuracy: right answers in the end, with the advice. Higher is better; the cohort chose a right answer' \
    "$WORK/day.html" || fail "the summary does not say final accuracy in plain words"
# The per-decision blocks give the options by their labels and the
# rationales as typed (escaped), each block folded under its title.
sed -n '/<section id="per-decision">/,/<section id="variants">/p' "$WORK/day.html" >"$WORK/blocks.html"
grep -qF 'Record posterior leads V7-V9 now and prepare to call the primary PCI centre' "$WORK/blocks.html" ||
    fail "the per-decision blocks do not give the options' labels"
grep -qF 'The ECG and the story fit; I weighed the advice' "$WORK/blocks.html" ||
    fail "the per-decision blocks do not give the rationales"
grep -qF '&lt;b&gt;Not&lt;/b&gt; what the AI said &amp; why' "$WORK/blocks.html" ||
    fail "a rationale with markup is not escaped in the blocks"
[ "$(grep -c '<section class="decision"' "$WORK/blocks.html")" -ge 10 ] ||
    fail "fewer than 10 decision blocks for the teaching day"
# Both cases with variants are compared without --by.
grep -qF '<section id="variants">' "$WORK/day.html" || fail "no variants compared"
for v in '<td>ai</td>' '<td>colleague</td>' '<td>wrong_first</td>' '<td>wrong_second</td>'; do
    grep -qF "$v" "$WORK/day.html" || fail "the variants compared lack $v"
done
# Every source the definitions cite is there.
for src in 'Schemmer, K' 'Goddard, Roudsari &amp; Wyatt' 'Dietvorst, Simmons &amp; Massey' \
    'Hanley &amp; McNeil' 'Lee &amp; See' 'Wilson, &#8220;Probable inference'; do
    grep -qF "$src" "$WORK/day.html" || fail "the definitions do not cite $src"
done

# Practice runs: left out and said so; counted with --include-runs.
grep -qF '56 sessions: 56 complete' "$WORK/day.html" || fail "the day's report does not count 56 sessions"
grep -qF '8 practice sessions left out; <code>--include-runs</code> counts them.' "$WORK/day.html" ||
    fail "the day's report does not say the 8 practice runs are left out"
grep -qF '64 sessions: 64 complete' "$WORK/all.html" || fail "--include-runs does not count the 64 sessions"
grep -qF 'practice session' "$WORK/all.html" && fail "--include-runs still says runs were left out"

# The checker can fail: a console error, and a page too tall.
cat >"$WORK/bad.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bad</title></head>
<body><div style="height:7000px"></div><script>console.error("broken report");</script></body></html>
HTML
page "$WORK/bad.html"
[ "$status" -eq 1 ] || fail "page.js passed a page with a console error (exit $status)"
grep -qF 'console: error: broken report' "$WORK/page.out" || fail "page.js missed the console error: $(cat "$WORK/page.out")"
grep -qF 'more than 6000' "$WORK/page.out" || fail "page.js missed the page too tall: $(cat "$WORK/page.out")"

finish
