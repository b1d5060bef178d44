/* graph_html: `appraise graph --html FILE` (graph_html.h).
 *
 * The page is the SVG of the map and, for each node, a hidden <section> in
 * the side panel with what the node shows and does: its text, its options
 * (best and the AI's marked in words), its advice (the recommendation per
 * variant where they differ), its outcome, its debrief. A small script makes
 * each node of the SVG a button (tabindex, role, name) that shows its
 * section. Without the script the sections stay hidden and the map is
 * still the map. All case text goes through debrief_fmt_html. */
#include "graph_html.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "debrief_fmt.h"
#include "mem.h"
#include "out_file.h"
#include "strbuf.h"

static void html(FILE *f, const char *s)
{
    debrief_fmt_html(f, s);
}

/* ---- the words of a mark ---------------------------------------------------------------- */

/* " in a, b" when not in every drawn variant; " on some paths" when, in
 * some variant, the walk also saw it not hold. */
static void where(FILE *f, const graph_map *m, const bool *flags, const bool *against)
{
    bool some_variants = graph_map_count(m, flags) < m->n_variants;
    if (some_variants) {
        fputs(" in ", f);
        for (size_t v = 0, k = 0; v < m->n_variants; v++)
            if (flags[v]) {
                fputs(k++ ? ", " : "", f);
                html(f, m->variants[v]);
            }
    }
    if (graph_map_some_paths(m, flags, against))
        fputs(some_variants ? ", on some paths" : " on some paths", f);
}

/* ---- one node's section ----------------------------------------------------------------- */

static void kind_line(FILE *f, const graph_map *m, size_t i)
{
    const case_node *n = &m->c->nodes[i];
    const map_node *mn = &m->nodes[i];
    static const char *const kinds[] = {"Decision", "Narrative", "Ending"};
    fprintf(f, "<p class=\"kind\">%s · node <code>", kinds[n->kind]);
    html(f, n->id);
    fputs("</code>", f);
    if (n->kind == NODE_ENDING) {
        fputs(" · outcome: ", f);
        const char *sep = "";
        for (int k = 0; k < 3; k++)
            if (mn->outcomes & (1u << k)) {
                fprintf(f, "%s<strong class=\"outcome-%s\">%s</strong>", sep,
                        case_outcome_name((case_outcome)k), case_outcome_name((case_outcome)k));
                sep = " or ";
            }
        if (!mn->outcomes)
            fputs("decided in play", f);
    }
    if (!mn->reached)
        fputs(" · <strong>never reached</strong>", f);
    fputs("</p>\n", f);
}

static void paragraph(FILE *f, const char *cls, const char *s)
{
    fprintf(f, "<p class=\"%s\">", cls);
    html(f, s);
    fputs("</p>\n", f);
}

static void options(FILE *f, const graph_map *m, const map_node *mn)
{
    fputs("<h3>Options</h3>\n<ul class=\"options\">\n", f);
    for (size_t k = 0; k < mn->n_options; k++) {
        const map_option *o = &mn->options[k];
        bool best = graph_map_count(m, o->best) > 0, ai = graph_map_count(m, o->recommended) > 0;
        fputs("<li>", f);
        if (best)
            fputs("<span class=\"mark best\" aria-hidden=\"true\">✓</span> ", f);
        html(f, o->label ? o->label : o->id);
        fputs(" <code>", f);
        html(f, o->id);
        fputs("</code>", f);
        if (best) {
            fputs(" <strong class=\"best\">best", f);
            where(f, m, o->best, o->not_best);
            fputs("</strong>", f);
        }
        if (ai) {
            fputs(" <strong class=\"ai\">the AI recommends it", f);
            where(f, m, o->recommended, o->not_recommended);
            fputs("</strong>", f);
        }
        fputs("</li>\n", f);
    }
    fputs("</ul>\n", f);
}

/* What the AI recommends at node i in variant v: the options' labels, " or "
 * between them. Free with mem_free; NULL when out of memory. */
static char *recommendation(const graph_map *m, size_t i, size_t v)
{
    const map_node *mn = &m->nodes[i];
    strbuf b = STRBUF_INIT;
    for (size_t k = 0; k < mn->n_options; k++) {
        const map_option *o = &mn->options[k];
        if (!o->recommended[v])
            continue;
        strbuf_adds(&b, b.len ? " or " : "");
        strbuf_adds(&b, o->label ? o->label : o->id);
        if (o->not_recommended[v])
            strbuf_adds(&b, " (on some paths)");
    }
    if (b.len == 0)
        strbuf_adds(&b, "no option of these");
    return strbuf_finish(&b);
}

/* The advice's message at node i in variant v, as resolved in play there or
 * else as written, with its confidence; "" when neither is known. Free
 * with mem_free; NULL when out of memory. */
static char *message(const graph_map *m, size_t i, size_t v)
{
    const case_advice *a = &m->c->nodes[i].decision.advice;
    const map_advice *ma = m->nodes[i].advice ? &m->nodes[i].advice[v] : NULL;
    bool resolved = ma && ma->message;
    const char *text = resolved ? ma->message : a->present ? a->message : NULL;
    strbuf b = STRBUF_INIT;
    strbuf_adds(&b, text ? text : "");
    if (text && (resolved ? ma->has_confidence : a->has_confidence))
        strbuf_addf(&b, " (confidence %.0f%%)", 100 * (resolved ? ma->confidence : a->confidence));
    return strbuf_finish(&b);
}

/* What said(m, i, v) gives, as one paragraph "<lead>: text" when every
 * variant has the same, else "<lead>, by variant:" and one line each. A
 * text that is "" in every variant writes `none` instead. -1 when out of
 * memory. */
static int by_variant(FILE *f, const graph_map *m, size_t i, const char *cls, const char *lead,
                      char *(*said)(const graph_map *, size_t, size_t), const char *none)
{
    char **per = mem_calloc(m->n_variants, sizeof *per);
    bool same = true;
    int rc = per ? 0 : -1;
    for (size_t v = 0; rc == 0 && v < m->n_variants; v++) {
        if (!(per[v] = said(m, i, v)))
            rc = -1;
        else if (v > 0 && strcmp(per[v], per[0]) != 0)
            same = false;
    }
    if (rc == 0 && same && !per[0][0]) {
        paragraph(f, "note", none);
    } else if (rc == 0 && same) {
        fprintf(f, "<p class=\"%s\">%s: ", cls, lead);
        html(f, per[0]);
        fputs("</p>\n", f);
    } else if (rc == 0) {
        fprintf(f, "<p>%s, by variant:</p>\n<ul class=\"%s\">\n", lead, cls);
        for (size_t v = 0; v < m->n_variants; v++) {
            fputs("<li><code>", f);
            html(f, m->variants[v]);
            fputs("</code>: ", f);
            html(f, per[v]);
            fputs("</li>\n", f);
        }
        fputs("</ul>\n", f);
    }
    for (size_t v = 0; per && v < m->n_variants; v++)
        mem_free(per[v]);
    mem_free(per);
    return rc;
}

static int advice(FILE *f, const graph_map *m, size_t i)
{
    const case_advice *a = &m->c->nodes[i].decision.advice;
    if (!m->nodes[i].advised)
        return 0;
    fputs("<h3>Advice</h3>\n", f);
    if (a->present) {
        const case_tool *t = a->tool_index >= 0 && (size_t)a->tool_index < m->c->n_tools
                                 ? &m->c->tools[a->tool_index]
                                 : NULL;
        fputs("<p>", f);
        html(f, t && t->name ? t->name : a->tool ? a->tool : "AI");
        fprintf(f, ", timing %s</p>\n", advice_timing_name(a->timing));
    }
    if (by_variant(f, m, i, "recommend", "The AI recommends", recommendation, "") != 0)
        return -1;
    return by_variant(f, m, i, "message", "Its message", message,
                      "Its message is written as a function and was not seen in play.");
}

static int node_section(FILE *f, const graph_map *m, size_t i)
{
    const case_node *n = &m->c->nodes[i];
    fprintf(f, "<section class=\"info\" id=\"info-%zu\" hidden tabindex=\"-1\">\n<h2>", i);
    html(f, n->title ? n->title : n->id);
    fputs("</h2>\n", f);
    kind_line(f, m, i);
    if (n->text && n->text[0])
        paragraph(f, "text", n->text);
    else if (n->dynamic && !n->text)
        paragraph(f, "note", "Its text is written as a function: play the case to see it.");
    if (n->kind == NODE_DECISION) {
        if (n->decision.prompt)
            paragraph(f, "prompt", n->decision.prompt);
        options(f, m, &m->nodes[i]);
        if (n->decision.time_limit > 0)
            fprintf(f, "<p>Time limit: %g s.</p>\n", n->decision.time_limit);
        if (advice(f, m, i) != 0)
            return -1;
    }
    if (n->kind == NODE_ENDING && n->ending.summary)
        paragraph(f, "summary", n->ending.summary);
    if (n->debrief && n->debrief[0]) {
        fputs("<h3>Debrief</h3>\n", f);
        paragraph(f, "text", n->debrief);
    }
    fputs("</section>\n", f);
    return 0;
}

/* ---- the page ----------------------------------------------------------------------------- */

static const char style[] =
    "body{margin:0;font:16px/1.45 system-ui,sans-serif;color:#111;background:#fff}\n"
    "header{padding:.6rem 1rem;border-bottom:1px solid #999}\n"
    "h1{font-size:1.3rem;margin:0}\n"
    "header p{margin:.2rem 0 0}\n"
    ".layout{display:flex;align-items:flex-start}\n"
    ".map{flex:1 1 auto;overflow:auto;max-height:calc(100vh - 5rem);padding:.5rem}\n"
    ".map svg{display:block;height:auto}\n"
    "#panel{flex:0 0 26rem;max-width:40vw;box-sizing:border-box;padding:.5rem 1rem;"
    "border-left:1px solid #999;position:sticky;top:0;max-height:100vh;overflow:auto}\n"
    "#panel h2{font-size:1.15rem;margin:.4rem 0}\n"
    "#panel h3{font-size:1rem;margin:.8rem 0 .2rem}\n"
    ".text,.message,.summary{white-space:pre-wrap}\n"
    ".message{border-left:4px solid #A8508A;padding-left:.6rem}\n"
    ".kind,.note{color:#444}\n"
    ".best{color:#006B4E}\n"
    ".ai{color:#8A3A70}\n"
    ".options li{margin:.2rem 0}\n"
    "g.node[tabindex]{cursor:pointer}\n"
    "g.node[tabindex]:focus{outline:none}\n"
    "g.node[tabindex]:focus-visible{outline:3px solid #0072B2;outline-offset:2px}\n"
    "g.node.selected polygon,g.node.selected path{stroke-width:3;stroke:#0072B2}\n"
    "@media (max-width:800px){.layout{display:block}#panel{max-width:none;border-left:0;"
    "position:static}}\n";

/* Each node of the map a button that shows its section (click, Enter,
 * Space); its name is the words drawn in it. */
static const char script[] =
    "(function () {\n"
    "  var prefix = '" GRAPH_HTML_NODE_ID "';\n"
    "  var hint = document.getElementById('hint'), shown = null, picked = null;\n"
    "  function show(g) {\n"
    "    var k = g.id.slice(prefix.length);\n"
    "    var info = document.getElementById('info-' + k);\n"
    "    if (!info) return;\n"
    "    if (shown) shown.hidden = true;\n"
    "    if (picked) picked.classList.remove('selected');\n"
    "    hint.hidden = true;\n"
    "    info.hidden = false;\n"
    "    g.classList.add('selected');\n"
    "    g.setAttribute('aria-pressed', 'true');\n"
    "    if (picked && picked !== g) picked.setAttribute('aria-pressed', 'false');\n"
    "    shown = info;\n"
    "    picked = g;\n"
    "  }\n"
    "  var nodes = document.querySelectorAll('g.node[id^=\"' + prefix + '\"]');\n"
    "  Array.prototype.forEach.call(nodes, function (g) {\n"
    "    var words = Array.prototype.map.call(g.querySelectorAll('text'),\n"
    "      function (t) { return t.textContent; }).join(' ');\n"
    "    g.setAttribute('tabindex', '0');\n"
    "    g.setAttribute('role', 'button');\n"
    "    g.setAttribute('aria-pressed', 'false');\n"
    "    g.setAttribute('aria-label', words);\n"
    "    var title = g.querySelector('title');\n"
    "    if (title) title.textContent = words;\n"
    "    g.addEventListener('click', function () { show(g); });\n"
    "    g.addEventListener('keydown', function (e) {\n"
    "      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(g); }\n"
    "    });\n"
    "  });\n"
    "})();\n";

static void head(FILE *f, const graph_map *m, const char *variant)
{
    const case_def *c = m->c;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>Map: ",
          f);
    html(f, c->title);
    fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>Map: ", style);
    html(f, c->title);
    fputs("</h1>\n<p><code>", f);
    html(f, c->id);
    fputs("</code> ", f);
    html(f, c->version);
    if (variant) {
        fputs(" · variant <code>", f);
        html(f, variant);
        fputs("</code>", f);
    } else if (c->variants.n) {
        fputs(" · all variants:", f);
        for (size_t v = 0; v < c->variants.n; v++) {
            fputs(v ? ", <code>" : " <code>", f);
            html(f, c->variants.items[v]);
            fputs("</code>", f);
        }
    }
    fputs("</p>\n</header>\n", f);
}

static int body(FILE *f, const graph_map *m, const char *svg)
{
    fputs("<main class=\"layout\">\n<div class=\"map\" role=\"group\" aria-label=\"The case's "
          "map: each node is a button\">\n",
          f);
    fputs(svg, f);
    fputs("</div>\n<aside id=\"panel\" aria-live=\"polite\" aria-label=\"The chosen node\">\n"
          "<p id=\"hint\">Click a node of the map, or move to it with Tab and press Enter, to "
          "see its text, its options and the AI's advice here.</p>\n",
          f);
    for (size_t i = 0; i < m->c->n_nodes; i++)
        if (node_section(f, m, i) != 0)
            return -1;
    fprintf(f, "</aside>\n</main>\n<script>\n%s</script>\n</body>\n</html>\n", script);
    return 0;
}

int graph_html_write(const graph_map *m, const char *variant, const char *svg, const char *path,
                     apperr *e)
{
    out_file out;
    if (out_open(&out, path, e) != 0)
        return -1;
    head(out.f, m, variant);
    int rc = body(out.f, m, svg);
    if (rc != 0)
        apperr_set(e, APPERR_ENV, path, 0, "cannot write: out of memory");
    return out_close(&out, rc == 0, e);
}
