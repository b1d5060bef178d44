#!/usr/bin/env bash
# Benchmarks of the engine core (issue: load and play). Run through
# `cmake --build build --target bench`, or directly with APPRAISE and
# BENCH_LOAD set to the built binaries. Prints wall time and peak RSS of each
# process (GNU time), best of 5 runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
APPRAISE=${APPRAISE:-$here/../build/appraise}
BENCH_LOAD=${BENCH_LOAD:-$(dirname "$APPRAISE")/bench_load}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: GNU time is needed (apt-get install time)" >&2; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Best (lowest) wall time of 5 runs (bash's EPOCHREALTIME, microseconds)
# and the peak RSS of that run (GNU time).
measure() {
  local label=$1; shift
  local best="" rss=""
  for _ in 1 2 3 4 5; do
    local t0=$EPOCHREALTIME
    "$TIME" -f '%M' -o "$work/t" "$@" >/dev/null 2>"$work/err" || {
      cat "$work/err" >&2; echo "bench: $label failed" >&2; exit 1; }
    local t1=$EPOCHREALTIME
    local secs kb
    secs=$(awk "BEGIN{print $t1 - $t0}")
    kb=$(tail -n 1 "$work/t")
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; rss=$kb; fi
  done
  printf '%-48s %8.1f ms %8.1f MB\n' "$label" "$(awk "BEGIN{print $best*1000}")" \
    "$(awk "BEGIN{print $rss/1024}")"
}

bash "$here/gen_case.sh" chain 998 >"$work/load1000.lua"   # 1,000 nodes
bash "$here/gen_case.sh" chain 20 >"$work/play20.lua"

echo "Appraise core benchmarks ($(nproc) cores)"
measure "load + validate, 1,000-node case" "$BENCH_LOAD" "$work/load1000.lua"
measure "run 20-decision case --policy random" \
  "$APPRAISE" run "$work/play20.lua" --policy random --seed 7 --log-dir "$work/logs"
measure "run 20-decision case, logs on /dev/shm" \
  "$APPRAISE" run "$work/play20.lua" --policy random --seed 7 --log-dir /dev/shm/appraise-bench-$$
rm -rf /dev/shm/appraise-bench-$$

# The other benchmarks, where they exist.
for extra in check.sh debrief.sh window.sh; do
  if [ -f "$here/$extra" ]; then
    echo
    APPRAISE=$APPRAISE bash "$here/$extra"
  fi
done
