#!/usr/bin/env bash
# `cmake --install` puts the program, the case library and the assets where
# the installed program finds them again (cli.md); an environment variable
# overrides each.
source "$(dirname "$0")/helpers.bash"

build_dir=$(dirname "$APPRAISE")
prefix="$WORK/prefix"
if ! cmake --install "$build_dir" --prefix "$prefix" >"$WORK/install.log" 2>&1; then
    fail "cmake --install failed: $(cat "$WORK/install.log")"
    finish
fi
APPRAISE="$prefix/bin/appraise"
[ -x "$APPRAISE" ] || fail "no installed program at $APPRAISE"

run_app --version
expect_status 0 "--version of the installed program"
expect_in out "case library: $prefix/bin/../share/appraise/scenarios" "finds the installed library"
expect_in out "assets: $prefix/bin/../share/appraise/assets" "finds the installed assets"
[ -f "$prefix/share/appraise/assets/fonts/DejaVuSans.ttf" ] || fail "font not installed"
[ -f "$prefix/share/appraise/assets/fonts/LICENSE-DejaVu.txt" ] || fail "font licence not installed"
[ -f "$prefix/share/appraise/scenarios/teaching-path.txt" ] || fail "teaching path not installed"
[ -f "$prefix/share/appraise/scenarios/library.txt" ] || fail "the library's settings not installed"

# An installed case still finds its shared pieces (include from lib/).
run_app run "$prefix/share/appraise/scenarios/paeds-febrile-infant.lua" --policy best \
    --log-dir "$WORK/logs"
expect_status 0 "an installed case plays"

APPRAISE_SCENARIOS_DIR="$WORK/mine" APPRAISE_ASSETS_DIR="$WORK/art" run_app --version
expect_in out "case library: $WORK/mine" "APPRAISE_SCENARIOS_DIR overrides"
expect_in out "assets: $WORK/art" "APPRAISE_ASSETS_DIR overrides"
finish
