#!/usr/bin/env bash
# Benchmark of the trainee's window (issue 4) beside its floor, a bare SDL2
# window drawing one line of text (bench/window_floor.c), both at 1920x1080
# on a private Xvfb server:
#   first frame  launch to the first frame presented (ms, best of 3)
#   idle CPU     CPU time used over 10 s with nothing happening (% of a core)
#   frame time   mean and worst of 200 redraws (ms) of a busy case screen:
#                advice card with its reasons, model card and results open;
#                "of it ours" is the layout and the issuing of draw calls, the
#                rest is the renderer rasterising and presenting (on Xvfb a
#                software OpenGL, llvmpipe: a real GPU does that part for free)
#   peak RSS     VmHWM at the end (MB)
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
export XDG_DATA_HOME="$work/xdg"
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

# measure NAME KEYS CMD...: first frame (best of 3), idle CPU, frame time
# after KEYS (a space-separated xdotool key list), peak RSS.
measure() {
    local name=$1 keys=$2; shift 2
    local best=
    for _ in 1 2 3; do
        launch "$name" "$@"
        [ -z "$best" ] || [ "$first_ms" -lt "$best" ] && best=$first_ms
        stop
    done
    launch "$name" "$@"
    local wid
    wid=$(xdotool search --sync --onlyvisible --pid "$app_pid" | head -n 1)
    xdotool windowfocus --sync "$wid" 2>/dev/null || true
    # shellcheck disable=SC2086
    [ -z "$keys" ] || xdotool key --delay 150 $keys
    sleep 1
    local c0 c1 idle
    c0=$(cpu_ticks "$app_pid")
    sleep "$IDLE_S"
    c1=$(cpu_ticks "$app_pid")
    idle=$(awk -v d=$((c1 - c0)) -v hz="$clk" -v s="$IDLE_S" 'BEGIN{printf "%.2f", 100 * d / hz / s}')
    xdotool key F12
    local frames=
    for _ in $(seq 100); do
        frames=$(grep -a -m1 'frames 200' "$work/$name.err" || true)
        [ -n "$frames" ] && break
        sleep 0.1
    done
    local mean worst
    mean=$(sed -n 's/.*mean_ms \([0-9.]*\).*/\1/p' <<<"$frames")
    worst=$(sed -n 's/.*max_ms \([0-9.]*\).*/\1/p' <<<"$frames")
    local build renderer
    build=$(sed -n 's/.*build_ms \([0-9.]*\).*/\1/p' <<<"$frames")
    renderer=$(sed -n 's/.*renderer \([a-z0-9]*\).*/\1/p' <<<"$frames")
    local calls
    calls=$(sed -n 's/.*draw_calls \([0-9]*\).*/\1/p' <<<"$frames")
    [ -z "$calls" ] || renderer="$renderer, $calls draw calls"
    printf '%-34s %6s ms %8s %% %8s ms %8s ms %8s ms %8s MB  %s\n' "$name" "$best" "$idle" \
        "$mean" "$worst" "${build:--}" "$(peak_mb "$app_pid")" "${renderer:-}"
    stop
}

echo "Window benchmark: 1920x1080 on Xvfb, idle over ${IDLE_S} s, 200 frames ($(nproc) cores)"
printf '%-34s %9s %10s %11s %11s %11s %11s  %s\n' "" "first" "idle CPU" "frame mean" "frame max" \
    "of it ours" "peak RSS" "renderer"
measure "floor (bare SDL2, one line)" "" "$work/window_floor" "$FONT"
# Start, continue, initial choice, confidence, then the advice with its
# reasons, the model card and the results open.
measure "appraise play (advice screen)" "Return Return 2 Return 3 Return e m r" \
    "$APPRAISE" play "$CASE" --trainee bench --seed 1 --log-dir "$work/logs"
