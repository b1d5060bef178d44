/* appraise check CASE.lua...: validate cases and walk every path (the work
 * is tools/check.c). */
#include <stdint.h>

#include "case_image.h"
#include "check.h"
#include "cli.h"
#if APPRAISE_WINDOW
#include "ui/image_check.h"
#endif

/* The options and the files go straight into check's own options, but for
 * the bounds: the parser reads whole numbers as unsigned long long. */
typedef struct check_args {
    check_opts o;
    unsigned long long max_states, max_depth;
} check_args;

static const cli_opt opts[] = {
    CLI_FLAG_OPT("--strict", check_args, o.strict, "warnings fail the check too"),
    CLI_FLAG_OPT("--json", check_args, o.json, "one JSON document on stdout instead of text"),
    CLI_OPT_VARIANT(check_args, o.walk.variant, "walk only this variant"),
    CLI_COUNT_OPT(
        "--max-states", check_args, max_states,
        "distinct states walked per variant (default " CLI_TEXT(WALK_MAX_STATES_DEFAULT) ")"),
    CLI_COUNT_OPT("--max-depth", check_args, max_depth,
                  "decisions on one path before the walk stops it (default " CLI_TEXT(
                      WALK_MAX_DEPTH_DEFAULT) ")"),
    {0},
};

static int run(const cli_command *cmd, void *args)
{
    (void)cmd;
    check_args *a = args;
    a->o.walk.max_states = (size_t)a->max_states;
    a->o.walk.max_depth = (size_t)a->max_depth;
    /* Images are decoded as the window decodes them; a build without the
     * window reads their files and headers only (scenario-format.md). */
#if APPRAISE_WINDOW
    a->o.walk.image_check = ui_image_check;
#else
    a->o.walk.image_check = case_image_check_file;
#endif
    return check_cases(&a->o);
}

const cli_command cli_check = {
    .name = "check",
    .summary = "validate cases and walk every path",
    .operands =
        CLI_OPERANDS("CASE.lua...", "at least one CASE.lua", check_args, o.files, o.n_files),
    .opts = opts,
    .args = CLI_ARGS_INIT(
        check_args, {.max_states = WALK_MAX_STATES_DEFAULT, .max_depth = WALK_MAX_DEPTH_DEFAULT}),
    .about = "Loads each case and walks every path: every option at every decision, in every\n"
             "variant, the time limit running out where there is one, on-request advice asked\n"
             "and not. Each finding is one line, followed by the shortest choice path to it:\n"
             "\n"
             "  FILE:LINE: error|warning: message\n"
             "    path: first_look=repeat \xe2\x86\x92 worse=(timeout)\n"
             "\n"
             "Errors: what the loader rejects; images that are missing or cannot be decoded;\n"
             "nodes no path reaches; loops with no way out;\n"
             "paths longer than the bound where a case function may change s each time round;\n"
             "case functions that fail, run too long, use too much memory or return no node.\n"
             "Warnings: endings a variant never reaches; an AI right at every advised\n"
             "decision, or wrong at every one (of two or more); a best option after which\n"
             "every path ends in harm, another after which every path ends well; variants\n"
             "whose advice is the same everywhere; advised decisions without debrief text\n"
             "(on some paths or all); trainee-facing text that names a variant or gives the\n"
             "outcome away; the walk stopped at --max-states, or at the bound on a path with\n"
             "no function ahead (long, not endless); nodes not explored because a path was\n"
             "cut at a bound (never called unreached then). Then a summary per variant:\n"
             "paths explored, nodes visited, endings reached by outcome, the advised\n"
             "decisions (each counted once) and at how many the AI is right.\n",
    .after =
        "--json writes {\"ok\": bool, \"errors\": N, \"warnings\": N, \"files\": [FILE...]},\n"
        "each FILE {\"file\", \"case\": id|null, \"ok\", \"errors\", \"warnings\", \"findings\":\n"
        "[...], \"variants\": [...]}; a finding {\"severity\": \"error\"|\"warning\", \"kind\":\n"
        "\"load\"|\"unreachable\"|\"no_way_out\"|\"too_long\"|\"case_failed\"|\n"
        "\"ending_unreached\"|\"ai_always_right\"|\"no_debrief\"|\"no_feedback\"|\n"
        "\"bound\"|\"unexplored\"|\"variant_in_text\"|\"outcome_given_away\"|\"image\"|\n"
        "\"best_only_harm\"|\"other_only_good\"|\"ai_always_wrong\"|\"same_advice\",\n"
        "\"file\", \"line\": N|null, \"message\", \"node\": id|null, \"path\": null|{\"variant\":\n"
        "name|null, \"text\": \"a=x \xe2\x86\x92 b=(timeout)\", \"steps\": [{\"node\", "
        "\"choice\":\n"
        "id|null, \"timeout\": bool}]}}; a variant {\"variant\": name|null, \"paths\",\n"
        "\"states\", \"nodes\", \"nodes_visited\", \"endings\": {\"good\"|\"neutral\"|\"harm\":\n"
        "{\"reached\", \"paths\"}}, \"paths_failed\", \"paths_looping\", \"paths_cut\",\n"
        "\"advised\", \"ai_right\", \"advised_paths\", \"advised_decisions\",\n"
        "\"ai_right_decisions\", \"ai_mixed_decisions\", \"bound_hit\"} (advised and ai_right\n"
        "count decisions summed over the paths; advised_decisions counts each advised\n"
        "decision once, ai_right_decisions those where the AI is right on every path,\n"
        "ai_mixed_decisions those where it is right on some only; advised_paths the\n"
        "paths that reach an advised decision).\n"
        "\n"
        "Exit: 0 no errors (--strict: no warnings either); 1 otherwise; 2 usage;\n"
        "3 the environment failed.\n",
    .run = run,
};
