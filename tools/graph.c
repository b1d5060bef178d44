/* graph: the work of `appraise graph` (graph.h), the case's branching map
 * as Graphviz DOT on stdout (cli.md).
 *
 * Every mark is shape, line style or text as well as colour, so the map
 * reads in grey and for colour-blind readers: decisions are diamonds,
 * narrative nodes rounded boxes, endings octagons filled by outcome (with the
 * outcome written in them); an option's edge is coloured by whether it is
 * best (green, a double line, "✓"), the AI's recommendation (purple, a bold
 * line, "[AI]"), both (blue, double and bold, both marks) or neither
 * (black); a time-out is a dotted line, and a target found only in play a
 * dashed line. The DOT is built in memory
 * (a strbuf) and written only when whole, so a failure leaves nothing half
 * drawn. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "apperr.h"
#include "case_load.h"
#include "dot_text.h"
#include "exit_status.h"
#include "graph.h"
#include "graph_html.h"
#include "graph_map.h"
#include "graph_svg.h"
#include "mem.h"
#include "strbuf.h"

#define EDGE_WIDTH 24 /* characters per line of an option's label */
#define NODE_WIDTH 22 /* characters per line of a node's title */
#define FONT "Helvetica"

/* Okabe & Ito's colour-blind-safe palette, light enough for black text. */
static const char *const outcome_fill[3] = {"#56B4E9", "#F0E442", "#D55E00"};
static const char *const outcome_text[3] = {"GOOD", "NEUTRAL", "HARM"};

/* An option's edge: neither, best, the AI's, both. Colours from the same
 * palette, dark enough for 3:1 on white; each also has its line and mark. */
enum { MARK_BEST = 1, MARK_AI = 2 };
static const char *const mark_colour[4] = {"#000000", "#009E73", "#A8508A", "#0072B2"};

/* ---- text ------------------------------------------------------------------------------- */

/* Appends s escaped for a DOT quoted string (see dot_text). */
static void text(strbuf *o, const char *s, size_t width, size_t lines)
{
    char *t = dot_text(s, width, lines);
    if (!t) {
        o->oom = true;
        return;
    }
    strbuf_adds(o, t);
    mem_free(t);
}

/* ---- nodes ------------------------------------------------------------------------------ */

static void node_head(strbuf *o, const case_node *n, const map_node *mn)
{
    /* An ending without a title is told by its summary. */
    const char *head = n->title ? n->title : n->kind == NODE_ENDING ? n->ending.summary : NULL;
    if (head && head[0]) {
        text(o, head, NODE_WIDTH, 3);
        strbuf_adds(o, "\\n(");
        text(o, n->id, 0, 0);
        strbuf_adds(o, ")");
    } else {
        text(o, n->id, NODE_WIDTH, 2);
    }
    if (mn->open)
        strbuf_adds(o, "\\n(some values decided in play)");
    if (!mn->reached)
        strbuf_adds(o, "\\n(never reached)");
}

static void decision_lines(strbuf *o, const graph_map *m, const case_node *n)
{
    const case_decision *d = &n->decision;
    if (d->advice.present) {
        const case_tool *t =
            d->advice.tool_index >= 0 && (size_t)d->advice.tool_index < m->c->n_tools
                ? &m->c->tools[d->advice.tool_index]
                : NULL;
        strbuf_adds(o, "\\nAI: ");
        text(o, t && t->name ? t->name : d->advice.tool ? d->advice.tool : "advice", NODE_WIDTH, 1);
        strbuf_addf(o, ", %s", advice_timing_name(d->advice.timing));
    } else if (m->nodes[n - m->c->nodes].advised) {
        strbuf_adds(o, "\\nAI advice");
    }
    if (d->time_limit > 0)
        strbuf_addf(o, "\\ntime limit %g s", d->time_limit);
}

/* An ending's outcome(s): "HARM", or "GOOD or HARM" when it varies. */
static int ending_outcome(strbuf *o, const map_node *mn)
{
    int one = -1, n = 0;
    for (int k = 0; k < 3; k++) {
        if (!(mn->outcomes & (1u << k)))
            continue;
        strbuf_addf(o, "%s%s", n ? " or " : "", outcome_text[k]);
        one = k;
        n++;
    }
    if (n == 0)
        strbuf_adds(o, "OUTCOME DECIDED IN PLAY");
    return n == 1 ? one : -1;
}

static void node_style(strbuf *o, const case_node *n, const map_node *mn, int outcome)
{
    const char *dash = mn->reached ? "" : ",dashed";
    switch (n->kind) {
    case NODE_DECISION:
        strbuf_addf(o, "shape=diamond, style=\"filled%s\", fillcolor=\"#FFFFFF\"", dash);
        break;
    case NODE_NARRATIVE:
        strbuf_addf(o, "shape=box, style=\"rounded,filled%s\", fillcolor=\"#FFFFFF\"", dash);
        break;
    case NODE_ENDING:
        strbuf_addf(o, "shape=doubleoctagon, style=\"filled%s\", fillcolor=\"%s\"", dash,
                    outcome >= 0 ? outcome_fill[outcome] : "#FFFFFF");
        break;
    }
    if (!mn->reached)
        strbuf_adds(o, ", color=\"#666666\", fontcolor=\"#444444\"");
}

static void write_node(strbuf *o, const graph_map *m, size_t i, bool ids)
{
    const case_node *n = &m->c->nodes[i];
    const map_node *mn = &m->nodes[i];
    int outcome = -1;
    strbuf_addf(o, "  \"%s\" [label=\"", n->id);
    if (n->kind == NODE_ENDING) {
        outcome = ending_outcome(o, mn);
        strbuf_adds(o, "\\n");
    }
    node_head(o, n, mn);
    if (n->kind == NODE_DECISION)
        decision_lines(o, m, n);
    strbuf_adds(o, "\", ");
    node_style(o, n, mn, outcome);
    if (ids) /* for the page, which finds the node in the SVG by it */
        strbuf_addf(o, ", id=\"" GRAPH_HTML_NODE_ID "%zu\"", i);
    strbuf_adds(o, "];\n");
}

/* ---- edges ------------------------------------------------------------------------------ */

/* " in a, b": the variants flags holds for, when not all of them. */
static void variant_names(strbuf *o, const graph_map *m, const bool *flags)
{
    if (graph_map_count(m, flags) == m->n_variants)
        return;
    strbuf_adds(o, " in ");
    for (size_t v = 0, k = 0; v < m->n_variants; v++) {
        if (!flags[v])
            continue;
        strbuf_adds(o, k++ ? ", " : "");
        text(o, m->variants[v], 0, 0);
    }
}

static const map_option *edge_option(const graph_map *m, const map_edge *ed)
{
    const map_node *mn = &m->nodes[ed->from];
    for (size_t k = 0; ed->option && k < mn->n_options; k++)
        if (strcmp(mn->options[k].id, ed->option) == 0)
            return &mn->options[k];
    return NULL;
}

/* " in a, b" and/or " on some paths" where a mark does not always hold. */
static void mark_where(strbuf *o, const graph_map *m, const bool *flags, const bool *against)
{
    variant_names(o, m, flags);
    if (graph_map_some_paths(m, flags, against))
        strbuf_adds(o, graph_map_count(m, flags) < m->n_variants ? ", on some paths"
                                                                 : " on some paths");
}

/* "✓ id: label" for a best option, then "(best in a)" when only in some
 * variants or "(best on some paths)" when it depends on earlier choices,
 * and "[AI]", "[AI in a]" or "[AI on some paths]" for the recommendation.
 * Returns the marks (MARK_BEST, MARK_AI). */
static int choice_label(strbuf *o, const graph_map *m, const map_edge *ed)
{
    const map_option *opt = edge_option(m, ed);
    bool best = opt && graph_map_count(m, opt->best) > 0;
    bool ai = opt && graph_map_count(m, opt->recommended) > 0;
    if (best)
        strbuf_adds(o, "✓ ");
    text(o, ed->option, 0, 0);
    if (opt && opt->label) {
        strbuf_adds(o, ": ");
        text(o, opt->label, EDGE_WIDTH, 4);
    }
    if (best && (graph_map_count(m, opt->best) < m->n_variants ||
                 graph_map_some_paths(m, opt->best, opt->not_best))) {
        strbuf_adds(o, "\\n(best");
        mark_where(o, m, opt->best, opt->not_best);
        strbuf_adds(o, ")");
    }
    if (ai) {
        strbuf_adds(o, "\\n[AI");
        mark_where(o, m, opt->recommended, opt->not_recommended);
        strbuf_adds(o, "]");
    }
    return (best ? MARK_BEST : 0) | (ai ? MARK_AI : 0);
}

static void edge_head(strbuf *o, const graph_map *m, const map_edge *ed, size_t k)
{
    strbuf_addf(o, "  \"%s\" -> ", m->c->nodes[ed->from].id);
    if (ed->to >= 0)
        strbuf_addf(o, "\"%s\"", m->c->nodes[ed->to].id);
    else
        strbuf_addf(o, "\"PLAY-%zu\"", k);
}

static void write_edge(strbuf *o, const graph_map *m, const map_edge *ed, size_t k)
{
    int marks = 0;
    if (ed->to < 0) {
        strbuf_addf(o, "  \"PLAY-%zu\" [shape=note, style=dashed, label=\"decided in play", k);
        if (ed->line > 0)
            strbuf_addf(o, "\\n(function, line %d)", ed->line);
        if (m->walked)
            strbuf_adds(o, "\\nnot seen in play:\\nsee appraise check");
        strbuf_adds(o, "\"];\n");
    }
    edge_head(o, m, ed, k);
    strbuf_adds(o, " [label=\"");
    if (ed->kind == MAP_CHOICE)
        marks = choice_label(o, m, ed);
    else if (ed->kind == MAP_TIMEOUT)
        strbuf_addf(o, "time runs out (%g s)", m->c->nodes[ed->from].decision.time_limit);
    strbuf_adds(o, "\"");
    /* Found in play wins over a time-out's dots: the label says time-out. */
    const char *line = ed->dynamic ? "dashed" : ed->kind == MAP_TIMEOUT ? "dotted" : NULL;
    bool ai = marks & MARK_AI;
    if (line || ai)
        strbuf_addf(o, ", style=\"%s%s%s\"", line ? line : "", line && ai ? "," : "",
                    ai ? "bold" : "");
    if (ai)
        strbuf_adds(o, ", penwidth=2.5");
    if (marks & MARK_BEST)
        strbuf_addf(o, ", color=\"%s:invis:%s\"", mark_colour[marks], mark_colour[marks]);
    else if (marks)
        strbuf_addf(o, ", color=\"%s\"", mark_colour[marks]);
    strbuf_adds(o, "];\n");
}

/* ---- the whole graph -------------------------------------------------------------------- */

static void write_title(strbuf *o, const graph_map *m, const char *variant)
{
    const case_def *c = m->c;
    strbuf_adds(o, "  graph [label=\"");
    text(o, c->title, 72, 3);
    strbuf_adds(o, "\\n");
    text(o, c->id, 0, 0);
    strbuf_adds(o, " ");
    text(o, c->version, 20, 1);
    if (variant) {
        strbuf_adds(o, " · variant ");
        text(o, variant, 0, 0);
    } else if (c->variants.n) {
        strbuf_adds(o, " · all variants (");
        for (size_t v = 0; v < c->variants.n; v++) {
            strbuf_adds(o, v ? ", " : "");
            text(o, c->variants.items[v], 0, 0);
        }
        strbuf_adds(o, ")");
    }
    strbuf_adds(o, "\", labelloc=t, fontsize=16, fontname=\"" FONT
                   "\", nodesep=0.35, ranksep=0.5];\n");
}

/* The key, in three rows: the node shapes, then the edge styles. */
static void write_legend(strbuf *o)
{
    static const char *const edges[][2] = {
        {"option (neither)", ""},
        {"✓ best option", ", color=\"#009E73:invis:#009E73\""},
        {"[AI] recommended", ", style=bold, penwidth=2.5, color=\"#A8508A\""},
        {"✓ [AI] best and\\nrecommended",
         ", style=bold, penwidth=2.5, color=\"#0072B2:invis:#0072B2\""},
        {"time runs out", ", style=dotted"},
        {"found in play", ", style=dashed"},
    };
    strbuf_adds(
        o,
        "  subgraph \"cluster_legend\" {\n"
        "    graph [label=\"Legend\", fontsize=12, style=\"rounded,dashed\", color=\"#888888\"];\n"
        "    node [fontsize=10];\n"
        "    \"LEGEND-narrative\" [label=\"narrative\\n(Continue)\", shape=box, "
        "style=\"rounded,filled\", fillcolor=\"#FFFFFF\"];\n"
        "    \"LEGEND-decision\" [label=\"decision\", shape=diamond, style=filled, "
        "fillcolor=\"#FFFFFF\"];\n"
        "    \"LEGEND-unreached\" [label=\"(never reached)\", shape=box, "
        "style=\"rounded,dashed\", color=\"#666666\", fontcolor=\"#444444\"];\n");
    for (int k = 0; k < 3; k++)
        strbuf_addf(o,
                    "    \"LEGEND-%s\" [label=\"%s\\nending\", shape=doubleoctagon, style=filled, "
                    "fillcolor=\"%s\"];\n",
                    outcome_text[k], outcome_text[k], outcome_fill[k]);
    for (size_t k = 0; k < sizeof edges / sizeof edges[0]; k++)
        strbuf_addf(o,
                    "    \"LEGEND-from-%zu\" [shape=point, width=0.05, label=\"\"];\n"
                    "    \"LEGEND-to-%zu\" [shape=plaintext, label=\"%s\"];\n"
                    "    \"LEGEND-from-%zu\" -> \"LEGEND-to-%zu\" [minlen=2%s];\n",
                    k, k, edges[k][0], k, k, edges[k][1]);
    /* Rows side by side (rank=same), stacked by invisible edges. */
    strbuf_adds(o, "    { rank=same; \"LEGEND-narrative\"; \"LEGEND-decision\"; \"LEGEND-GOOD\"; "
                   "\"LEGEND-NEUTRAL\"; \"LEGEND-HARM\"; }\n"
                   "    { rank=same; \"LEGEND-from-0\"; \"LEGEND-to-0\"; \"LEGEND-from-1\"; "
                   "\"LEGEND-to-1\"; \"LEGEND-from-2\"; \"LEGEND-to-2\"; }\n"
                   "    { rank=same; \"LEGEND-from-3\"; \"LEGEND-to-3\"; \"LEGEND-from-4\"; "
                   "\"LEGEND-to-4\"; \"LEGEND-from-5\"; \"LEGEND-to-5\"; "
                   "\"LEGEND-unreached\"; }\n"
                   "    \"LEGEND-decision\" -> \"LEGEND-from-1\" [style=invis];\n"
                   "    \"LEGEND-to-1\" -> \"LEGEND-from-4\" [style=invis];\n"
                   "  }\n");
}

static void write_graph(strbuf *o, const graph_map *m, const char *variant, bool ids)
{
    strbuf_adds(o, "digraph \"");
    text(o, m->c->id, 0, 0);
    strbuf_adds(o, "\" {\n");
    write_title(o, m, variant);
    strbuf_adds(o, "  node [fontname=\"" FONT "\", fontsize=11];\n"
                   "  edge [fontname=\"" FONT "\", fontsize=9];\n"
                   "  \"START\" [shape=plaintext, label=\"start\"];\n");
    strbuf_addf(o, "  \"START\" -> \"%s\";\n", m->c->start);
    for (size_t i = 0; i < m->c->n_nodes; i++)
        write_node(o, m, i, ids);
    for (size_t k = 0; k < m->n_edges; k++)
        write_edge(o, m, &m->edges[k], k);
    write_legend(o);
    strbuf_adds(o, "}\n");
}

/* The DOT of m (free it with mem_free), or NULL when out of memory. With
 * ids each node has the id the page finds it by. */
static char *render(const graph_map *m, const char *variant, bool ids)
{
    strbuf o = STRBUF_INIT;
    write_graph(&o, m, variant, ids);
    return strbuf_finish(&o);
}

static int report(const apperr *e)
{
    return exit_report("graph", e);
}

/* The DOT on stdout. 0, or -1 with e filled. */
static int write_dot(const char *dot, apperr *e)
{
    if (fputs(dot, stdout) == EOF || fflush(stdout) != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "cannot write the graph to standard output");
        return -1;
    }
    return 0;
}

/* The page: the DOT drawn by dot_path, beside the nodes' panel. 0, or -1
 * with e filled. */
static int write_page(const graph_map *m, const char *variant, const char *dot,
                      const char *dot_path, const char *html_path, apperr *e)
{
    char *svg = graph_svg_render(dot_path, dot, e);
    int rc = svg ? graph_html_write(m, variant, svg, html_path, e) : -1;
    mem_free(svg);
    return rc;
}

/* Builds the map and writes it, as DOT or (html_path) the page; 0, or -1
 * with e filled. */
static int draw(const case_def *c, const graph_opts *o, const char *dot_path, apperr *e)
{
    graph_map m;
    char *dot = NULL;
    int rc = graph_map_build(&m, c, o->variant, true, e);
    if (rc == 0 && !(dot = render(&m, o->variant, o->html != NULL))) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        rc = -1;
    }
    if (rc == 0 && m.walk_errors)
        fprintf(stderr,
                "appraise: warning: 'appraise check %s' finds %zu error%s; the map shows "
                "what the walk saw.\n",
                c->file, m.walk_errors, m.walk_errors == 1 ? "" : "s");
    if (rc == 0)
        rc = o->html ? write_page(&m, o->variant, dot, dot_path, o->html, e) : write_dot(dot, e);
    mem_free(dot);
    graph_map_free(&m);
    return rc;
}

int graph_case(const char *case_path, const graph_opts *o)
{
    apperr e;
    apperr_clear(&e);
    char *dot_path = NULL;
    if (o->html && !(dot_path = graph_svg_find_dot())) {
        fprintf(stderr, "appraise: --html needs Graphviz's dot: install it with 'sudo apt-get "
                        "install graphviz'\n");
        return EXIT_ENV;
    }
    case_def *c = NULL;
    case_load_opts lo = {.seed = 1};
    int rc = EXIT_OK;
    if (case_load(&c, case_path, &lo, &e) != 0 || draw(c, o, dot_path, &e) != 0)
        rc = report(&e);
    case_free(c);
    mem_free(dot_path);
    return rc;
}
