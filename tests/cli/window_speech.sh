#!/usr/bin/env bash
# Self-voicing in the real window (Xvfb, xdotool), with no audio: the window
# writes each announcement to APPRAISE_SPEECH_LOG as a line instead of
# speaking it. --speak says the first screen; each screen, focus move,
# pick, rating value and the advice is said as it comes; Ctrl+R says the
# last again; V turns it off (nothing said after) and Ctrl+Shift+V on (in
# a text field too, where V types a v);
# Ctrl+Shift+C puts the screen's text on the clipboard. The window
# remembers speech and the time limits in window.conf and starts with them
# next time. Speech that cannot be had is told once on screen, and the
# window goes on. Every wait polls a file or the window's title, bounded.
source "$(dirname "$0")/helpers.bash"
source "$(dirname "$0")/window.bash"
CASE="$TEST_DATA_DIR/cases/window_case.lua"

in_xvfb 1366x768 xdotool xclip

export APPRAISE_UI_TITLE_KEYS=1
export APPRAISE_WINDOW_SIZE=1366x768
export XDG_CONFIG_HOME="$WORK/config"
export APPRAISE_DRAW_LOG="$WORK/drawn.txt"
SAID="$WORK/said.txt"
CONF="$WORK/config/appraise/window.conf"

# start ARGS...: opens the window on the case; sets pid and wid.
start() {
    : >"$APPRAISE_DRAW_LOG"
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$APPRAISE" play "$CASE" --seed 1 --log-dir "$WORK/logs" "$@" \
        >"$WORK/play.out" 2>"$WORK/play.err" &
    pid=$!
    wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1) || true
    [ -n "$wid" ] || { fail "the window did not open: $(cat "$WORK/play.err")"; finish; }
    xdotool windowfocus --sync "$wid"
    sent=0
}

# key KEY: sends one key and waits until the window has acted on it.
key() {
    xdotool key "$1"
    sent=$((sent + 1))
    for _ in $(seq 1200); do
        kill -0 "$pid" 2>/dev/null || return 0
        [ "$(keys_handled "$wid")" = "$sent" ] && return 0
        sleep 0.05
    done
    fail "the window did not act on key $1"
}

said_lines() { [ -f "$SAID" ] && wc -l <"$SAID" || echo 0; }

# said N TEXT WHAT: the speech log has N lines, the last holding TEXT.
said() {
    local n=$1 text=$2 what=$3
    for _ in $(seq 1200); do
        [ "$(said_lines)" -ge "$n" ] && break
        sleep 0.05
    done
    local last
    last=$(sed -n "${n}p" "$SAID" 2>/dev/null)
    [ "$(said_lines)" -eq "$n" ] || fail "$what: $(said_lines) announcements, expected $n: $(cat "$SAID" 2>/dev/null)"
    case "$last" in
    *"$text"*) ;;
    *) fail "$what: announcement $n is '$last', expected it to hold '$text'" ;;
    esac
}

# closed WHAT: waits until the window has gone, and checks it exited 0.
closed() {
    for _ in $(seq 600); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        fail "the window did not close ($1); last frame: $(tail -n 8 "$APPRAISE_DRAW_LOG")"
        kill "$pid"
    fi
    set +e
    wait "$pid"
    local st=$?
    set -e
    [ "$st" -eq 0 ] || fail "the window exited $st: $(cat "$WORK/play.err")"
}

export APPRAISE_SPEECH_LOG="$SAID"
start --trainee t1 --speak --time-limits double
said 1 "Arthur Penhaligon-Wetherby, 71 M, Orthopaedic ward, 03:40. Breathless after surgery" "--speak: the start screen"
key Return
said 2 "Bay 3, bed 2." "the case's first screen"
key Return
said 3 "What do you do first? Make your own first choice; the advice follows. 3 options." "the question"
key 2
said 4 "Option 2 of 3: Repeat observations in an hour. Selected." "a pick"
key ctrl+r
said 5 "Option 2 of 3: Repeat observations in an hour. Selected." "Ctrl+R repeats"
key Return
said 6 "Confidence, 1 to 7" "the rating's scale"
key 5
said 7 "Confidence: 5 of 7. Selected." "the rating's value"
key 3
said 8 "Confidence: 3 of 7. Selected." "the rating's value as it changes"
key Return
said 9 "Keep it or change it." "the second choice"
grep -qF "AI recommends" <(sed -n 9p "$SAID") || fail "the advised option is not said: $(sed -n 9p "$SAID")"
grep -qF "The AI, WardTriage, recommends: Repeat observations in an hour." <(sed -n 9p "$SAID") ||
    fail "the advice card is not said as it appears: $(sed -n 9p "$SAID")"
key ctrl+shift+c
said 10 "The screen's text is on the clipboard." "Ctrl+Shift+C"
xclip -o -selection clipboard >"$WORK/clip.txt" 2>/dev/null || fail "nothing on the clipboard"
grep -qxF "Option 3 of 3: Chest X-ray first." "$WORK/clip.txt" || fail "the clipboard lacks the options: $(cat "$WORK/clip.txt")"
grep -qF "The AI, WardTriage, recommends: Repeat observations in an hour." "$WORK/clip.txt" ||
    fail "the clipboard lacks the advice: $(cat "$WORK/clip.txt")"
grep -qF "HR 124 /min, high" "$WORK/clip.txt" || fail "the clipboard lacks the observations"
key v
said 11 "Self-voicing off." "V turns it off"
key 1
key Tab
key ctrl+r
said 11 "Self-voicing off." "nothing said while off"
key ctrl+shift+v
said 12 "Self-voicing on. Arthur Penhaligon-Wetherby" "Ctrl+Shift+V turns it on"
grep -qF "Keep it or change it." <(sed -n 12p "$SAID") || fail "turning on does not say the screen"
key Escape
said 13 "Leave this case?" "the leave dialog"
key l
said 14 "You left the case." "the ending"
key Return
said 15 "Your debrief." "the debrief"
key Return
closed "run 1"
grep -qxF "speak 1" "$CONF" || fail "speech on is not remembered: $(cat "$CONF")"
grep -qxF "time_limits double" "$CONF" || fail "the time limits are not remembered: $(cat "$CONF")"

# Next time: on from the start without --speak; V turns it off, remembered.
: >"$SAID"
start --trainee t1
said 1 "Arthur Penhaligon-Wetherby" "speech remembered"
key v
said 2 "Self-voicing off." "V turns it off"
key Escape
key l
closed "run 2"
grep -qxF "speak 0" "$CONF" || fail "speech off is not remembered: $(cat "$CONF")"
grep -qxF "time_limits double" "$CONF" || fail "the remembered time limits were not kept: $(cat "$CONF")"

# In a text field V types a v; Ctrl+Shift+V turns speech on there, typing
# nothing.
: >"$SAID"
start # no --trainee: the trainee screen, a text field
key a
key v
key ctrl+shift+v
said 1 "Self-voicing on. Who is playing?" "Ctrl+Shift+V in a text field"
key w
grep -qxF "avw" "$APPRAISE_DRAW_LOG" || fail "V in the text field did not type v: $(tail -n 5 "$APPRAISE_DRAW_LOG")"
grep -qxF "avVw" "$APPRAISE_DRAW_LOG" && fail "Ctrl+Shift+V typed a V"
key Escape
key l
closed "run 3"

# Speech that cannot be had: said once on screen, and play goes on, with
# the time limits remembered (logged in session_start).
export APPRAISE_SPEECH_LOG="$WORK/no/such/folder/said.txt"
rm -rf "$WORK/logs"
start --trainee t1 --speak
for _ in $(seq 1200); do
    grep -qF "Speech is unavailable" "$APPRAISE_DRAW_LOG" && break
    sleep 0.05
done
grep -qF "Speech is unavailable: cannot write $APPRAISE_SPEECH_LOG" "$APPRAISE_DRAW_LOG" ||
    fail "unavailable speech was not told: $(tail -n 20 "$APPRAISE_DRAW_LOG")"
key Return
key Return
grep -qF "What do you do first?" "$APPRAISE_DRAW_LOG" || fail "play did not go on without speech"
told=$(awk '/^--- frame /{f = 0} /Speech is unavailable/ && !f {n++; f = 1} END {print n + 0}' "$APPRAISE_DRAW_LOG")
key Escape
key l
key Return # the ending: to the debrief
key Return # done
closed "run 4"
[ "$told" -ge 1 ] || fail "the notice was never drawn"
log=$(find "$WORK/logs" -name '*.jsonl' | head -n 1)
grep -qF '"time_limits":"double"' "$log" 2>/dev/null ||
    fail "the remembered time limits did not reach the session: $(head -c 600 "$log" 2>/dev/null)"
finish
