# Shared by the tests/cli/*.sh scripts (sourced; not a test itself).
# $APPRAISE is the binary under test (set by ctest).
set -euo pipefail

: "${APPRAISE:?set APPRAISE to the appraise binary}"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/appraise-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Never write into the real user's log folder.
export XDG_DATA_HOME="$WORK/xdg"

failures=0

fail() {
    printf 'FAIL: %s\n' "$*" >&2
    failures=$((failures + 1))
}

# run_app ARGS...: runs appraise, keeping stdout, stderr and the exit code.
run_app() {
    set +e
    "$APPRAISE" "$@" >"$WORK/out" 2>"$WORK/err"
    status=$?
    set -e
}

expect_status() {
    local want=$1 what=$2
    if [ "$status" -ne "$want" ]; then
        fail "$what: exit $status, expected $want; stderr: $(cat "$WORK/err")"
    fi
}

# expect_in FILE TEXT WHAT: FILE (out or err) contains TEXT (fixed string).
expect_in() {
    local file=$1 text=$2 what=$3
    if ! grep -qF -- "$text" "$WORK/$file"; then
        fail "$what: '$text' not in std$file: $(cat "$WORK/$file")"
    fi
}

expect_not_in() {
    local file=$1 text=$2 what=$3
    if grep -qF -- "$text" "$WORK/$file"; then
        fail "$what: '$text' unexpectedly in std$file"
    fi
}

finish() {
    if [ "$failures" -ne 0 ]; then
        printf '%d check(s) failed\n' "$failures" >&2
        exit 1
    fi
    echo ok
}

# chrome ARGS... URL: headless Chromium as the browser tests need it
# ($CHROMIUM: the binary), console messages logged to $WORK/console.log.
chrome() {
    local profile
    profile=$(mktemp -d "$WORK/profile-XXXXXX")
    HOME="$WORK" timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update --disable-sync \
        --disable-extensions --user-data-dir="$profile" --enable-logging=stderr --v=0 \
        "$@" 2>"$WORK/console.log"
}
