# make_cohort56 DIR: a teaching day's cohort for the debrief report's tests,
# written by the program itself so that the logs carry the node titles,
# prompts, option labels and teaching points of this version: 14 trainees
# each play 4 bundled cases (56 sessions; two cases have variants, chosen
# from trainee and case), by a policy that varies with the trainee, as if
# played in the window (mode "play"), four of them with a rationale typed
# at every decision (one with markup in it); then 8 practice runs of the same
# cases (mode "run"), which the figures leave out unless --include-runs.
make_cohort56() {
    local dir=$1 i=0 case policy
    local policies=(best follow-ai against-ai random)
    mkdir -p "$dir/day" "$dir/practice"
    for trainee in ana ben cai dee eli fay gus hal ivy jon kit lee max nia; do
        policy=${policies[$((i % 4))]}
        for case in ed-chest-pain sepsis-ed chatbot-advice stroke-hasu; do
            "$APPRAISE" run "$SCENARIOS_DIR/$case.lua" --policy "$policy" --trainee "$trainee" \
                --seed "$((i + 1))" --log-dir "$dir/day" >/dev/null 2>&1 ||
                fail "run $case --policy $policy --trainee $trainee"
        done
        i=$((i + 1))
    done
    sed -i 's/"mode":"run"/"mode":"play"/' "$dir"/day/*.jsonl
    sed -i 's/"rationale":null/"rationale":"The ECG and the story fit; I weighed the advice"/' \
        "$dir"/day/*_ana_*.jsonl "$dir"/day/*_ben_*.jsonl "$dir"/day/*_cai_*.jsonl
    sed -i 's/"rationale":null/"rationale":"<b>Not<\/b> what the AI said \\u0026 why"/' \
        "$dir"/day/*_dee_*.jsonl
    for case in ed-chest-pain sepsis-ed chatbot-advice stroke-hasu; do
        for policy in best follow-ai; do
            "$APPRAISE" run "$SCENARIOS_DIR/$case.lua" --policy "$policy" --trainee facilitator \
                --log-dir "$dir/practice" >/dev/null 2>&1 || fail "run $case --policy $policy"
        done
    done
}
