#!/usr/bin/env bash
# Benchmark of the trainee's window (issue 4) beside its floor, a bare SDL2
# window drawing one line of text (bench/window_floor.c), both at 1920x1080
# on a private Xvfb server:
#   first frame  launch to the first frame presented (ms, best of 3)
#   idle CPU     CPU time used over 10 s with nothing happening (% of a core)
#   peak RSS     VmHWM at the end (MB)
#   frame time   mean and worst of 200 frames (ms) of a busy case screen,
#                advice card with its reasons, model card and results open,
#                each frame after one change (never a frame with nothing to
#                do):
#                  cold     everything drawn invalidated: a full redraw (the
#                           text cache stays warm; the first frame pays that)
#                  tick     the countdown moved on a second: what a timed
#                           decision costs each second (only on a screen
#                           with a countdown; the advice screen here has none)
#                  focus    Tab and Shift+Tab in turns: one focus move
#                as the window draws (every frame in full) and with its
#                retained canvas on (APPRAISE_UI_CACHE=1: only the cells that
#                changed are redrawn into a target texture, which is then
#                copied to the window). "of it ours" is the layout and the
#                issuing of draw calls; the rest is the renderer rasterising
#                and presenting (on Xvfb a software OpenGL, llvmpipe: a real
#                GPU does that part for free). The floor's frame is a full
#                redraw of its one line.
# Aims: first frame <= 150 ms, idle <= 1%, frame <= 4 ms, RSS <= floor + 20 MB.
#
#   APPRAISE=build/appraise bash bench/window.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
APPRAISE=${APPRAISE:-$root/build/appraise}
CASE=${CASE:-$root/tests/cases/window_case.lua}
FONT=$root/assets/fonts/DejaVuSans.ttf
IDLE_S=${IDLE_S:-10}
for tool in Xvfb xdotool cc pkg-config; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is needed (./setup.sh)" >&2; exit 3; }
done
work=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2046
cc -O2 -o "$work/window_floor" "$here/window_floor.c" $(pkg-config --cflags --libs sdl2 SDL2_ttf)

# A private X server; -displayfd tells which display it took.
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"
export APPRAISE_WINDOW_SIZE=1920x1080 APPRAISE_UI_TRACE=1 APPRAISE_UI_BENCH_FRAMES=200
export XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/config" # not the user's folders
clk=$(getconf CLK_TCK)

# launch NAME CMD...: starts CMD, waits for its first frame; sets app_pid and
# first_ms (launch to first frame).
launch() {
    local name=$1; shift
    local t0 line
    t0=$(date +%s%N)
    "$@" 2>"$work/$name.err" >/dev/null &
    app_pid=$!
    for _ in $(seq 100); do
        line=$(grep -a -m1 first_frame_realtime_ns "$work/$name.err" || true)
        [ -n "$line" ] && break
        sleep 0.05
    done
    [ -n "$line" ] || { echo "bench: $name showed no frame: $(cat "$work/$name.err")" >&2; exit 1; }
    first_ms=$(( (${line##* } - t0) / 1000000 ))
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
peak_mb() { awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

stop() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=
}

# frames NAME: presses F12 and waits for the frame times; prints one row a
# kind of frame the program reported.
frames() {
    local name=$1 line
    xdotool key F12
    for _ in $(seq 300); do
        grep -aqE '^appraise-ui: frames 200 (done|mean)' "$work/$name.err" && break
        sleep 0.1
    done
    grep -a 'mean_ms' "$work/$name.err" | while read -r line; do
        local kind mean worst build renderer calls
        kind=$(sed -n 's/.*bench \([a-z]*\) .*/\1/p' <<<"$line")
        mean=$(sed -n 's/.*mean_ms \([0-9.]*\).*/\1/p' <<<"$line")
        worst=$(sed -n 's/.*max_ms \([0-9.]*\).*/\1/p' <<<"$line")
        build=$(sed -n 's/.*build_ms \([0-9.]*\).*/\1/p' <<<"$line")
        renderer=$(sed -n 's/.*renderer \([a-z0-9]*\).*/\1/p' <<<"$line")
        calls=$(sed -n 's/.*draw_calls \([0-9]*\).*/\1/p' <<<"$line")
        [ -z "$calls" ] || renderer="$renderer, $calls draw calls"
        printf '  %-40s %8s ms %8s ms %8s ms  %s\n' "$name: ${kind:-full redraw}" "$mean" \
            "$worst" "${build:--}" "$renderer"
    done
}

# measure NAME KEYS CMD...: first frame (best of 3), idle CPU and peak RSS
# after KEYS (a space-separated xdotool key list); frame times to
# $work/frames.
measure() {
    local name=$1 keys=$2; shift 2
    local best=
    for _ in 1 2 3; do
        launch "$name" "$@"
        [ -z "$best" ] || [ "$first_ms" -lt "$best" ] && best=$first_ms
        stop
    done
    launch "$name" "$@"
    show "$keys"
    local c0 c1 idle
    c0=$(cpu_ticks "$app_pid")
    sleep "$IDLE_S"
    c1=$(cpu_ticks "$app_pid")
    idle=$(awk -v d=$((c1 - c0)) -v hz="$clk" -v s="$IDLE_S" 'BEGIN{printf "%.2f", 100 * d / hz / s}')
    frames "$name" >>"$work/frames"
    printf '%-34s %6s ms %8s %% %8s MB\n' "$name" "$best" "$idle" "$(peak_mb "$app_pid")"
    stop
}

# show KEYS: focuses the window launched and types KEYS.
show() {
    local wid
    wid=$(xdotool search --sync --onlyvisible --pid "$app_pid" | head -n 1)
    xdotool windowfocus --sync "$wid" 2>/dev/null || true
    xdotool mousemove 0 0 # no hover
    # shellcheck disable=SC2086
    [ -z "$1" ] || xdotool key --delay 150 $1
    sleep 1
}

echo "Window benchmark: 1920x1080 on Xvfb, idle over ${IDLE_S} s, 200 frames ($(nproc) cores)"
printf '%-34s %9s %10s %11s\n' "" "first" "idle CPU" "peak RSS"
: >"$work/frames"
measure "floor (bare SDL2, one line)" "" "$work/window_floor" "$FONT"
# Start, continue, initial choice, confidence, then the advice with its
# reasons, the model card and the results open.
keys="Return Return 2 Return 3 Return e m r"
play=("$APPRAISE" play "$CASE" --trainee bench --seed 1 --log-dir "$work/logs")
measure "appraise play (advice screen)" "$keys" "${play[@]}"
# The same screen with the retained canvas on, for comparison.
APPRAISE_UI_CACHE=1 launch "canvas on" "${play[@]}"
show "$keys"
frames "canvas on" >>"$work/frames"
stop
echo
printf '  %-40s %11s %11s %11s  %s\n' "Frame time at 1920x1080" "mean" "max" "of it ours" "renderer"
cat "$work/frames"
