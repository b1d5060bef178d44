#!/usr/bin/env bash
# The bundled library (scenarios/*.lua) covers what the case-library issue
# asks for, read from the cases themselves:
#   - from each case's coverage keys (scenarios/lib/coverage.md): every
#     setting and every AI failure mode on the list, with known values only;
#   - from the logs of every variant played under every policy: all three
#     advice timings, advice labelled as someone other than "AI", confidence
#     shown and hidden, at least four cases whose variants turn the same
#     advised decision from right to wrong, and the AI wrong at 30-50% of
#     advised decisions, with both false positives and false negatives - each
#     wrong decision played listed in the case's x_ai_errors, and no listed
#     one played right;
#   - from the files: a time limit somewhere;
#   - the one-hour teaching path (scenarios/teaching-path.txt: "ID [VARIANT]"
#     a line) has four cases from four settings and four professions, about
#     30 minutes of play, and opens with a case whose AI is right at its
#     first advised decision in the variant the path plays (in every variant
#     when it names none); the half-day path (teaching-path-half-day.txt) has
#     eight cases or more within three hours;
#   - at least 21 cases, 12 professions and 10 settings; every tool type known
#     (x_tool_types) and all three generative kinds; one case whose tool gives
#     no explanation and one whose explanation misleads (x_explanations);
#   - trainee-facing text: no "variant" and no variant id in any string a
#     trainee sees; no outcome word in a title, summary or tag;
#   - the table in scenarios/README.md ("## The case library") names every case.
source "$(dirname "$0")/helpers.bash"
: "${SCENARIOS_DIR:?set SCENARIOS_DIR to the bundled scenarios folder}"
command -v jq >/dev/null || { echo "jq is needed" >&2; exit 1; }

SETTINGS_KNOWN="emergency acute_ward primary_care radiology paediatrics maternity
mental_health pharmacy prehospital stroke critical_care virtual_ward dermatology
urgent_care community general_practice_admin outpatients"
TOOL_TYPES="risk_score classifier image_classifier triage_model alerting decision_support
ambient_scribe chatbot summariser"
GENERATIVE="ambient_scribe chatbot summariser"
# Words that tell the trainee the outcome before the case is played.
OUTCOME_WORDS='ai[-_ ]?(right|wrong)|false[-_ ](negative|positive)|counterbalanced|spurious|out[-_ ]of[-_ ]scope|alert[-_ ]fatigue|automation bias|that was (right|wrong|not)|was (right|wrong)|missed|overruled'

# trainee_strings FILE: the quoted strings a trainee may see: every string
# literal outside comments, the x_ keys, the variants list and the
# references (names of guidance, which may say anything).
trainee_strings() {
    awk '
        /^ *--/ { next }
        /^  x_[a-z_]* = \{/ { skip = 1 }
        /^  (variants|references|authors) = \{/ { skip = 1 }
        skip { if ($0 ~ /\}/) skip = 0; next }
        /^  x_[a-z_]* = / { next }
        { sub(/ --.*$/, ""); print }
    ' "$1" |
        # code, not text: include("variants"), s.variant == "ai_wrong", t["key"]
        sed -E 's/include\("[^"]*"\)//g; s/[=~]= *"[^"]*"//g; s/\[ *"[^"]*" *\]//g' |
        grep -o '"[^"]*"' || true
}

# meta_text FILE: the title, the summary (which may run over lines joined
# with ..) and the tags, as the library screen shows them.
meta_text() {
    awk '
        /^  title = / { print; next }
        /^  summary = / { on = 1 }
        on { print; if ($0 !~ /\.\. *$/) on = 0 }
    ' "$1"
    key_list "$1" tags
}
SETTINGS_REQUIRED="emergency acute_ward primary_care radiology paediatrics maternity
mental_health pharmacy"
MODES="false_negative false_positive out_of_scope training_bias spurious_cue
alert_fatigue ai_right"
POLICIES="best follow-ai against-ai first random"
RANDOM_SEEDS="1 2 3"

# key_value FILE KEY: the string of a one-line `KEY = "value",` at the top level.
key_value() {
    sed -n "s/^  $2 = \"\\([^\"]*\\)\",\$/\\1/p" "$1" | head -n 1
}

# key_list FILE KEY: the strings of `KEY = { "a", "b" ... }`, which may run on
# over the following lines up to the closing brace; one a line.
key_list() {
    awk -v key="$2" '
        !on && $0 ~ "^  " key " = \\{" { on = 1 }
        on { print; if ($0 ~ /\}/) exit }
    ' "$1" | sed 's/^[^{]*{//; s/}.*$//' | grep -o '"[^"]*"' | tr -d '"' || true
}

# case_id FILE: the case's id.
case_id() { key_value "$1" id; }

in_list() { # WORD LIST...
    local w=$1; shift
    for x in $*; do [ "$x" = "$w" ] && return 0; done
    return 1
}

# variants_of CASE: the case's variants, as the engine reports them for a
# variant that does not exist (none for a case without variants).
variants_of() {
    run_app run "$1" --policy best --variant no-such-variant --log-dir "$WORK/probe"
    if grep -q "has no variants)" "$WORK/err"; then return; fi
    sed -n "s/^appraise: unknown variant .* has: \(.*\))$/\1/p" "$WORK/err" | tr ',' '\n' | tr -d ' '
}

mkdir -p "$WORK/logs"
: >"$WORK/professions"
: >"$WORK/tooltypes"
: >"$WORK/explanations"
: >"$WORK/settings"
: >"$WORK/modes"
: >"$WORK/errors"   # case variant node kind, from x_ai_errors
: >"$WORK/minutes"  # id minutes
: >"$WORK/ids"
cases=0

# 1. The coverage keys, and every variant played under every policy.
for case_file in "$SCENARIOS_DIR"/*.lua; do
    cases=$((cases + 1))
    name=$(basename "$case_file")
    id=$(case_id "$case_file")
    [ -n "$id" ] || { fail "$name: no id found"; continue; }
    echo "$id" >>"$WORK/ids"
    echo "$id $(sed -n 's/^  minutes = \([0-9]*\),$/\1/p' "$case_file" | head -n 1)" >>"$WORK/minutes"

    setting=$(key_value "$case_file" x_setting)
    profession=$(key_value "$case_file" x_profession)
    if [ -z "$setting" ]; then
        fail "$name: no x_setting (see scenarios/lib/coverage.md)"
    elif ! in_list "$setting" $SETTINGS_KNOWN; then
        fail "$name: x_setting '$setting' is not one of: $(echo $SETTINGS_KNOWN)"
    else
        echo "$setting" >>"$WORK/settings"
    fi
    [ -n "$profession" ] || fail "$name: no x_profession (see scenarios/lib/coverage.md)"
    echo "$id $setting $profession" >>"$WORK/professions"

    grep -q '^  x_tool_types = {' "$case_file" || fail "$name: no x_tool_types"
    for t in $(key_list "$case_file" x_tool_types); do
        in_list "$t" $TOOL_TYPES || fail "$name: x_tool_types has '$t', not one of: $(echo $TOOL_TYPES)"
        echo "$t" >>"$WORK/tooltypes"
    done
    for x in $(key_list "$case_file" x_explanations); do
        case "$x" in
        none)
            grep -qE '^[^-]*\breasons *=' "$case_file" &&
                fail "$name: x_explanations says none, but the file gives reasons"
            ;;
        misleading) ;;
        *) fail "$name: x_explanations has '$x', not none or misleading" ;;
        esac
        echo "$x" >>"$WORK/explanations"
    done

    # Trainee-facing text: no variant talk, no outcome in the listing.
    case_variants=$(key_list "$case_file" variants)
    trainee_strings "$case_file" >"$WORK/strings"
    if grep -inE '\bvariants?\b' "$WORK/strings" >"$WORK/hits"; then
        fail "$name: trainee-facing text speaks of variants: $(head -n 3 "$WORK/hits" | tr '\n' ' ')"
    fi
    for v in $case_variants; do
        case "$v" in *[_-]*) ;; *) continue ;; esac # a plain word ("colleague") may be prose
        if grep -n "\b$v\b" "$WORK/strings" >"$WORK/hits"; then
            fail "$name: trainee-facing text names the variant '$v': $(head -n 2 "$WORK/hits" | tr '\n' ' ')"
        fi
    done
    if meta_text "$case_file" | grep -inE "$OUTCOME_WORDS" >"$WORK/hits"; then
        fail "$name: the title, summary or tags give the outcome away: $(head -n 3 "$WORK/hits" | tr '\n' ' ')"
    fi

    grep -q '^  x_failure_modes = {' "$case_file" || fail "$name: no x_failure_modes"
    for mode in $(key_list "$case_file" x_failure_modes); do
        if in_list "$mode" $MODES; then
            echo "$mode" >>"$WORK/modes"
        else
            fail "$name: x_failure_modes has '$mode', not one of: $(echo $MODES)"
        fi
    done

    grep -q '^  x_ai_errors = {' "$case_file" || fail "$name: no x_ai_errors"
    while read -r entry kind; do
        [ -n "$entry" ] || continue
        case "$kind" in
        false_negative | false_positive) ;;
        *) fail "$name: x_ai_errors entry '$entry $kind': kind must be false_negative or false_positive" ;;
        esac
        echo "$id ${entry%%/*} ${entry#*/} $kind" >>"$WORK/errors"
    done < <(key_list "$case_file" x_ai_errors)

    variants_of "$case_file" >"$WORK/variants"
    mapfile -t variants <"$WORK/variants"
    [ "${#variants[@]}" -eq 0 ] && variants=("")
    for variant in "${variants[@]}"; do
        for policy in $POLICIES; do
            seeds=1
            [ "$policy" = random ] && seeds=$RANDOM_SEEDS
            for seed in $seeds; do
                log="$WORK/logs/${id}_${variant:-none}_${policy}_${seed}.jsonl"
                run_app run "$case_file" --policy "$policy" --seed "$seed" \
                    ${variant:+--variant "$variant"} --log "$log"
                [ "$status" -eq 0 ] || fail "$name ${variant:+--variant $variant }--policy $policy: exit $status"
            done
        done
    done
done
[ "$cases" -ge 21 ] || fail "the library has $cases cases; at least 21 are needed"
n_prof=$(cut -d' ' -f3 "$WORK/professions" | sort -u | grep -c .)
n_set=$(cut -d' ' -f2 "$WORK/professions" | sort -u | grep -c .)
echo "$cases cases, $n_prof professions, $n_set settings"
[ "$n_prof" -ge 12 ] || fail "the library covers $n_prof professions; at least 12 are needed"
[ "$n_set" -ge 10 ] || fail "the library covers $n_set settings; at least 10 are needed"
for g in $GENERATIVE; do
    grep -qx "$g" "$WORK/tooltypes" || fail "no case uses a generative '$g' tool"
done
grep -qx none "$WORK/explanations" || fail "no case has a tool that gives no explanation"
grep -qx misleading "$WORK/explanations" || fail "no case has a tool whose explanation misleads"

# 2. Settings and failure modes.
for s in $SETTINGS_REQUIRED; do
    grep -qx "$s" "$WORK/settings" || fail "no case is set in '$s'"
done
grep -qxE 'prehospital|stroke' "$WORK/settings" || fail "no pre-hospital or stroke case"
for m in $MODES; do
    grep -qx "$m" "$WORK/modes" || fail "no case teaches the failure mode '$m'"
done

# 3. What the logs show. One line per decision with advice:
#    case variant node timing ai_correct
cat "$WORK"/logs/*.jsonl | jq -r '
    if .type == "session_start" then "S \(.case) \(.variant // "-")"
    elif .type == "decision" and .timing != null then "D \(.node) \(.timing) \(.ai_correct)"
    elif .type == "advice_shown" then "A \(.source) \(.confidence != null)"
    else empty end' |
    awk '$1 == "S" { c = $2; v = $3; next }
         $1 == "D" { print "D", c, v, $2, $3, $4; next }
         { print }' >"$WORK/records"
grep '^D ' "$WORK/records" | cut -d' ' -f2- | sort -u >"$WORK/decisions"

for timing in after_initial with_case on_request; do
    awk -v t="$timing" '$4 == t { found = 1 } END { exit !found }' "$WORK/decisions" ||
        fail "no advised decision uses timing '$timing'"
done
# (awk, not a pipe into grep -q: under pipefail the first command of such a
# pipe dies of SIGPIPE once its output outgrows a buffer, failing the check.)
awk '/^A / && !/^A AI / { found = 1 } END { exit !found }' "$WORK/records" ||
    fail "no advice is labelled as coming from someone other than the AI"
grep -q '^A .* true$' "$WORK/records" || fail "no advice shows a confidence"
grep -q '^A .* false$' "$WORK/records" || fail "no advice hides its confidence"
grep -qE '^ *time_limit = [0-9]+' "$SCENARIOS_DIR"/*.lua || fail "no case has a time limit"

# A node whose advice is right in one variant and wrong in another.
counterbalanced=$(awk '$2 != "-" { seen[$1 " " $3 " " $5] = 1 }
    END { for (k in seen) { split(k, p, " "); if (p[3] == "true" && seen[p[1] " " p[2] " false"]) print p[1] } }' \
    "$WORK/decisions" | sort -u | wc -l)
echo "$counterbalanced cases counterbalance the AI right and wrong across variants"
[ "$counterbalanced" -ge 4 ] ||
    fail "$counterbalanced case(s) counterbalance the AI right and wrong across variants; at least 4 needed"

# Every wrong advice played is listed in x_ai_errors; no listed one played right.
: >"$WORK/kinds"
while read -r c v n timing correct; do
    kind=$(awk -v c="$c" -v v="$v" -v n="$n" \
        '$1 == c && ($2 == v || $2 == "*") && $3 == n { print $4; exit }' "$WORK/errors")
    if [ "$correct" = false ]; then
        if [ -n "$kind" ]; then
            echo "$kind" >>"$WORK/kinds"
        else
            fail "$c (variant $v): the AI is wrong at '$n' but x_ai_errors does not list it"
        fi
    elif [ -n "$kind" ]; then
        fail "$c (variant $v): x_ai_errors lists '$n' but the AI is right there"
    fi
done <"$WORK/decisions"
# An entry naming no advised decision that was played is most likely a typo.
while read -r c v n kind; do
    awk -v c="$c" -v v="$v" -v n="$n" '$1 == c && (v == "*" || $2 == v) && $3 == n { found = 1 }
        END { exit !found }' "$WORK/decisions" ||
        fail "$c: x_ai_errors entry '$v/$n' names no advised decision played in that variant"
done <"$WORK/errors"
grep -qx false_negative "$WORK/kinds" || fail "no false negative among the AI's errors"
grep -qx false_positive "$WORK/kinds" || fail "no false positive among the AI's errors"

# The AI-wrong share of advised decisions, as a cohort meets them: each case
# played once, in one of its variants, so a variant's decisions weigh
# 1 / (the case's number of variants).
share=$(awk '{ k = $1 SUBSEP $2
        if (!(k in total)) nv[$1]++
        total[k]++; if ($5 == "false") wrong[k]++ }
    END {
        for (k in total) { split(k, p, SUBSEP)
            t += total[k] / nv[p[1]]; w += wrong[k] / nv[p[1]] }
        printf "%.3f %.1f %.1f\n", w / t, w, t
    }' "$WORK/decisions")
read -r ratio wrong_n total_n <<<"$share"
echo "AI wrong at $wrong_n of $total_n advised decisions per play-through of the library ($ratio)"
awk -v r="$ratio" 'BEGIN { exit !(r >= 0.25 && r <= 0.35) }' ||
    fail "the AI is wrong at a share of $ratio of advised decisions; 0.25-0.35 needed"

# 4. The teaching paths: "ID [VARIANT]" a line.
# check_path FILE MIN_CASES MAX_CASES MAX_MINUTES: the ids exist, the variants
# are the case's, the minutes add up to at most MAX_MINUTES. Leaves the path
# as "id variant" lines in $WORK/path.
check_path() {
    local file=$1 min=$2 max=$3 max_minutes=$4 total=0 n=0
    : >"$WORK/path"
    if [ ! -f "$file" ]; then
        fail "no $file"
        return
    fi
    sed 's/#.*//' "$file" | awk 'NF { print $1, ($2 == "" ? "-" : $2) }' >"$WORK/path"
    while read -r id variant; do
        n=$((n + 1))
        grep -qx "$id" "$WORK/ids" || fail "$file: no case '$id'"
        if [ "$variant" != - ] && ! ls "$WORK"/logs/"${id}_${variant}"_*.jsonl >/dev/null 2>&1; then
            fail "$file: the case '$id' has no variant '$variant'"
        fi
        m=$(awk -v id="$id" '$1 == id { print $2 }' "$WORK/minutes")
        total=$((total + ${m:-0}))
    done <"$WORK/path"
    [ "$n" -ge "$min" ] && [ "$n" -le "$max" ] ||
        fail "$file has $n cases; $min to $max are needed"
    [ "$total" -le "$max_minutes" ] || fail "$file takes $total minutes; at most $max_minutes"
    echo "$file: $n cases, $total minutes"
}

check_path "$SCENARIOS_DIR/teaching-path.txt" 4 4 35
# One hour, a mixed group: four settings and four professions.
dupes=$(cut -d' ' -f1 "$WORK/path" | while read -r id; do
    awk -v id="$id" '$1 == id { print $2 }' "$WORK/professions"; done | sort | uniq -d)
[ -z "$dupes" ] || fail "the one-hour path has two cases in the same setting: $dupes"
dupes=$(cut -d' ' -f1 "$WORK/path" | while read -r id; do
    awk -v id="$id" '$1 == id { print $3 }' "$WORK/professions"; done | sort | uniq -d)
[ -z "$dupes" ] || fail "the one-hour path has two cases for the same profession: $dupes"
# The opening case: the AI right at its first advised decision, in the
# variant the path plays (every variant when it names none).
if read -r opener opener_variant <"$WORK/path"; then
    pattern="${opener}_*.jsonl"
    [ "$opener_variant" != - ] && pattern="${opener}_${opener_variant}_*.jsonl"
    played=0
    for log in "$WORK"/logs/$pattern; do
        [ -f "$log" ] || continue
        played=1
        first=$(jq -r 'select(.type == "decision" and .timing != null) | .ai_correct' "$log" | head -n 1)
        if [ "$first" != true ]; then
            fail "teaching path: the opening case '$opener' has the AI wrong first ($(basename "$log"))"
            break
        fi
    done
    [ "$played" -eq 1 ] || fail "teaching path: the opening case '$opener' was not played"
fi
check_path "$SCENARIOS_DIR/teaching-path-half-day.txt" 8 40 180

# 5. The README's table names every case.
README="$SCENARIOS_DIR/README.md"
if [ ! -f "$README" ]; then
    fail "no $README"
else
    awk '/^## The case library/ { on = 1; next } /^## / { on = 0 } on' "$README" >"$WORK/section"
    [ -s "$WORK/section" ] || fail "$README has no '## The case library' section"
    while read -r id; do
        grep -q "\`$id\`" "$WORK/section" || fail "$README: the case library table does not name \`$id\`"
    done <"$WORK/ids"
fi

echo "checked $cases cases"
finish
