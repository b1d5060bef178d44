#!/usr/bin/env bash
# Makes the screenshots of the window's main screens shown in the README:
# the real window on a private Xvfb server, driven with xdotool through the
# bundled sepsis case, captured with ImageMagick's import.
#
#   APPRAISE=build/appraise bash tools/screenshots.sh [OUT_DIR]
#
# OUT_DIR defaults to docs/screenshots. Needs Xvfb, xdotool and imagemagick
# (./setup.sh installs them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
APPRAISE=${APPRAISE:-$root/build/appraise}
CASE=${CASE:-$root/scenarios/sepsis-ed.lua}
out=${1:-$root/docs/screenshots}
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is needed (./setup.sh)" >&2; exit 3; }
done
mkdir -p "$out"
work=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"
export XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/config" APPRAISE_WINDOW_SIZE=${SIZE:-1280x800}

# open ARGS...: starts the window and waits for it.
wid=
open() {
    "$APPRAISE" "$@" --log-dir "$work/logs" >/dev/null 2>"$work/err" &
    app_pid=$!
    wid=$(timeout 20 xdotool search --sync --onlyvisible --pid "$app_pid" | head -n 1)
    [ -n "$wid" ] || { echo "screenshots: no window: $(cat "$work/err")" >&2; exit 1; }
    xdotool windowfocus --sync "$wid"
    xdotool mousemove 0 0 # no hover marks in the pictures
    sleep 0.5
}

keys() {
    xdotool key --delay 200 "$@"
    sleep 0.4
}

shot() {
    import -window "$wid" "$out/$1.png"
    echo "screenshots: $out/$1.png"
}

close() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=
}

# The case library, with a trainee id typed.
open --library "$root/scenarios"
xdotool type --delay 40 "trainee-07"
sleep 0.3
shot library
close

# One case from the start to the trainee's own debrief.
open play "$CASE" --trainee trainee-07 --seed 1 --variant ai_wrong
shot case-start
keys Return Return
shot case
keys 2 Return
shot confidence
keys 3 Return e
shot advice
keys 1 Return 5 Return 2 Return
xdotool type --delay 20 "NEWS2 is high with new confusion; the score leans on temperature"
sleep 0.3
shot rationale
keys Return
shot feedback
keys Return
shot ending
keys Return
shot debrief
close

# An image result: the triage ECG in the results panel, then full size (I).
open play "$root/scenarios/ed-chest-pain.lua" --trainee trainee-07 --seed 1 --variant ai
keys Return Return r
shot image-result
keys i
shot image-full
close

# High contrast at 150% text, and the leave dialog.
open play "$CASE" --trainee trainee-07 --seed 1 --variant ai_wrong --theme high-contrast --scale 150
keys Return Return 2 Return 3 Return e
shot advice-high-contrast
keys Escape
shot leave
close
