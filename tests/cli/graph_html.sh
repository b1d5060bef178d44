#!/usr/bin/env bash
# `appraise graph CASE --html FILE`: one self-contained page (no request
# leaves it: SVG, CSS and script inline), the map drawn by Graphviz's dot,
# every text of the case escaped, the advice per variant where it differs;
# in headless Chromium (tests/axe/graph.js) it writes nothing to the
# console, its nodes are buttons, and clicking a node, or Tab to it and
# Enter, shows its text, options and advice. Without dot on PATH it says
# how to install it and exits 3, writing nothing.
source "$(dirname "$0")/helpers.bash"
AXE="$TEST_DATA_DIR/axe"
CASE="$TEST_DATA_DIR/cases/graph_page.lua"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "FAIL: chromium is not installed (./setup.sh test installs it)" >&2
    exit 1
fi
export CHROMIUM
if ! command -v dot >/dev/null; then
    echo "FAIL: Graphviz 'dot' is not installed (./setup.sh test installs it)" >&2
    exit 1
fi
if [ ! -d "$AXE/node_modules/puppeteer-core" ]; then
    (cd "$AXE" && npm ci --no-audit --no-fund --loglevel=error) >&2 ||
        { echo "FAIL: npm ci in $AXE" >&2; exit 1; }
fi

run_app graph "$CASE" --html "$WORK/map.html"
expect_status 0 "graph --html"
[ -s "$WORK/out" ] && fail "graph --html also wrote to stdout: $(head -c 200 "$WORK/out")"
PAGE="$WORK/map.html"

# has TEXT WHAT / has_not TEXT WHAT: the page holds (or not) the fixed text.
has() { grep -qF -- "$1" "$PAGE" || fail "$2: '$1' not in the page"; }
has_not() { ! grep -qF -- "$1" "$PAGE" || fail "$2: '$1' is in the page"; }

has '<svg ' "the map is inline SVG"
has '<title>Map: Chest pain &lt;b&gt;at night&lt;/b&gt; &amp; after</title>' "the title escaped"
has '<p class="text">Pain for 2 hours. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;Crushing&quot; &amp; sweaty.</p>' \
    "a node's text escaped"
has_not "<script>alert" "markup from the case never reaches the page as markup"
has_not "<i>pattern" "the advice's markup escaped"
has '<li><span class="mark best" aria-hidden="true">✓</span> ECG &lt;now&gt; <code>ecg</code> <strong class="best">best</strong> <strong class="ai">the AI recommends it in ai_right</strong></li>' \
    "the best option, marked in words, with the variant the AI recommends it in"
has '<p>TriageNet &lt;v2&gt;, timing after_initial</p>' "the AI and its timing"
has '<p>The AI recommends, by variant:</p>' "recommendations that differ by variant"
has '<li><code>ai_right</code>: ECG &lt;now&gt;</li>' "the recommendation in ai_right"
has '<li><code>ai_wrong</code>: Wait &amp; see</li>' "the recommendation in ai_wrong"
has '<p class="message">Its message: Low risk &lt;i&gt;pattern&lt;/i&gt;. (confidence 80%)</p>' \
    "the advice's message and confidence, the same in both variants: once"
has '· outcome: <strong class="outcome-harm">harm</strong>' "an ending's outcome"
# Nothing to fetch: no src, no href, no url(), no @import.
if grep -qE '(src|href)=|url\(|@import' "$PAGE"; then
    fail "the page refers to something outside it: $(grep -oE '(src|href)=[^ >]*|url\([^)]*\)|@import[^;]*' "$PAGE" | head -n 3)"
fi

# Advice written as a function of the variant (the bundled sepsis case): its
# message as each variant resolves it.
run_app graph "$SCENARIOS_DIR/sepsis-ed.lua" --html "$WORK/sepsis.html"
expect_status 0 "graph --html of sepsis-ed"
grep -qF '<li><code>ai_wrong</code>: Sepsis risk LOW: 13% within 6 hours' "$WORK/sepsis.html" ||
    fail "sepsis-ed: the advice's message in ai_wrong, resolved in play, is not on the page"
grep -qF '<li><code>ai_right</code>: Sepsis risk HIGH: 87% within 6 hours' "$WORK/sepsis.html" ||
    fail "sepsis-ed: the advice's message in ai_right, resolved in play, is not on the page"

set +e
timeout 300 node "$AXE/graph.js" --screenshot "$WORK/map.png" "$PAGE" triage >"$WORK/page.out" 2>&1
status=$?
set -e
[ "$status" -eq 0 ] || fail "graph.js: exit $status: $(cat "$WORK/page.out")"
grep -qx 'nodes: 4 buttons in the SVG' "$WORK/page.out" ||
    fail "the SVG's four nodes are not buttons: $(cat "$WORK/page.out")"
for how in click keyboard; do
    line=$(grep "^$how triage: " "$WORK/page.out" || true)
    [[ "$line" == *"Triage Decision · node triage Pain for 2 hours. <script>alert('x')</script> \"Crushing\" & sweaty. What now? Options"* ]] ||
        fail "$how: the panel does not show the node's text as written: $line"
    [[ "$line" == *"ECG <now> ecg best the AI recommends it in ai_right"* ]] ||
        fail "$how: the panel does not show the options with their marks: $line"
    [[ "$line" == *"ai_wrong: Wait & see"* ]] ||
        fail "$how: the panel does not show the advice per variant: $line"
done
grep -qx 'focus outline: 3 px' "$WORK/page.out" || fail "the focused node shows no 3 px ring: $(cat "$WORK/page.out")"
grep -qx 'console messages: 0' "$WORK/page.out" || fail "console messages: $(cat "$WORK/page.out")"
[ -s "$WORK/map.png" ] || fail "no screenshot"
if [ -n "${APPRAISE_SHOTS:-}" ]; then cp "$WORK/map.png" "$APPRAISE_SHOTS/graph_html.png"; fi

# Without Graphviz: PATH holds no dot.
mkdir "$WORK/nodot"
set +e
PATH="$WORK/nodot" "$APPRAISE" graph "$CASE" --html "$WORK/none.html" >"$WORK/out" 2>"$WORK/err"
status=$?
set -e
expect_status 3 "--html without dot on PATH"
[ "$(cat "$WORK/err")" = "appraise: --html needs Graphviz's dot: install it with 'sudo apt-get install graphviz'" ] ||
    fail "without dot: stderr is '$(cat "$WORK/err")'"
[ -e "$WORK/none.html" ] && fail "without dot a page was written"
[ -s "$WORK/out" ] && fail "without dot something was written to stdout"

# A case that does not load: exit 1, no page.
run_app graph "$TEST_DATA_DIR/cases/does_not_exist.lua" --html "$WORK/bad.html"
expect_status 1 "--html of a case that does not exist"
[ -e "$WORK/bad.html" ] && fail "a page was written for a case that does not load"
finish
