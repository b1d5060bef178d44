# Shared by the window tests (sourced after helpers.bash; not a test
# itself): the fresh X server each runs in, and the waits on the window's
# state. Every wait is bounded (a minute, however loaded the machine) and
# polls state: a file, the process, or the window's title.

# in_xvfb WIDTHxHEIGHT [--required] TOOL...: runs this script again inside
# a fresh Xvfb server of that size, with no window manager, unless it
# already runs in one. A missing TOOL (xvfb-run is always needed) skips the
# test (77); with --required it fails it.
in_xvfb() {
    local size=$1 missing=77 tool
    shift
    [ -z "${APPRAISE_IN_XVFB:-}" ] || return 0
    if [ "${1:-}" = --required ]; then
        missing=1
        shift
    fi
    for tool in xvfb-run "$@"; do
        if ! command -v "$tool" >/dev/null; then
            echo "SKIP: $tool is not installed (./setup.sh test installs it)" >&2
            exit "$missing"
        fi
    done
    rm -rf "$WORK" # the run inside makes its own
    APPRAISE_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 ${size}x24" bash "$0"
}

# keys_handled WID: how many keys the window has acted on, from its title
# (APPRAISE_UI_TITLE_KEYS=1).
keys_handled() {
    xdotool getwindowname "$1" 2>/dev/null | sed -n 's/.*(keys \([0-9]*\))$/\1/p'
}

# wait_keys PID WID N: until the window has acted on N keys, or has closed.
wait_keys() {
    local pid=$1 wid=$2 n=$3 got=""
    for _ in $(seq 1200); do
        kill -0 "$pid" 2>/dev/null || return 0
        got=$(keys_handled "$wid")
        if [ -n "$got" ] && [ "$got" -ge "$n" ]; then
            return 0
        fi
        sleep 0.05
    done
    fail "the window acted on ${got:-no} keys of $n within a minute"
    return 1
}

# The texts of the last frame in the draw log ($APPRAISE_DRAW_LOG).
last_frame() {
    [ -f "$APPRAISE_DRAW_LOG" ] || return 0
    awk '/^--- frame /{buf = ""; next} {buf = buf $0 "\n"} END {printf "%s", buf}' \
        "$APPRAISE_DRAW_LOG"
}

# wait_drawn TEXT WHAT: until a frame of the draw log holds TEXT, while the
# window ($pid) runs; fails naming WHAT.
wait_drawn() {
    for _ in $(seq 1200); do
        grep -qF -- "$1" "$APPRAISE_DRAW_LOG" && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    fail "$2: '$1' was never drawn; last frame: $(tail -n 20 "$APPRAISE_DRAW_LOG")"
    return 1
}
