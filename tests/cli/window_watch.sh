#!/usr/bin/env bash
# play --watch in the real window under Xvfb: keys to a decision, then the
# case file is saved anew while the window is open. The draw log
# (APPRAISE_DRAW_LOG) must show the new text at the same step; a save that
# breaks the case shows its FILE:LINE in the bar with the old text still
# drawn; the next good save recovers. Run with the inotify watcher and
# again with the polling fallback (APPRAISE_WATCH=poll). The previews are
# logged with mode preview in their own folder; the trainees' folder stays
# empty. --watch with --text is a usage error.
source "$(dirname "$0")/helpers.bash"
source "$(dirname "$0")/window.bash"

in_xvfb 1366x768 xdotool

export APPRAISE_UI_TITLE_KEYS=1
export APPRAISE_WINDOW_SIZE=1366x768
export XDG_CONFIG_HOME="$WORK/config"
export APPRAISE_DRAW_LOG="$WORK/draw.log"

# The case: line 9 is the choice's text (and where a broken save breaks).
write_case() { # CHOICE_TEXT [EXTRA]
    cat >"$WORK/case/case.lua" <<EOF
local h = include("helpers")
return case {
  id = "watched", version = "1", title = "Watched",
  vitals = { hr = 80, sbp = 120, dbp = 80, rr = 16, spo2 = 98, temp = 37.0,
             avpu = "A" },
  start = "arrival",
  nodes = {
    arrival = { text = h.arrival, next = "choice" },
    choice = { text = "$1" .. h.aside, ${2:-}
      decision = { options = { { id = "a", label = "Option A", next = "done" },
                               { id = "b", label = "Option B", next = "done" } },
                   best = { "a" } } },
    done = { text = "Home.", ending = { outcome = "good", summary = "Home." } },
  },
}
EOF
}

# wait_last_frame TEXT WHAT: until the last frame drawn has TEXT (a minute
# at most).
wait_last_frame() {
    for _ in $(seq 600); do
        if last_frame | grep -qF -- "$1"; then
            return 0
        fi
        sleep 0.1
    done
    fail "$2: '$1' was not drawn; the last frame: $(last_frame | tr '\n' '|')"
    return 1
}

expect_drawn() { # TEXT WHAT
    last_frame | grep -qF -- "$1" || fail "$2: '$1' is not in the last frame: $(last_frame | tr '\n' '|')"
}

expect_not_drawn() { # TEXT WHAT
    ! last_frame | grep -qF -- "$1" || fail "$2: '$1' is still drawn"
}

watch_session() { # WHAT: the whole session, under the watcher the environment says
    local what=$1
    rm -rf "$WORK/case" "$WORK/xdg" "$APPRAISE_DRAW_LOG"
    mkdir -p "$WORK/case"
    echo 'return { arrival = "The patient arrives.", aside = "" }' >"$WORK/case/helpers.lua"
    write_case "Which treatment first?"
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$APPRAISE" play "$WORK/case/case.lua" --watch --trainee author --seed 3 \
        >"$WORK/play.out" 2>"$WORK/play.err" &
    local pid=$! wid sent=0
    wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
    if [ -z "$wid" ]; then
        fail "$what: the window did not open: $(cat "$WORK/play.err")"
        kill "$pid" 2>/dev/null || true
        return
    fi
    xdotool windowfocus --sync "$wid"
    # The start screen, then Continue past the arrival: at the decision.
    for k in Return Return; do
        xdotool key "$k"
        sent=$((sent + 1))
        wait_keys "$pid" "$wid" "$sent"
    done
    wait_last_frame "Which treatment first?" "$what: at the decision"
    expect_drawn "Option A" "$what: at the decision"

    # 1. A save with new text: drawn at the same step.
    write_case "Which treatment comes first, now?"
    wait_last_frame "Which treatment comes first, now?" "$what: the new text after a save"
    expect_drawn "Option B" "$what: still at the decision"

    # 2. The include alone saved: reloaded too, its new text at the decision.
    echo 'return { arrival = "The patient arrives.", aside = " By ambulance." }' \
        >"$WORK/case/helpers.lua"
    wait_last_frame "Which treatment comes first, now? By ambulance." "$what: after the include saved"

    # 3. A broken save: its FILE:LINE in the bar, the old text still drawn.
    write_case "Broken" "titel = 3 3,"
    wait_last_frame "case.lua:9:" "$what: the broken save's FILE:LINE"
    expect_drawn "(the last version that loaded is still playing)" "$what: the bar"
    expect_drawn "Which treatment comes first, now? By ambulance." "$what: the old version still shown"
    # WATCH_SCREENSHOT=FILE.png: the screen as it is now, to look at.
    if [ "$what" = inotify ] && [ -n "${WATCH_SCREENSHOT:-}" ]; then
        import -window root "$WATCH_SCREENSHOT" 2>/dev/null || true
    fi

    # 4. The next good save recovers, at the same step, the bar gone.
    write_case "Fixed: which treatment first?"
    wait_last_frame "Fixed: which treatment first?" "$what: recovered"
    expect_not_drawn "case.lua:9:" "$what: the bar after recovery"

    # Leave: Esc, L.
    for k in Escape l; do
        xdotool key "$k"
        sent=$((sent + 1))
        wait_keys "$pid" "$wid" "$sent"
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true

    # The previews' logs: mode preview, in their own folder; none for trainees.
    local previews
    previews=$(find "$WORK/xdg/appraise/preview" -name '*.jsonl' 2>/dev/null | wc -l)
    # The first session, and one per save that loaded (3: new text, the
    # include, the fix).
    [ "$previews" -eq 4 ] || fail "$what: $previews preview logs, expected 4"
    if grep -L '"mode":"preview"' "$WORK"/xdg/appraise/preview/*.jsonl | grep -q .; then
        fail "$what: a preview log is not mode preview"
    fi
    if [ -n "$(find "$WORK/xdg/appraise/logs" -name '*.jsonl' 2>/dev/null)" ]; then
        fail "$what: a log was written to the trainees' folder"
    fi
}

watch_session inotify
APPRAISE_WATCH=poll watch_session poll

run_app play "$WORK/case/case.lua" --watch --text --trainee t
expect_status 2 "--watch with --text"
expect_in err "--watch needs the window" "--watch with --text says why"

finish
