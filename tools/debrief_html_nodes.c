/* debrief_html_nodes: the per-decision view of the HTML debrief report
 * (debrief_nodes.h), the part a facilitator projects and walks through:
 * one compact block per decision node, and the summary's line naming the
 * decision that caught most out. Everything from the logs is escaped
 * (debrief_fmt_html); the charts follow the report's rules
 * (debrief_chart.h). */
#include "debrief_nodes.h"

#include <stdio.h>
#include <string.h>

#include "debrief_chart.h"
#include "debrief_fmt.h"
#include "debrief_html_rate.h"

/* Rationales shown per option before the rest fold away. */
#define SHOWN_RATIONALES 3

const char debrief_html_nodes_style[] =
    "section.decision{border-top:2px solid var(--rule);margin-top:1.2rem;padding-top:.2rem}\n"
    "section.decision h3{margin:.3rem 0 .2rem}.decision h3 .case{font-weight:normal;"
    "color:var(--muted)}\n"
    ".decision p{margin:.25rem 0}.node-grid p{font-size:.9rem}.decision "
    ".prompt{font-style:italic}\n"
    ".node-grid{display:grid;grid-template-columns:minmax(0,1.6fr) minmax(0,.9fr) "
    "minmax(0,.6fr);gap:1rem;align-items:start}\n"
    ".node-grid.no-flow{grid-template-columns:minmax(0,2.9fr) minmax(0,.65fr)}\n"
    "@media (max-width:1000px){.node-grid,.node-grid.no-flow{grid-template-columns:"
    "minmax(0,1fr)}}\n"
    /* the trust histogram: a table whose bars are drawn by CSS */
    "table.trust-hist{border-collapse:separate;border-spacing:2px 0;margin:.3rem 0}"
    ".trust-hist caption{font-size:.85rem;text-align:left;caption-side:bottom}"
    ".trust-hist thead{display:table-footer-group}"
    ".trust-hist th,.trust-hist td{border:0;padding:0 .15rem;text-align:center;"
    "vertical-align:bottom;min-width:1.1rem;font-size:.85rem}"
    ".trust-hist th{background:none;border-top:2px solid var(--ink)}"
    ".trust-hist .bar{display:block;margin:0 auto;width:1rem;background:var(--sky);"
    "border:1px solid var(--ink);border-bottom:0;-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}\n"
    ".node-grid figure{margin:0}.node-grid figure svg{max-width:100%}"
    ".node-grid table{margin:.3rem 0}\n"
    ".ai-mark{border:2px solid var(--ink);border-radius:4px;padding:0 .2em;font-size:.8em;"
    "font-weight:bold}\n"
    ".teaching{border-left:8px solid var(--blue);background:#eef6fb;padding:.4rem .8rem;"
    "margin:.5rem 0;font-size:1.05rem}\n"
    ".rationales{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(16rem,100%),1fr));"
    "gap:0 1.5rem}\n"
    ".rationales h4{font-size:1rem;margin:.3rem 0 .1rem}.rationales ul{margin:0;"
    "padding-left:1.2rem}\n"
    ".rationales li{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.9rem}\n"
    "p.caught-out{font-size:1.1rem;border-left:8px solid var(--red);padding:.3rem .8rem;"
    "background:#fdf0e8}\n"
    "@media print{.node-grid{break-inside:avoid}}\n";

static void esc(FILE *f, const char *s)
{
    debrief_fmt_html(f, s);
}

/* The id's part: ASCII letters and digits as they are, every other byte
 * as _XX (so "-" separates parts unambiguously). */
static bool anchor_part(char *buf, size_t size, size_t *at, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        bool plain =
            (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
        int n = plain ? snprintf(buf + *at, size - *at, "%c", *p)
                      : snprintf(buf + *at, size - *at, "_%02x", *p);
        if (n < 0 || (size_t)n >= size - *at)
            return false;
        *at += (size_t)n;
    }
    return true;
}

const char *debrief_nodes_anchor(const debrief_node *d, char *buf, size_t size)
{
    size_t at = 0;
    if (size < 3)
        return NULL;
    memcpy(buf, "d-", 3);
    at = 2;
    if (!anchor_part(buf, size, &at, d->case_id) || at + 2 > size)
        return NULL;
    buf[at++] = '-';
    buf[at] = '\0';
    return anchor_part(buf, size, &at, d->node_id) ? buf : NULL;
}

/* "Case title · Node title" for headings and links. */
static void write_name(FILE *f, const debrief_node *d)
{
    fprintf(f, "<span class=\"case\">");
    esc(f, d->case_title ? d->case_title : d->case_id ? d->case_id : "(unknown case)");
    fprintf(f, " &#183;</span> ");
    if (d->title)
        esc(f, d->title);
    else
        esc(f, d->node_id);
}

static void write_mark(FILE *f, bool best)
{
    fprintf(f, best ? "<span class=\"ok-mark\">&#10003;</span>"
                    : "<span class=\"bad-mark\">"
                      "&#10007;</span>");
}

/* What the AI advised, by the options' letters (the table beside it gives
 * their labels). */
static void write_advice(FILE *f, const debrief_node *d)
{
    bool any = false;
    char letter[24];
    if (d->advice_shown == 0) {
        fprintf(f, "<p>No advice was shown at this decision (%ld decision%s).</p>\n", d->decisions,
                d->decisions == 1 ? "" : "s");
        return;
    }
    fprintf(f, "<p>The AI advised ");
    for (size_t k = 0; k < d->n_options; k++) {
        const debrief_node_option *o = &d->options[k];
        if (o->advised == 0)
            continue;
        fprintf(f, "%s<strong>%s</strong> ", any ? "; " : "",
                debrief_nodes_letter(k, letter, sizeof letter));
        write_mark(f, o->best);
        fprintf(f, " %s (%ld)", o->best ? "right" : "wrong", o->advised);
        any = true;
    }
    if (!any)
        fprintf(f, "nothing known");
    fprintf(f, ", in %ld of %ld decisions", d->advice_shown, d->decisions);
    if (d->ai_confidence_n > 0)
        fprintf(f, "; its confidence %.0f%%%s", 100.0 * d->ai_confidence_mean,
                d->ai_confidence_n > 1 ? " on average" : "");
    fprintf(f, ".</p>\n");
}

static void option_row(FILE *f, const debrief_node *d, size_t k, long before, long after)
{
    char letter[24];
    fprintf(f, "<tr><th scope=\"row\">");
    if (k < d->n_options) {
        fprintf(f, "%s ", debrief_nodes_letter(k, letter, sizeof letter));
        write_mark(f, d->options[k].best);
        fprintf(f, " ");
        esc(f, d->options[k].label);
        if (d->options[k].advised > 0)
            fprintf(f, " <span class=\"ai-mark\">AI</span>");
    } else {
        fprintf(f, "<span class=\"null\">no choice</span>");
    }
    fprintf(f, "</th><td class=\"num\">%ld</td><td class=\"num\">%ld</td></tr>\n", before, after);
}

/* The table of the options; number: the block's, so that the table's name is
 * unique on the page. */
static void write_options(FILE *f, const debrief_node *d, size_t number)
{
    size_t none = DEBRIEF_NODE_NONE(d);
    long none_before = 0, none_after = 0;
    for (size_t k = 0; k <= none; k++) {
        none_before += d->flow[none * (none + 1) + k];
        none_after += d->flow[k * (none + 1) + none];
    }
    fprintf(f,
            "<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"Choices at "
            "decision %zu: ",
            number);
    esc(f, d->title ? d->title : d->node_id);
    fprintf(f, "\"><table>\n<thead><tr><th scope=\"col\">Option</th><th scope=\"col\" "
               "class=\"num\">Before</th><th scope=\"col\" "
               "class=\"num\">After</th></tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < none; k++)
        option_row(f, d, k, d->options[k].initial, d->options[k].final);
    if (none_before + none_after > 0)
        option_row(f, d, none, none_before, none_after);
    fprintf(f, "</tbody>\n</table></div>\n");
}

static void write_names(FILE *f, const char *const *names, size_t n, long total)
{
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "%s", i ? ", " : ": ");
        esc(f, names[i]);
    }
    if (total > (long)n)
        fprintf(f, " and %ld more", total - (long)n);
}

static void write_switches(FILE *f, const debrief_node *d)
{
    if (d->advice_shown == 0)
        return;
    fprintf(f, "<p>Switched to the AI&#8217;s option: <strong>%ld</strong>", d->toward_ai);
    write_names(f, d->toward_trainees, d->n_toward, d->toward_ai);
    fprintf(f, ". Away from it: <strong>%ld</strong>", d->away_from_ai);
    write_names(f, d->away_trainees, d->n_away, d->away_from_ai);
    fputs(". Followed wrong advice: ", f);
    debrief_html_rate_inline(f, d->followed_wrong, d->ai_wrong);
    fputs("; overrode right advice: ", f);
    debrief_html_rate_inline(f, d->rejected_right, d->ai_right);
    fputs(".</p>\n", f);
}

static void write_items(FILE *f, const debrief_text_item *v, size_t from, size_t to)
{
    fprintf(f, "<ul>\n");
    for (size_t i = from; i < to; i++) {
        fprintf(f, "<li>&#8220;");
        esc(f, v[i].text);
        fprintf(f, "&#8221;");
        if (v[i].trainee) {
            fprintf(f, " <span class=\"basis\">&#8212; ");
            esc(f, v[i].trainee);
            fprintf(f, "</span>");
        }
        fprintf(f, "</li>\n");
    }
    fprintf(f, "</ul>\n");
}

/* The rationales by final choice, headed by the option's letter. */
static void write_rationales(FILE *f, const debrief_node *d)
{
    bool any = false;
    char letter[24];
    for (size_t k = 0; k < d->n_options; k++) {
        const debrief_node_option *o = &d->options[k];
        size_t n = o->n_rationales;
        if (n == 0)
            continue;
        if (!any)
            fprintf(f, "<div class=\"rationales\">\n");
        any = true;
        fprintf(f, "<div>\n<h4>Chose %s ", debrief_nodes_letter(k, letter, sizeof letter));
        write_mark(f, o->best);
        fprintf(f, ": %zu rationale%s</h4>\n", n + (size_t)o->rationales_left_out,
                n + (size_t)o->rationales_left_out == 1 ? "" : "s");
        write_items(f, o->rationales, 0, n < SHOWN_RATIONALES ? n : SHOWN_RATIONALES);
        if (n > SHOWN_RATIONALES) {
            fprintf(f, "<details><summary>%zu more</summary>\n", n - SHOWN_RATIONALES);
            write_items(f, o->rationales, SHOWN_RATIONALES, n);
            fprintf(f, "</details>\n");
        }
        if (o->rationales_left_out > 0)
            fprintf(f,
                    "<p class=\"basis\">%ld more not listed here; <code>--csv</code> has "
                    "every one.</p>\n",
                    o->rationales_left_out);
        fprintf(f, "</div>\n");
    }
    if (any)
        fprintf(f, "</div>\n");
}

/* The trust ratings 1..7: a bar over each level (as high as its count,
 * the count written above it), levels under the bars, n and mean below;
 * a screen reader reads it as the table it is. */
static void write_trust(FILE *f, const debrief_node *d)
{
    long max = 1, total = 0, sum = 0;
    for (int t = 1; t <= 7; t++) {
        max = d->trust_hist[t] > max ? d->trust_hist[t] : max;
        total += d->trust_hist[t];
        sum += t * d->trust_hist[t];
    }
    fprintf(f, "<table class=\"trust-hist\">\n<caption>");
    if (total > 0)
        fprintf(f, "Trust in the advice (1 none, 7 complete): %ld rating%s, mean %.1f", total,
                total == 1 ? "" : "s", (double)sum / (double)total);
    else
        fprintf(f, "Trust in the advice: no ratings");
    fprintf(f, "</caption>\n<thead><tr>");
    for (int t = 1; t <= 7; t++)
        fprintf(f, "<th scope=\"col\">%d</th>", t);
    fprintf(f, "</tr></thead>\n<tbody><tr>");
    for (int t = 1; t <= 7; t++) {
        fprintf(f, "<td>%ld", d->trust_hist[t]);
        if (d->trust_hist[t] > 0)
            fprintf(f, "<span class=\"bar\" style=\"height:%.1frem\"></span>",
                    0.2 + 3.8 * (double)d->trust_hist[t] / (double)max);
        fprintf(f, "</td>");
    }
    fprintf(f, "</tr></tbody>\n</table>\n");
}

/* Whether any choice was made before the advice: then the flow is drawn. */
static bool has_flow(const debrief_node *d)
{
    for (size_t k = 0; k < d->n_options; k++)
        if (d->options[k].initial > 0)
            return true;
    return false;
}

/* The teaching point to read aloud; where the case's teaching text followed
 * the advice (one variant's AI right, another's wrong), each with the
 * advice it went with, so that none is read to the wrong group. */
static void write_teaching(FILE *f, const debrief_node *d)
{
    if (d->n_teachings == 0)
        return;
    fprintf(f, "<div class=\"teaching\" role=\"note\">");
    if (d->n_teachings == 1) {
        fprintf(f, "<strong>Teaching point:</strong> ");
        esc(f, d->teachings[0].text);
        fprintf(f, "</div>\n");
        return;
    }
    fprintf(f, "<strong>Teaching points:</strong> the case's teaching text differed with the "
               "advice given.\n<ul>\n");
    for (size_t i = 0; i < d->n_teachings; i++) {
        const debrief_teaching *t = &d->teachings[i];
        long k = -1;
        for (size_t o = 0; t->ai && o < d->n_options; o++)
            if (strcmp(d->options[o].id, t->ai) == 0)
                k = (long)o;
        char letter[24];
        fprintf(f, "<li><strong>");
        if (k >= 0)
            fprintf(f, "Where the AI advised %s (%s), ",
                    debrief_nodes_letter((size_t)k, letter, sizeof letter),
                    d->options[k].best ? "right" : "wrong");
        else if (!t->ai)
            fprintf(f, "Where no advice was shown, ");
        fprintf(f, "%ld decision%s:</strong> ", t->decisions, t->decisions == 1 ? "" : "s");
        esc(f, t->text);
        fprintf(f, "</li>\n");
    }
    fprintf(f, "</ul></div>\n");
}

static void write_block(FILE *f, debrief_chart *ch, const debrief_node *d, size_t number)
{
    char anchor[512];
    if (!debrief_nodes_anchor(d, anchor, sizeof anchor))
        snprintf(anchor, sizeof anchor, "d-%d", ch->next_id); /* ids too long: still unique */
    fprintf(f, "<section class=\"decision\" id=\"%s\">\n<h3>", anchor);
    write_name(f, d);
    fprintf(f, "</h3>\n");
    /* Folded under its title, so that a teaching day's blocks fit the
     * page: the facilitator unfolds one decision at a time (print shows
     * them all). */
    fprintf(f, "<details>\n<summary>%ld decision%s", d->decisions, d->decisions == 1 ? "" : "s");
    if (d->ai_wrong > 0)
        fprintf(f, ": %ld of %ld shown wrong advice followed it", d->followed_wrong, d->ai_wrong);
    fprintf(f, "; the choices, trust, teaching point and rationales</summary>\n");
    if (d->prompt) {
        fprintf(f, "<p class=\"prompt\">");
        esc(f, d->prompt);
        fprintf(f, "</p>\n");
    }
    bool flow = has_flow(d);
    fprintf(f, "<div class=\"node-grid%s\">\n<div>\n", flow ? "" : " no-flow");
    write_advice(f, d);
    write_options(f, d, number);
    write_switches(f, d);
    fprintf(f, "</div>\n");
    /* without choices before the advice, the table says it all */
    if (flow)
        debrief_chart_flow(ch, d);
    fprintf(f, "<div>\n");
    if (d->advice_shown > 0) /* no advice, no trust asked */
        write_trust(f, d);
    fprintf(f, "</div>\n</div>\n");
    write_teaching(f, d);
    write_rationales(f, d);
    fprintf(f, "</details>\n</section>\n");
}

int debrief_html_nodes(FILE *f, const debrief_nodes *n)
{
    /* chart ids of their own, apart from the page's other charts */
    debrief_chart ch = {f, 1000};
    size_t count = debrief_nodes_count(n);
    fprintf(f, "<section id=\"per-decision\">\n<h2>Decision by decision</h2>\n");
    if (count == 0)
        fprintf(f, "<p>No decisions to show.</p>\n");
    else
        fprintf(f, "<p>Each case&#8217;s decisions in the order they were played: what the AI "
                   "advised, the choices before and after the advice, who changed their mind, the "
                   "trust ratings, the teaching point and the rationales as typed. &#10003; marks "
                   "an accepted answer, &#10007; another, <span class=\"ai-mark\">AI</span> the "
                   "AI&#8217;s advice; &#8220;before&#8221; and &#8220;after&#8221; count the "
                   "choices made before the "
                   "advice and after it; &#8220;no choice&#8221;: none before the advice (it came "
                   "with the case, or time ran out) or none after (time ran out). In the flow "
                   "charts, grey bands kept their choice, blue ones switched to the AI&#8217;s "
                   "option, vermilion (dashed) away from it, orange (dotted) to another.</p>\n");
    for (size_t i = 0; i < count; i++)
        write_block(f, &ch, debrief_nodes_at(n, i), i + 1);
    fprintf(f, "</section>\n");
    return ferror(f) ? -1 : 0;
}

int debrief_html_caught_out(FILE *f, const debrief_nodes *n)
{
    const debrief_node *d = debrief_nodes_caught_out(n);
    char anchor[512];
    if (!d)
        return ferror(f) ? -1 : 0;
    if (!debrief_nodes_anchor(d, anchor, sizeof anchor))
        anchor[0] = '\0';
    fprintf(f, "<p class=\"caught-out\">The decision that caught most out: <a href=\"#%s\">",
            anchor[0] ? anchor : "per-decision");
    write_name(f, d);
    fprintf(f, "</a>. ");
    if (d->followed_wrong > 0)
        fprintf(f, "%ld of %ld shown the AI&#8217;s wrong advice followed it; ", d->followed_wrong,
                d->ai_wrong);
    fprintf(f, "%ld of %ld final choices were wrong.</p>\n", d->final_wrong,
            d->final_right + d->final_wrong);
    return ferror(f) ? -1 : 0;
}
