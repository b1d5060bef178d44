#!/usr/bin/env bash
# Makes the README's screenshot of the debrief report's per-decision view
# (docs/screenshots/debrief-decision.png): twelve trainees play the bundled
# sepsis case by varied policies, as if in the window, with rationales as a
# trainee would type them; `appraise debrief --html` reports them; the
# first decision's block is unfolded and captured by headless Chromium at
# 1366 px wide.
#
#   APPRAISE=build/appraise bash tools/debrief_screenshot.sh [OUT.png]
#
# Needs chromium and ImageMagick (./setup.sh test installs them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
APPRAISE=${APPRAISE:-$root/build/appraise}
out=${1:-$root/docs/screenshots/debrief-decision.png}
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "debrief_screenshot: chromium is needed" >&2; exit 3; }
command -v convert >/dev/null || { echo "debrief_screenshot: ImageMagick is needed" >&2; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

i=0
policies=(best follow-ai against-ai follow-ai best random)
rationales=(
    "Her NEWS2 is high and she looks septic: I will not wait for the registrar"
    "The score has been reliable all shift, so I went with it"
    "Lactate and pressure worry me more than the score does"
    "Registrar is on the way; safer to start the bundle now"
    "Low score, but the timestamps are old: I trusted my own obs"
    "Not sure: the advice sounded confident"
)
for trainee in amara ben chloe dev ella finn grace hamid isla jay kemi leo; do
    "$APPRAISE" run "$root/scenarios/sepsis-ed.lua" --policy "${policies[$((i % 6))]}" \
        --trainee "$trainee" --seed "$((i + 1))" --log-dir "$work/logs" >/dev/null 2>&1
    f=$(ls "$work"/logs/*"_${trainee}_"*.jsonl)
    sed -i -e 's/"mode":"run"/"mode":"play"/' \
        -e "s/\"rationale\":\"[^\"]*\"/\"rationale\":\"${rationales[$((i % 6))]}\"/" \
        -e "s/\"rationale\":null/\"rationale\":\"${rationales[$((i % 6))]}\"/" "$f"
    i=$((i + 1))
done
"$APPRAISE" debrief "$work/logs" --html "$work/r.html" >/dev/null
# the page's head and its first block alone, unfolded
awk '!body { print; if (/<body>/) body = 1; next }
     /<section class="decision"/ { n++ }
     n == 1 { sub(/<details>/, "<details open>"); print }
     n == 1 && /^<\/section>/ { print "</body></html>"; exit }' \
    "$work/r.html" >"$work/open.html"
id=$(grep -o '<section class="decision" id="[^"]*"' "$work/open.html" | head -1 | sed 's/.*id="//; s/"$//')
HOME="$work" timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size=1366,3000 --screenshot="$work/full.png" \
    "file://$work/open.html#$id" >/dev/null 2>&1
convert "$work/full.png" -trim +repage -bordercolor white -border 16 "$out"
echo "debrief_screenshot: $out"
