/* graph: the work of `appraise graph` (graph.h), the case's branching map
 * as Graphviz DOT on stdout (cli.md).
 *
 * Every mark is shape, line style or text as well as colour, so the map
 * reads in grey and for colour-blind readers: decisions are diamonds,
 * narrative nodes rounded boxes, endings octagons filled by outcome (with the
 * outcome written in them); a best option's edge is a double line with "✓",
 * the AI's recommendation a bold line with "[AI]", a time-out a dotted line,
 * and a target found only in play a dashed line. The DOT is built in memory
 * and written only when whole, so a failure leaves nothing half drawn. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apperr.h"
#include "case_load.h"
#include "dot_text.h"
#include "exit_status.h"
#include "graph.h"
#include "graph_map.h"
#include "mem.h"

#define EDGE_WIDTH 24 /* characters per line of an option's label */
#define NODE_WIDTH 22 /* characters per line of a node's title */
#define FONT "Helvetica"

/* Okabe & Ito's colour-blind-safe palette, light enough for black text. */
static const char *const outcome_fill[3] = {"#56B4E9", "#F0E442", "#D55E00"};
static const char *const outcome_text[3] = {"GOOD", "NEUTRAL", "HARM"};

typedef struct dot_out {
    FILE *f;
    bool oom;
} dot_out;

/* ---- text ------------------------------------------------------------------------------- */

/* Writes s escaped for a DOT quoted string (see dot_text). */
static void text(dot_out *o, const char *s, size_t width, size_t lines)
{
    char *t = dot_text(s, width, lines);
    if (!t) {
        o->oom = true;
        return;
    }
    fputs(t, o->f);
    mem_free(t);
}

/* ---- nodes ------------------------------------------------------------------------------ */

static void node_head(dot_out *o, const case_node *n, const map_node *mn)
{
    /* An ending without a title is told by its summary. */
    const char *head = n->title ? n->title : n->kind == NODE_ENDING ? n->ending.summary : NULL;
    if (head && head[0]) {
        text(o, head, NODE_WIDTH, 3);
        fputs("\\n(", o->f);
        text(o, n->id, 0, 0);
        fputs(")", o->f);
    } else {
        text(o, n->id, NODE_WIDTH, 2);
    }
    if (mn->open)
        fputs("\\n(some values decided in play)", o->f);
    if (!mn->reached)
        fputs("\\n(never reached)", o->f);
}

static void decision_lines(dot_out *o, const graph_map *m, const case_node *n)
{
    const case_decision *d = &n->decision;
    if (d->advice.present) {
        const case_tool *t =
            d->advice.tool_index >= 0 && (size_t)d->advice.tool_index < m->c->n_tools
                ? &m->c->tools[d->advice.tool_index]
                : NULL;
        fputs("\\nAI: ", o->f);
        text(o, t && t->name ? t->name : d->advice.tool ? d->advice.tool : "advice", NODE_WIDTH, 1);
        fprintf(o->f, ", %s", advice_timing_name(d->advice.timing));
    } else if (m->nodes[n - m->c->nodes].advised) {
        fputs("\\nAI advice", o->f);
    }
    if (d->time_limit > 0)
        fprintf(o->f, "\\ntime limit %g s", d->time_limit);
}

/* An ending's outcome(s): "HARM", or "GOOD or HARM" when it varies. */
static int ending_outcome(dot_out *o, const map_node *mn)
{
    int one = -1, n = 0;
    for (int k = 0; k < 3; k++) {
        if (!(mn->outcomes & (1u << k)))
            continue;
        fprintf(o->f, "%s%s", n ? " or " : "", outcome_text[k]);
        one = k;
        n++;
    }
    if (n == 0)
        fputs("OUTCOME DECIDED IN PLAY", o->f);
    return n == 1 ? one : -1;
}

static void node_style(dot_out *o, const case_node *n, const map_node *mn, int outcome)
{
    const char *dash = mn->reached ? "" : ",dashed";
    switch (n->kind) {
    case NODE_DECISION:
        fprintf(o->f, "shape=diamond, style=\"filled%s\", fillcolor=\"#FFFFFF\"", dash);
        break;
    case NODE_NARRATIVE:
        fprintf(o->f, "shape=box, style=\"rounded,filled%s\", fillcolor=\"#FFFFFF\"", dash);
        break;
    case NODE_ENDING:
        fprintf(o->f, "shape=doubleoctagon, style=\"filled%s\", fillcolor=\"%s\"", dash,
                outcome >= 0 ? outcome_fill[outcome] : "#FFFFFF");
        break;
    }
    if (!mn->reached)
        fputs(", color=\"#666666\", fontcolor=\"#444444\"", o->f);
}

static void write_node(dot_out *o, const graph_map *m, size_t i)
{
    const case_node *n = &m->c->nodes[i];
    const map_node *mn = &m->nodes[i];
    int outcome = -1;
    fprintf(o->f, "  \"%s\" [label=\"", n->id);
    if (n->kind == NODE_ENDING) {
        outcome = ending_outcome(o, mn);
        fputs("\\n", o->f);
    }
    node_head(o, n, mn);
    if (n->kind == NODE_DECISION)
        decision_lines(o, m, n);
    fputs("\", ", o->f);
    node_style(o, n, mn, outcome);
    fputs("];\n", o->f);
}

/* ---- edges ------------------------------------------------------------------------------ */

/* How many drawn variants flags holds for. */
static size_t count_variants(const graph_map *m, const bool *flags)
{
    size_t n = 0;
    for (size_t v = 0; v < m->n_variants; v++)
        n += flags[v];
    return n;
}

/* " in a, b": the variants flags holds for, when not all of them. */
static void variant_names(dot_out *o, const graph_map *m, const bool *flags)
{
    if (count_variants(m, flags) == m->n_variants)
        return;
    fputs(" in ", o->f);
    for (size_t v = 0, k = 0; v < m->n_variants; v++) {
        if (!flags[v])
            continue;
        fputs(k++ ? ", " : "", o->f);
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

/* "✓ id: label" for a best option, then "(best in a)" when only in some
 * variants, and "[AI]" or "[AI in a]" for the recommendation. */
static void choice_label(dot_out *o, const graph_map *m, const map_edge *ed, bool *best, bool *ai)
{
    const map_option *opt = edge_option(m, ed);
    *best = opt && count_variants(m, opt->best) > 0;
    *ai = opt && count_variants(m, opt->recommended) > 0;
    if (*best)
        fputs("✓ ", o->f);
    text(o, ed->option, 0, 0);
    if (opt && opt->label) {
        fputs(": ", o->f);
        text(o, opt->label, EDGE_WIDTH, 4);
    }
    if (*best && count_variants(m, opt->best) < m->n_variants) {
        fputs("\\n(best", o->f);
        variant_names(o, m, opt->best);
        fputs(")", o->f);
    }
    if (*ai) {
        fputs("\\n[AI", o->f);
        variant_names(o, m, opt->recommended);
        fputs("]", o->f);
    }
}

static void edge_head(dot_out *o, const graph_map *m, const map_edge *ed, size_t k)
{
    fprintf(o->f, "  \"%s\" -> ", m->c->nodes[ed->from].id);
    if (ed->to >= 0)
        fprintf(o->f, "\"%s\"", m->c->nodes[ed->to].id);
    else
        fprintf(o->f, "\"PLAY-%zu\"", k);
}

static void write_edge(dot_out *o, const graph_map *m, const map_edge *ed, size_t k)
{
    bool best = false, ai = false;
    if (ed->to < 0) {
        fprintf(o->f, "  \"PLAY-%zu\" [shape=note, style=dashed, label=\"decided in play", k);
        if (ed->line > 0)
            fprintf(o->f, "\\n(function, line %d)", ed->line);
        if (m->walked)
            fputs("\\nnot seen in play:\\nsee appraise check", o->f);
        fputs("\"];\n", o->f);
    }
    edge_head(o, m, ed, k);
    fputs(" [label=\"", o->f);
    if (ed->kind == MAP_CHOICE)
        choice_label(o, m, ed, &best, &ai);
    else if (ed->kind == MAP_TIMEOUT)
        fprintf(o->f, "time runs out (%g s)", m->c->nodes[ed->from].decision.time_limit);
    fputs("\"", o->f);
    /* Found in play wins over a time-out's dots: the label says time-out. */
    const char *line = ed->dynamic ? "dashed" : ed->kind == MAP_TIMEOUT ? "dotted" : NULL;
    if (line || ai)
        fprintf(o->f, ", style=\"%s%s%s\"", line ? line : "", line && ai ? "," : "",
                ai ? "bold" : "");
    if (ai)
        fputs(", penwidth=2.5", o->f);
    if (best)
        fputs(", color=\"black:invis:black\"", o->f);
    fputs("];\n", o->f);
}

/* ---- the whole graph -------------------------------------------------------------------- */

static void write_title(dot_out *o, const graph_map *m, const char *variant)
{
    const case_def *c = m->c;
    fputs("  graph [label=\"", o->f);
    text(o, c->title, 72, 3);
    fputs("\\n", o->f);
    text(o, c->id, 0, 0);
    fputs(" ", o->f);
    text(o, c->version, 20, 1);
    if (variant) {
        fputs(" · variant ", o->f);
        text(o, variant, 0, 0);
    } else if (c->variants.n) {
        fputs(" · all variants (", o->f);
        for (size_t v = 0; v < c->variants.n; v++) {
            fputs(v ? ", " : "", o->f);
            text(o, c->variants.items[v], 0, 0);
        }
        fputs(")", o->f);
    }
    fputs("\", labelloc=t, fontsize=16, fontname=\"" FONT "\", nodesep=0.35, ranksep=0.5];\n",
          o->f);
}

/* The key, in three rows: the node shapes, then the edge styles. */
static void write_legend(dot_out *o)
{
    static const char *const edges[][2] = {
        {"option", ""},
        {"✓ best option", ", color=\"black:invis:black\""},
        {"[AI] recommended", ", style=bold, penwidth=2.5"},
        {"time runs out", ", style=dotted"},
        {"found in play", ", style=dashed"},
    };
    fputs(
        "  subgraph \"cluster_legend\" {\n"
        "    graph [label=\"Legend\", fontsize=12, style=\"rounded,dashed\", color=\"#888888\"];\n"
        "    node [fontsize=10];\n"
        "    \"LEGEND-narrative\" [label=\"narrative\\n(Continue)\", shape=box, "
        "style=\"rounded,filled\", fillcolor=\"#FFFFFF\"];\n"
        "    \"LEGEND-decision\" [label=\"decision\", shape=diamond, style=filled, "
        "fillcolor=\"#FFFFFF\"];\n"
        "    \"LEGEND-unreached\" [label=\"(never reached)\", shape=box, "
        "style=\"rounded,dashed\", color=\"#666666\", fontcolor=\"#444444\"];\n",
        o->f);
    for (int k = 0; k < 3; k++)
        fprintf(o->f,
                "    \"LEGEND-%s\" [label=\"%s\\nending\", shape=doubleoctagon, style=filled, "
                "fillcolor=\"%s\"];\n",
                outcome_text[k], outcome_text[k], outcome_fill[k]);
    for (size_t k = 0; k < sizeof edges / sizeof edges[0]; k++)
        fprintf(o->f,
                "    \"LEGEND-from-%zu\" [shape=point, width=0.05, label=\"\"];\n"
                "    \"LEGEND-to-%zu\" [shape=plaintext, label=\"%s\"];\n"
                "    \"LEGEND-from-%zu\" -> \"LEGEND-to-%zu\" [minlen=2%s];\n",
                k, k, edges[k][0], k, k, edges[k][1]);
    /* Rows side by side (rank=same), stacked by invisible edges. */
    fputs("    { rank=same; \"LEGEND-narrative\"; \"LEGEND-decision\"; \"LEGEND-GOOD\"; "
          "\"LEGEND-NEUTRAL\"; \"LEGEND-HARM\"; }\n"
          "    { rank=same; \"LEGEND-from-0\"; \"LEGEND-to-0\"; \"LEGEND-from-1\"; "
          "\"LEGEND-to-1\"; \"LEGEND-from-2\"; \"LEGEND-to-2\"; }\n"
          "    { rank=same; \"LEGEND-from-3\"; \"LEGEND-to-3\"; \"LEGEND-from-4\"; "
          "\"LEGEND-to-4\"; \"LEGEND-unreached\"; }\n"
          "    \"LEGEND-decision\" -> \"LEGEND-from-1\" [style=invis];\n"
          "    \"LEGEND-to-1\" -> \"LEGEND-from-4\" [style=invis];\n"
          "  }\n",
          o->f);
}

static void write_graph(dot_out *o, const graph_map *m, const char *variant)
{
    fputs("digraph \"", o->f);
    text(o, m->c->id, 0, 0);
    fputs("\" {\n", o->f);
    write_title(o, m, variant);
    fputs("  node [fontname=\"" FONT "\", fontsize=11];\n"
          "  edge [fontname=\"" FONT "\", fontsize=9];\n"
          "  \"START\" [shape=plaintext, label=\"start\"];\n",
          o->f);
    fprintf(o->f, "  \"START\" -> \"%s\";\n", m->c->start);
    for (size_t i = 0; i < m->c->n_nodes; i++)
        write_node(o, m, i);
    for (size_t k = 0; k < m->n_edges; k++)
        write_edge(o, m, &m->edges[k], k);
    write_legend(o);
    fputs("}\n", o->f);
}

/* The DOT of m in a malloc'd string, or NULL when out of memory. */
static char *render(const graph_map *m, const char *variant)
{
    dot_out o = {0};
    char *buf = NULL;
    size_t len = 0;
    o.f = open_memstream(&buf, &len);
    if (!o.f)
        return NULL;
    write_graph(&o, m, variant);
    if (fclose(o.f) != 0 || o.oom) {
        free(buf);
        return NULL;
    }
    return buf;
}

static int report(const apperr *e)
{
    return exit_report("graph", e);
}

/* Builds the map and its DOT; NULL with e filled on failure. */
static char *draw(const case_def *c, const char *variant, size_t *walk_errors, apperr *e)
{
    graph_map m;
    char *dot = NULL;
    if (graph_map_build(&m, c, variant, true, e) == 0 && !(dot = render(&m, variant)))
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
    *walk_errors = m.walk_errors;
    graph_map_free(&m);
    return dot;
}

int graph_case(const char *case_path, const char *variant)
{
    apperr e;
    apperr_clear(&e);
    case_def *c = NULL;
    case_load_opts lo = {.seed = 1};
    if (case_load(&c, case_path, &lo, &e) != 0)
        return report(&e);
    size_t walk_errors = 0;
    int rc = EXIT_OK;
    char *dot = draw(c, variant, &walk_errors, &e);
    if (dot && walk_errors)
        fprintf(stderr,
                "appraise: warning: 'appraise check %s' finds %zu error%s; the map shows "
                "what the walk saw.\n",
                case_path, walk_errors, walk_errors == 1 ? "" : "s");
    if (!dot) {
        rc = report(&e);
    } else if (fputs(dot, stdout) == EOF || fflush(stdout) != 0) {
        apperr_set(&e, APPERR_ENV, NULL, 0, "cannot write the graph to standard output");
        rc = report(&e);
    }
    free(dot);
    case_free(c);
    return rc;
}
