#!/usr/bin/env bash
# appraise debrief --html, opened in a real browser: Debian's Chromium,
# headless, with a fresh profile and no network. The report from the fixture
# logs (tests/report/logs) must load with no console message at all (it has
# no scripts and loads nothing), every chart must be in the rendered DOM
# with its title and text alternative, and a screenshot and a printed PDF
# must come out. Set DEBRIEF_SCREENSHOT=FILE.png to keep the screenshot.
source "$(dirname "$0")/helpers.bash"
LOGS="$TEST_DATA_DIR/report/logs"
REPORT="$WORK/report.html"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "FAIL: chromium is not installed (./setup.sh installs it)" >&2
    exit 1
fi


# console_messages: the page's console lines in what chrome() logged.
console_messages() {
    grep -E 'CONSOLE|Uncaught|Failed to load resource' "$WORK/console.log" || true
}

# The harness itself can fail: a page with a console error and a missing
# image is caught.
cat >"$WORK/bad.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bad</title></head>
<body><img src="missing.png" alt=""><script>console.error("broken report");</script></body></html>
HTML
chrome --dump-dom "file://$WORK/bad.html" >"$WORK/bad.dom" || fail "chromium did not run: $(tail -5 "$WORK/console.log")"
if [ -z "$(console_messages)" ]; then
    fail "the console check does not see a page's console error: $(cat "$WORK/console.log")"
fi

run_app debrief --include-runs "$LOGS" --html "$REPORT"
expect_status 0 "debrief --html"

# Self-contained: no script, nothing fetched, the rationale's markup escaped.
grep -qi '<script' "$REPORT" && fail "the report has a script element"
grep -Eqi '<(link|img|iframe|object|embed)[ >]|src=|@import|url\(["'"'"']?(https?:|//)' "$REPORT" &&
    fail "the report loads something from outside"
grep -qF '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;' "$REPORT" ||
    fail "the rationale with markup is not escaped as text"
grep -q '@media print' "$REPORT" || fail "the report has no print stylesheet"

chrome --dump-dom "file://$REPORT" >"$WORK/dom.html" || fail "chromium --dump-dom failed"
msgs=$(console_messages)
[ -z "$msgs" ] || fail "console messages while loading the report: $msgs"

# count PATTERN: occurrences in the rendered DOM.
count() { grep -oE -- "$1" "$WORK/dom.html" | wc -l; }
[ "$(count '<svg [^>]*data-chart="reliance"')" -eq 4 ] ||
    fail "expected 4 reliance matrices (cohort and 3 trainees), found $(count '<svg [^>]*data-chart="reliance"')"
for chart in trust accuracy times; do
    [ "$(count "<svg [^>]*data-chart=\"$chart\"")" -eq 1 ] || fail "the $chart chart is missing"
done
svgs=$(count '<svg ')
# and a flow chart per decision with choices before the advice (debrief_nodes.h)
flows=$(count '<svg [^>]*data-chart="flow"')
[ "$flows" -ge 1 ] || fail "no flow chart in the per-decision view"
[ "$svgs" -eq $((7 + flows)) ] || fail "expected 7 charts and $flows flow charts, found $svgs"
[ "$(count '<svg [^>]*role="img"[^>]*aria-labelledby="ch[0-9]+-t ch[0-9]+-d"')" -eq "$svgs" ] ||
    fail "every chart needs role=img and aria-labelledby its title and desc"
[ "$(count '<title id="ch[0-9]+-t">')" -eq "$svgs" ] || fail "a chart has no <title>"
[ "$(count '<desc id="ch[0-9]+-d">[^<]+</desc>')" -eq "$svgs" ] || fail "a chart has no text alternative"
for title in 'Reliance matrix: the cohort' 'Reliance matrix: t1' 'Reliance matrix: O&#39;Brien &lt;Dr&gt;' \
    'Trust in the advice by AI correctness' 'Unaided and final accuracy by AI correctness' \
    'Time to the final choice by AI correctness'; do
    grep -qF -- ">$title</title>" "$WORK/dom.html" ||
        grep -qF -- ">${title//&#39;/\'}</title>" "$WORK/dom.html" || fail "no chart titled '$title'"
done
for label in 'Trust rating (1 = no trust, 7 = complete trust)' 'Correct choices' \
    'Seconds to the final choice' "Trainee's final choice"; do
    grep -qF -- "$label" "$WORK/dom.html" || fail "axis label '$label' missing"
done
grep -qF 'aaaa0004-1b3d-4e5f-8a9b-0c1d2e3f4a04' "$WORK/dom.html" || fail "the incomplete session is not listed"

# A report of real logs, every bundled case played under three policies,
# loads without a console message too.
for case in "$SCENARIOS_DIR"/*.lua; do
    for policy in best follow-ai against-ai; do
        "$APPRAISE" run "$case" --policy "$policy" --trainee "$policy" --log-dir "$WORK/runs" \
            >/dev/null 2>&1 || fail "run $case --policy $policy"
    done
done
run_app debrief --include-runs "$WORK/runs" --html "$WORK/runs.html"
expect_status 0 "debrief --html of the bundled cases' logs"
chrome --dump-dom "file://$WORK/runs.html" >"$WORK/runs.dom" || fail "chromium --dump-dom failed"
msgs=$(console_messages)
[ -z "$msgs" ] || fail "console messages while loading the bundled cases' report: $msgs"
flows=$(grep -oE '<svg [^>]*data-chart="flow"' "$WORK/runs.dom" | wc -l)
[ "$(grep -o '<svg ' "$WORK/runs.dom" | wc -l)" -eq $((7 + flows)) ] ||
    fail "the bundled cases' report does not have its 7 charts (cohort, 3 policies, trust, accuracy, times) and its $flows flow charts"

# The page renders: a screenshot of the top and a printed PDF.
chrome --hide-scrollbars --window-size=1280,2400 --screenshot="$WORK/report.png" "file://$REPORT" >/dev/null ||
    fail "chromium --screenshot failed"
if [ "$(head -c 8 "$WORK/report.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    fail "no PNG screenshot"
elif [ "$(stat -c %s "$WORK/report.png")" -lt 50000 ]; then
    fail "the screenshot is suspiciously small (blank page?)"
fi
[ -n "${DEBRIEF_SCREENSHOT:-}" ] && cp "$WORK/report.png" "$DEBRIEF_SCREENSHOT"
chrome --no-pdf-header-footer --print-to-pdf="$WORK/report.pdf" "file://$REPORT" >/dev/null ||
    fail "chromium --print-to-pdf failed"
[ "$(head -c 5 "$WORK/report.pdf")" = "%PDF-" ] || fail "no printed PDF"

finish
