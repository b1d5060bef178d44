/* appraise graph CASE.lua: the case's branching map as Graphviz DOT, or as
 * a page with --html (the work is tools/graph.c). */
#include "cli.h"
#include "graph.h"

typedef struct graph_args {
    const char *case_path, *variant, *html;
} graph_args;

static const cli_opt opts[] = {
    CLI_OPT_VARIANT(graph_args, variant,
                    "draw one variant (default: all, marks naming the variant)"),
    CLI_STRING_OPT("--html", "FILE", graph_args, html,
                   "write a page with the map (drawn by Graphviz's dot) instead of DOT"),
    {0},
};

static int run(const cli_command *cmd, void *args)
{
    (void)cmd;
    const graph_args *a = args;
    graph_opts o = {.variant = a->variant, .html = a->html};
    return graph_case(a->case_path, &o);
}

const cli_command cli_graph = {
    .name = "graph",
    .summary = "write the case's branching map as Graphviz DOT or a page",
    .operands = CLI_CASE_OPERAND(graph_args, case_path),
    .opts = opts,
    .args = CLI_ARGS(graph_args),
    .about = "Writes the case's branching map as Graphviz DOT on stdout; render it with\n"
             "  appraise graph CASE.lua | dot -Tsvg -o map.svg\n"
             "\n"
             "The map walks every path (as appraise check does) to find what only play\n"
             "reveals. Decisions are diamonds, narrative nodes rounded boxes, endings double\n"
             "octagons filled and labelled by outcome (GOOD, NEUTRAL, HARM). Edges are\n"
             "options: green and double with a tick for a best option, purple and bold with\n"
             "[AI] for the AI's recommendation ([AI in VARIANT] when only in some, [AI on\n"
             "some paths] when it depends on earlier choices), blue, double and bold with\n"
             "both marks for both, black for neither; dotted where the time runs out,\n"
             "dashed where only play shows the target (a next or on_timeout function). A\n"
             "node no path reaches is dashed grey and says so. A legend is drawn.\n"
             "\n"
             "--html FILE writes one page that needs no network: the map as SVG (drawn by\n"
             "Graphviz's dot, which must be installed) and a panel that shows a node's\n"
             "text, options and advice when it is clicked, or focused and Enter pressed.\n",
    .after = "Exit: 0 the map was written (a warning names errors check would find); 1 the\n"
             "case does not load (FILE:LINE: message); 2 usage; 3 the environment failed\n"
             "(with --html also: Graphviz's dot is not on PATH, or it failed).\n",
    .run = run,
};
