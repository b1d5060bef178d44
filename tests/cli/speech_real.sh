#!/usr/bin/env bash
# The window speaks for real: PulseAudio with a null sink, its monitor
# recorded with parec, speech-dispatcher with its espeak-ng module, and the
# window (Xvfb) opened with --speak on a case. The start screen's
# announcement must come out as audio of a plausible length for its words
# (sox measures the sound between the silences), and a short announcement
# (the focused button) as a short sound.
# It skips (77) only where the speech engine cannot start here: no
# PulseAudio, no speech-dispatcher, or an engine that gives no sound;
# `./setup.sh test` installs what it needs, so that CI runs it; CI sets
# APPRAISE_REQUIRE_SPEECH=1, and then an engine that cannot start fails the
# test instead (a build with no window still skips). Every wait is bounded,
# and everything it started is stopped on exit.
source "$(dirname "$0")/helpers.bash"
CASE="$TEST_DATA_DIR/cases/window_case.lua"

skip() {
    echo "SKIP: $*" >&2
    exit 77
}
# cannot_speak WHY: skip, or fail where speech is required (CI).
cannot_speak() {
    if [ "${APPRAISE_REQUIRE_SPEECH:-0}" = 1 ]; then
        echo "FAIL: speech is required here (APPRAISE_REQUIRE_SPEECH=1): $*" >&2
        exit 1
    fi
    skip "$@"
}

if [ "${1:-}" != inner ]; then
    "$APPRAISE" --version | grep -q '^window: yes' || skip "this build has no window"
    for tool in xvfb-run xdotool pulseaudio pactl parec speech-dispatcher spd-say sox; do
        command -v "$tool" >/dev/null ||
            cannot_speak "$tool is not installed (./setup.sh test installs speech-dispatcher," \
                "speech-dispatcher-espeak-ng, espeak-ng, pulseaudio, pulseaudio-utils and sox)"
    done
    exec xvfb-run -a -s "-screen 0 1366x768x24" bash "$0" inner
fi

# A sound system and a speech daemon of the test's own: nothing of the
# user's session is reached or left running.
export HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/run" XDG_CONFIG_HOME="$WORK/config"
export APPRAISE_DRAW_LOG="$WORK/drawn.txt" APPRAISE_UI_TITLE_KEYS=1
export APPRAISE_WINDOW_SIZE=1366x768
unset PULSE_SERVER SPEECHD_ADDRESS APPRAISE_SPEECH_LOG
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
SPD_PID_FILE="$XDG_RUNTIME_DIR/speech-dispatcher/pid/speech-dispatcher.pid"

pa_pid="" rec_pid="" app_pid=""
stop() { # PID: TERM, then KILL after 5 s
    [ -n "$1" ] || return 0
    kill "$1" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$1" 2>/dev/null || true
}
cleanup() {
    stop "$app_pid"
    stop "$rec_pid"
    # speech-dispatcher was started on demand by its first client; it stops
    # its modules (sd_espeak-ng) as it stops.
    [ -f "$SPD_PID_FILE" ] && stop "$(cat "$SPD_PID_FILE")"
    stop "$pa_pid"
    rm -rf "$WORK"
}
trap cleanup EXIT

pulseaudio -n --daemonize=no --exit-idle-time=-1 --log-target=file:"$WORK/pulse.log" \
    --load="module-null-sink sink_name=null" --load=module-native-protocol-unix \
    >/dev/null 2>&1 &
pa_pid=$!
for _ in $(seq 100); do
    timeout 5 pactl info >/dev/null 2>&1 && break
    kill -0 "$pa_pid" 2>/dev/null || break
    sleep 0.1
done
timeout 5 pactl info >/dev/null 2>&1 ||
    cannot_speak "PulseAudio could not start with a null sink: $(tail -n 5 "$WORK/pulse.log" 2>/dev/null)"

# record FILE: records what the null sink plays, raw 16 kHz mono.
record() {
    parec -d null.monitor --raw --format=s16le --rate=16000 --channels=1 >"$1" 2>>"$WORK/parec.err" &
    rec_pid=$!
}
stop_recording() {
    stop "$rec_pid"
    rec_pid=""
}

# sound FILE: seconds of sound in a raw recording, from the first sound to
# the last (silence under 1% trimmed at both ends).
sound() {
    local n
    n=$(sox -t raw -r 16000 -e signed -b 16 -c 1 "$1" -t raw - \
        silence 1 0.02 1% reverse silence 1 0.02 1% reverse 2>/dev/null | wc -c)
    awk -v n="$n" 'BEGIN { printf "%.2f\n", n / 32000 }'
}

# wait_sound FILE: until the recording has sound that has not grown for
# 2 s (the announcement ended), 90 s at most; prints its length.
wait_sound() {
    local last=0 same=0 now
    for _ in $(seq 360); do
        now=$(sound "$1")
        if awk -v a="$now" -v b="$last" 'BEGIN { exit !(a > 0 && a == b) }'; then
            same=$((same + 1))
            [ "$same" -ge 8 ] && break
        else
            same=0
        fi
        last=$now
        sleep 0.25
    done
    echo "$last"
}

# The engine itself: spd-say through the espeak-ng module. No sound here
# means the engine cannot start: skip.
record "$WORK/engine.raw"
if ! timeout 60 spd-say -w -o espeak-ng "The speech engine works." >"$WORK/spd.out" 2>&1; then
    cannot_speak "speech-dispatcher could not speak (spd-say failed: $(cat "$WORK/spd.out"))"
fi
engine=$(wait_sound "$WORK/engine.raw")
stop_recording
awk -v s="$engine" 'BEGIN { exit !(s >= 0.3) }' ||
    cannot_speak "speech-dispatcher ran but gave no sound on the null sink ($engine s;" \
        "its log: $(tail -n 5 "$XDG_RUNTIME_DIR"/speech-dispatcher/log/*.log 2>/dev/null))"
echo "the engine: ${engine}s for 4 words"

# The window, voicing itself from the start.
record "$WORK/window.raw"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    "$APPRAISE" play "$CASE" --trainee t1 --seed 1 --log-dir "$WORK/logs" --speak \
    >"$WORK/play.out" 2>"$WORK/play.err" &
app_pid=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app_pid" | head -n 1) || true
[ -n "$wid" ] || { fail "the window did not open: $(cat "$WORK/play.err")"; finish; }
xdotool windowfocus --sync "$wid"
# What it says first: the start screen, 26 words; or, at the foot of the
# screen, that speech is unavailable.
for _ in $(seq 900); do
    grep -qF "Speech is unavailable" "$APPRAISE_DRAW_LOG" && break
    awk -v s="$(sound "$WORK/window.raw")" 'BEGIN { exit !(s > 0) }' && break
    sleep 0.1
done
if grep -qF "this build of Appraise has no speech-dispatcher" "$APPRAISE_DRAW_LOG"; then
    cannot_speak "this build has no speech-dispatcher (libspeechd-dev was not found when it was" \
        "configured)"
fi
grep -qF "Speech is unavailable" "$APPRAISE_DRAW_LOG" &&
    fail "the window says speech is unavailable: $(grep -F 'Speech is' "$APPRAISE_DRAW_LOG" | head -n 1)"
start=$(wait_sound "$WORK/window.raw")
stop_recording
echo "the start screen: ${start}s"
# espeak-ng speaks about 175 words a minute: 9 s, more with the numbers
# and the pauses (13 s on Debian 12). A desktop's rate may differ, but not
# tenfold.
awk -v s="$start" 'BEGIN { exit !(s >= 3 && s <= 40) }' ||
    fail "the start screen's announcement gave ${start}s of sound, expected 3 to 40 s"

# A short announcement is a short sound: Tab focuses "Start the case."
record "$WORK/focus.raw"
xdotool key Tab
focus=$(wait_sound "$WORK/focus.raw")
stop_recording
echo "the focus: ${focus}s"
awk -v s="$focus" -v l="$start" 'BEGIN { exit !(s >= 0.4 && s < l / 2) }' ||
    fail "the focus ('Start the case.') gave ${focus}s of sound, expected 0.4 s to half of ${start}s"

# A new announcement interrupts the old (speech.c cancels the one before;
# speech-dispatcher also cancels text of the same priority on its own): Enter starts the case, whose first
# screen has 49 words (some 24 s at the rate above); as soon as it is heard,
# Esc asks whether to leave (22 words). Interrupted, the sound lasts about
# as long as the question; not interrupted, as both.
record "$WORK/interrupt.raw"
xdotool key Return
for _ in $(seq 600); do
    awk -v s="$(sound "$WORK/interrupt.raw")" 'BEGIN { exit !(s >= 0.5) }' && break
    sleep 0.05
done
xdotool key Escape
both=$(wait_sound "$WORK/interrupt.raw")
stop_recording
echo "the case's first screen interrupted by the leave dialog: ${both}s"
awk -v s="$both" -v l="$start" 'BEGIN { q = l * 22 / 26; exit !(s >= q / 3 && s <= q + 6) }' ||
    fail "the leave dialog after the case's first screen gave ${both}s of sound: not interrupted?"

xdotool key l      # leave: the ending
xdotool key Return # the debrief
xdotool key Return # done: the window closes
for _ in $(seq 300); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$app_pid" 2>/dev/null && fail "the window did not close"
set +e
wait "$app_pid"
status=$?
set -e
app_pid=""
[ "$status" -eq 0 ] || fail "the window exited $status: $(cat "$WORK/play.err")"
finish
