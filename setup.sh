#!/usr/bin/env bash
# Sets up Appraise on Debian or Ubuntu: installs the packages the build and
# the tests need (only those missing), then configures and builds into build/.
#
#   ./setup.sh          install what is missing to build and play, build
#   ./setup.sh play     ... then open the case library window (build/appraise);
#                       with no display, play the example case window-less
#                       with the `best` policy and say where the log went
#   ./setup.sh test     ... also install the test tools, then run every test (ctest)
#   ./setup.sh fuzz [SECONDS]
#                       ... also install clang and its libFuzzer, then fuzz each
#                       harness of tests/fuzz for SECONDS (default 60)
#
# Running it again is quick: nothing is installed when all is there, and the
# build only recompiles what changed.
set -euo pipefail

cd "$(dirname "$0")"

PACKAGES=(
    # build
    cmake gcc pkg-config liblua5.4-dev libcjson-dev nettle-dev uuid-dev zlib1g-dev libcmocka-dev
    # the window, and its self-voicing through speech-dispatcher
    libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libspeechd-dev
    # recommended at run time: `appraise graph --html` draws the map with
    # Graphviz's dot (the tests of the map need it too)
    graphviz
)
TEST_PACKAGES=(
    # tests of the window and its screenshots (xclip reads its clipboard)
    xvfb xdotool imagemagick jq xclip
    # the real speech test (tests/cli/speech_real.sh): a speech engine, a
    # sound server with a null sink to record from, and sox to measure
    speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pulseaudio pulseaudio-utils sox
    # tests of the debrief report (headless browser) and of its xAPI (npm validator)
    chromium nodejs
    # benchmarks (GNU time for peak RSS)
    time
    # the text mode played in a real terminal (tests/cli/text_play.sh)
    tmux
)
FUZZ_PACKAGES=(
    # Debian's clang (CI's second compiler) and its libFuzzer runtime (tests/fuzz)
    clang libclang-rt-14-dev
)

say() { printf 'setup: %s\n' "$*" >&2; }

with_test_packages() {
    PACKAGES+=("${TEST_PACKAGES[@]}")
    # Debian ships npm apart from nodejs; other nodejs builds bundle it.
    if ! command -v npm >/dev/null; then
        PACKAGES+=(npm)
    fi
}

missing_packages() {
    local p
    for p in "${PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            printf '%s\n' "$p"
        fi
    done
}

install_packages() {
    local missing
    mapfile -t missing < <(missing_packages)
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    if ! command -v apt-get >/dev/null; then
        say "missing packages: ${missing[*]}; install them with your package manager"
        exit 3
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    say "installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

build() {
    # Configure every time (a second of work): a cache left by a configure
    # that failed for want of a package would otherwise stop the build.
    cmake -S . -B build >/dev/null
    cmake --build build -j"$(nproc 2>/dev/null || echo 2)"
}

# The bundled example: sepsis-ed when present, else the first case alphabetically.
example_case() {
    if [ -f scenarios/sepsis-ed.lua ]; then
        echo scenarios/sepsis-ed.lua
        return
    fi
    local first
    first=$(find scenarios -maxdepth 1 -name '*.lua' | LC_ALL=C sort | head -n 1)
    if [ -z "$first" ]; then
        say "no case in scenarios/ yet"
        exit 1
    fi
    echo "$first"
}

play() {
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        say "opening the case library"
        # appraise says on stderr where each session's log went.
        build/appraise
        return
    fi
    local case_file
    case_file=$(example_case)
    say "no display: playing $case_file window-less with the 'best' policy"
    build/appraise run "$case_file" --policy best
}

case "${1:-}" in
"" | play | test | fuzz) ;;
-h | --help)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
*)
    say "unknown option '$1' (expected nothing, play, test or fuzz)"
    exit 2
    ;;
esac

if [ "${1:-}" = test ]; then
    with_test_packages
fi
if [ "${1:-}" = fuzz ]; then
    PACKAGES+=("${FUZZ_PACKAGES[@]}")
fi
install_packages
if [ "${1:-}" = fuzz ]; then
    # The harnesses have their own build (clang, build-fuzz/).
    exec tests/fuzz/run.sh "${2:-60}"
fi
build
case "${1:-}" in
play) play ;;
test) ctest --test-dir build --output-on-failure -j2 ;;
*) say "built build/appraise; try ./setup.sh play or ./setup.sh test" ;;
esac
