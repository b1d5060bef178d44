#!/usr/bin/env bash
# Every bundled case (scenarios/*.lua) is played to an ending under every
# policy and every variant: `run` exits 0 and the log holds an `ending`
# record and a `session_end` with status `complete`. `random` is played with
# several seeds, since one seed walks one path.
source "$(dirname "$0")/helpers.bash"
: "${SCENARIOS_DIR:?set SCENARIOS_DIR to the bundled scenarios folder}"

POLICIES="best follow-ai against-ai first random"
RANDOM_SEEDS="1 2 3 4 5"

# variants_of CASE: the case's variants, one a line (none for a case without
# them), as the engine itself reports them for a variant that does not exist.
variants_of() {
    run_app run "$1" --policy best --variant no-such-variant --log-dir "$WORK/probe"
    if [ "$status" -ne 2 ]; then
        fail "$1: probing variants: exit $status, expected 2; stderr: $(cat "$WORK/err")"
        return
    fi
    if grep -q "has no variants)" "$WORK/err"; then
        return
    fi
    local list
    list=$(sed -n "s/^appraise: unknown variant .* has: \(.*\))$/\1/p" "$WORK/err")
    if [ -z "$list" ]; then
        fail "$1: cannot read the variants from: $(cat "$WORK/err")"
        return
    fi
    echo "$list" | tr ',' '\n' | tr -d ' '
}

# play CASE POLICY SEED [VARIANT]: one session, checked to its ending.
play() {
    local case_file=$1 policy=$2 seed=$3 variant=${4:-}
    local what="$(basename "$case_file") --policy $policy --seed $seed${variant:+ --variant $variant}"
    local log="$WORK/logs/$(basename "$case_file" .lua)_${policy}_${seed}_${variant:-none}.jsonl"
    run_app run "$case_file" --policy "$policy" --seed "$seed" ${variant:+--variant "$variant"} \
        --log "$log"
    if [ "$status" -ne 0 ]; then
        fail "$what: exit $status; stderr: $(cat "$WORK/err")"
        return
    fi
    if ! grep -q '"type":"ending"' "$log"; then
        fail "$what: no ending record in the log"
    fi
    if ! grep '"type":"session_end"' "$log" | grep -q '"status":"complete"'; then
        fail "$what: session_end is not complete"
    fi
    played=$((played + 1))
}

mkdir -p "$WORK/logs"
played=0
cases=0
for case_file in "$SCENARIOS_DIR"/*.lua; do
    cases=$((cases + 1))
    # Not in a subshell, so that a failure while probing is counted.
    variants_of "$case_file" >"$WORK/variants"
    mapfile -t variants <"$WORK/variants"
    [ "${#variants[@]}" -eq 0 ] && variants=("")
    for variant in "${variants[@]}"; do
        for policy in $POLICIES; do
            seeds=1
            [ "$policy" = random ] && seeds=$RANDOM_SEEDS
            for seed in $seeds; do
                play "$case_file" "$policy" "$seed" "$variant"
            done
        done
    done
done

# The library is not empty, so the loop above cannot pass by doing nothing.
if [ "$cases" -lt 2 ]; then
    fail "found only $cases bundled case(s) in $SCENARIOS_DIR"
fi
echo "played $played sessions of $cases cases"
finish
