#!/usr/bin/env bash
# The text mode in a real terminal: tmux runs `appraise play CASE --text`,
# keys are typed with send-keys once the screen asks for them, and what the
# trainee reads is taken with capture-pane. Its log must equal `appraise
# run --inputs` with the same actions, record for record (apart from ids,
# times, the mode and the host). The same lines from a pipe (stdin not a
# terminal) give the same log; NO_COLOR leaves no escape at all; a timed
# choice says 10 seconds left and the time running out with nothing typed.
source "$(dirname "$0")/helpers.bash"
CASE="$TEST_DATA_DIR/cases/window_case.lua"

for tool in tmux jq; do
    if ! command -v "$tool" >/dev/null; then
        echo "$tool is needed (./setup.sh test installs it)" >&2
        exit 1
    fi
done

SOCK="$WORK/tmux.sock"
tmx() { tmux -S "$SOCK" "$@"; }
trap 'tmux -S "$SOCK" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT

# start NAME ENV... -- ARGS...: appraise ARGS in a fresh 160x50 pane that
# stays after the program ends, so that its last screen can be read.
start() {
    local name=$1
    shift
    local envs=()
    while [ "$1" != -- ]; do
        envs+=("$1")
        shift
    done
    shift
    # The exit status goes to a file of its own: tmux 3.3 may leave a pane's
    # ended process unreaped for a while, with no status to show.
    tmx -f "$WORK/tmux.conf" new-session -d -s "$name" -x 160 -y 50 \
        env TERM=xterm "${envs[@]}" STATUS_FILE="$WORK/$name.status" \
        bash -c '"$@"; echo $? >"$STATUS_FILE"' bash "$APPRAISE" "$@"
}
# Set for the whole server before any pane exists: a pane that ends at once
# is kept all the same.
printf 'set -g remain-on-exit on\nset -g history-limit 20000\n' >"$WORK/tmux.conf"

screen() { # screen NAME [-e]: everything the pane has shown
    tmx capture-pane -p -J -S - -E - -t "$1" ${2:+"$2"}
}

# wait_for NAME TEXT N: until TEXT has been shown N times (1 when not
# given), or the program has ended; a minute at most however loaded the
# machine. Waits on what the screen shows, never a fixed time.
wait_for() {
    local name=$1 text=$2 n=${3:-1} got
    for _ in $(seq 600); do
        got=$(screen "$name" | grep -cF -- "$text" || true)
        [ "$got" -ge "$n" ] && return 0
        [ -s "$WORK/$name.status" ] && break
        sleep 0.1
    done
    fail "$name: '$text' was not shown $n time(s); the screen: $(screen "$name" | grep -v "^$" | tail -n 15)"
    return 1
}

# type NAME TEXT: TEXT (literally) and Enter.
type_line() {
    tmx send-keys -t "$1" -l -- "$2"
    tmx send-keys -t "$1" Enter
}

wait_end() { # wait_end NAME: until the program has ended; its exit status
    for _ in $(seq 600); do
        if [ -s "$WORK/$1.status" ]; then
            cat "$WORK/$1.status"
            return 0
        fi
        sleep 0.1
    done
    fail "$1: the program did not end; the screen: $(screen "$1" | grep -v "^$" | tail -n 15)"
    echo 124
}

normalise() {
    jq -c 'del(.session, .t, .at, .ms_initial, .ms_advice, .ms_final, .mode, .host_os)' "$1"
}

compare_logs() { # compare_logs WHAT DIR: DIR's log against run's
    local what=$1 log run_log
    log=$(find "$2" -name '*.jsonl' | head -n 1)
    run_log=$(find "$WORK/run" -name '*.jsonl' | head -n 1)
    if [ -z "$log" ] || [ -z "$run_log" ]; then
        fail "$what: a log is missing ('$log', run: '$run_log')"
        return
    fi
    grep -q '"mode":"text"' "$log" || fail "$what: the log is not mode text"
    if ! diff <(normalise "$run_log") <(normalise "$log") >"$WORK/diff"; then
        fail "$what: the text mode's log differs from run's: $(cat "$WORK/diff")"
        return
    fi
    echo "$what: $(wc -l <"$log") records, $(grep -c '"type":"decision"' "$log") decisions match"
}

# The session as an inputs file for `run`, and as the lines a trainee types.
cat >"$WORK/inputs.txt" <<'IN'
continue
choose obs
confidence 3
view explanation
view model_card
choose ctpa
confidence 6
trust 2
rationale "Post-op and breathless: PE first"
continue
view results
ask
choose escalate
trust 6
IN
run_app run "$CASE" --inputs "$WORK/inputs.txt" --trainee e2e --seed 11 --log-dir "$WORK/run"
expect_status 0 "run with the inputs"

# 1. In tmux, each line typed once the screen asks for it.
start play NO_COLOR=1 -- play "$CASE" --text --trainee e2e --seed 11 --log-dir "$WORK/text"
steps=(
    "Press Enter to start the case|1|"
    "Press Enter to continue.|1|"
    "Make your own first choice|1|2"
    "Confidence, 1 to 7|1|3"
    "Keep it (press Enter) or change it.|1|e"
    "Why the tool says this|1|m"
    "Model card:|1|1"
    "Confidence, 1 to 7|2|6"
    "Trust, 1 to 7|1|2"
    "why did you decide this?|1|Post-op and breathless: PE first"
    "Press Enter to continue.|2|"
    "He is getting worse. Now?|1|r"
    "Results, |1|a"
    "recommends:|2|1"
    "Trust, 1 to 7|2|6"
    "Press Enter to continue.|3|"
    "Press Enter for your debrief.|1|"
)
for s in "${steps[@]}"; do
    IFS='|' read -r text n keys <<<"$s"
    wait_for play "$text" "$n" || break
    type_line play "$keys"
done
status=$(wait_end play)
[ "$status" = 0 ] || fail "play --text exited $status: $(screen play | tail -n 20)"
screen play >"$WORK/screen.txt"
compare_logs "tmux" "$WORK/text"

# What the trainee read, line by line, in words.
for want in "2. Repeat observations in an hour" "AI recommends" "Your first choice" \
    "Outcome: " "Your debrief" "Your reason: Post-op and breathless: PE first" \
    "Session log: $WORK/text/"; do
    grep -qF -- "$want" "$WORK/screen.txt" || fail "the screen does not say '$want'"
done
# NO_COLOR: no escape at all, not even bold (capture-pane -e keeps them).
if screen play -e | grep -q $'\e\\['; then
    fail "with NO_COLOR the text mode still styles its text"
fi

# Without NO_COLOR, headings are bold (the check above can fail).
start bold -- play "$CASE" --text --trainee e2e --seed 11 --log-dir "$WORK/bold"
wait_for bold "Press Enter to start the case"
screen bold -e | grep -q $'\e\\[1m' || fail "a terminal without NO_COLOR has no bold heading"
type_line bold q
status=$(wait_end bold)
[ "$status" = 0 ] || fail "q at the start: exit $status: $(screen bold | grep -v "^$" | tail -n 5)"
[ -z "$(find "$WORK/bold" -name '*.jsonl' 2>/dev/null)" ] || fail "q at the start left a log"

# Ctrl+C leaves the case as the end of the input does: logged as quit, the
# log complete, exit 0.
start intr NO_COLOR=1 -- play "$CASE" --text --trainee e2e --seed 11 --log-dir "$WORK/intr"
wait_for intr "Press Enter to start the case"
type_line intr ""
wait_for intr "Press Enter to continue."
tmx send-keys -t intr C-c
status=$(wait_end intr)
[ "$status" = 0 ] || fail "Ctrl+C: exit $status: $(screen intr | tail -n 10)"
grep -q '"status":"quit"' "$WORK"/intr/*.jsonl || fail "Ctrl+C was not logged as quit"

# 2. The same lines from a pipe: standard input is not a terminal.
printf '%s\n' "" "" 2 3 e m 1 6 2 "Post-op and breathless: PE first" "" r a 1 6 "" "" |
    "$APPRAISE" play "$CASE" --text --trainee e2e --seed 11 --log-dir "$WORK/pipe" \
        >"$WORK/pipe.out" 2>"$WORK/pipe.err" || fail "from a pipe: exit $? $(cat "$WORK/pipe.err")"
compare_logs "pipe" "$WORK/pipe"
grep -q $'\e' "$WORK/pipe.out" && fail "output that is not a terminal has escapes"

# 3. A timed choice with nothing typed: 10 seconds left, then the time runs
#    out (the 30 s limit of timed.lua: this part takes 30 s).
start timed NO_COLOR=1 -- play "$HERE/timed.lua" --text --trainee e2e --seed 1 --log-dir "$WORK/timed"
wait_for timed "Press Enter to start the case"
type_line timed ""
wait_for timed "Time limit: 0:30 to confirm a choice."
if wait_for timed "10 seconds left: confirm now." && wait_for timed "Time ran out"; then
    wait_for timed "Press Enter to continue."
    type_line timed ""
    wait_for timed "Press Enter for your debrief."
    type_line timed ""
fi
status=$(wait_end timed)
[ "$status" = 0 ] || fail "the timed case: exit $status; the screen: $(screen timed | tail -n 30)"
grep -q '"timed_out":true' "$WORK"/timed/*.jsonl || fail "the time-out was not logged"
finish
