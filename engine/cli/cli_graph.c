/* appraise graph CASE.lua: the case's branching map as Graphviz DOT (the
 * work is tools/graph.c). */
#include "cli.h"
#include "graph.h"

typedef struct graph_args {
    const char *case_path, *variant;
} graph_args;

static const cli_opt opts[] = {
    CLI_OPT_VARIANT(graph_args, variant,
                    "draw one variant (default: all, marks naming the variant)"),
    {0},
};

static int run(const cli_command *cmd, void *args)
{
    (void)cmd;
    const graph_args *a = args;
    return graph_case(a->case_path, a->variant);
}

const cli_command cli_graph = {
    .name = "graph",
    .summary = "write the case's branching map as Graphviz DOT",
    .operands = CLI_CASE_OPERAND(graph_args, case_path),
    .opts = opts,
    .args = CLI_ARGS(graph_args),
    .about = "Writes the case's branching map as Graphviz DOT on stdout; render it with\n"
             "  appraise graph CASE.lua | dot -Tsvg -o map.svg\n"
             "\n"
             "The map walks every path (as appraise check does) to find what only play\n"
             "reveals. Decisions are diamonds, narrative nodes rounded boxes, endings double\n"
             "octagons filled and labelled by outcome (GOOD, NEUTRAL, HARM). Edges are\n"
             "options: double with a tick for a best option, bold with [AI] for the AI's\n"
             "recommendation ([AI in VARIANT] when only in some), dotted where the time runs\n"
             "out, dashed where only play shows the target (a next or on_timeout function).\n"
             "A node no path reaches is dashed grey and says so. A legend is drawn.\n",
    .after = "Exit: 0 the map was written (a warning names errors check would find); 1 the\n"
             "case does not load (FILE:LINE: message); 2 usage; 3 the environment failed.\n",
    .run = run,
};
