/* walk_text: what trainee-facing text must not say, checked as the walk
 * meets it (so text that a function writes is checked as played):
 * - no text a trainee sees speaks of variants: neither the word nor a
 *   variant's id (a plain-word id such as "colleague" may be prose, so only
 *   ids with '_' or '-' count): nodes as played, the learning objectives,
 *   and what the header and the model card show whatever the path (the
 *   patient, each AI tool's card, the results at the start);
 * - the case's title, summary and tags, shown in the library before play,
 *   and the title of each decision and narrative node, shown before the
 *   choice, name no outcome ("the AI was wrong", "missed", "false
 *   negative"); an ending's title may.
 * Findings about the case's own keys take the line where the file writes
 * the key (case_key_line). */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "case_load.h"
#include "walk_internal.h"

/* Whether word (as a whole word, any case) is in text. */
static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; *p; p++) {
        if (strncasecmp(p, word, n) != 0)
            continue;
        bool start = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
        bool end = !(isalnum((unsigned char)p[n]) || p[n] == '_');
        if (start && end)
            return true;
    }
    return false;
}

/* The variant talk in text: "the word 'variant'" or "the variant id 'x'";
 * NULL when none. */
static const char *variant_talk(const case_def *c, const char *text, char *buf, size_t size)
{
    if (!text)
        return NULL;
    if (has_word(text, "variant") || has_word(text, "variants"))
        return "the word 'variant'";
    for (size_t i = 0; i < c->variants.n; i++) {
        const char *v = c->variants.items[i];
        if (strpbrk(v, "_-") && has_word(text, v)) {
            snprintf(buf, size, "the variant id '%s'", v);
            return buf;
        }
    }
    return NULL;
}

/* Words that tell a trainee the outcome before the case is played. */
static const char *const OUTCOME_WORDS[] = {
    "ai-right",        "ai-wrong",       "ai_right",       "ai_wrong",
    "false negative",  "false-negative", "false positive", "false-positive",
    "counterbalanced", "spurious",       "was right",      "was wrong",
    "missed",          "overruled",      "alert fatigue",  "out of scope",
    "out-of-scope",    "gets it wrong",  "got it wrong",   "gets it right",
    "got it right",    "ai is wrong",    "ai is right",    NULL};

static const char *outcome_word(const char *text)
{
    for (size_t i = 0; text && OUTCOME_WORDS[i]; i++)
        if (has_word(text, OUTCOME_WORDS[i]))
            return OUTCOME_WORDS[i];
    return NULL;
}

typedef struct field {
    const char *where; /* "text", "option 'x' label", … */
    const char *text;
} field;

/* The trainee-facing texts of node n as entered (functions resolved). */
static size_t node_fields(const case_node *n, field *out, size_t max)
{
    size_t k = 0;
#define ADD(w, t)                                                                                  \
    do {                                                                                           \
        if ((t) && k < max)                                                                        \
            out[k++] = (field){(w), (t)};                                                          \
    } while (0)
    ADD("title", n->title);
    ADD("text", n->text);
    ADD("image's description", n->image.file ? n->image.alt : NULL);
    ADD("debrief", n->debrief);
    if (n->kind == NODE_ENDING)
        ADD("ending summary", n->ending.summary);
    if (n->kind == NODE_DECISION) {
        const case_decision *d = &n->decision;
        ADD("prompt", d->prompt);
        ADD("feedback", d->feedback);
        for (size_t i = 0; i < d->n_options; i++) {
            ADD("an option's label", d->options[i].label);
            ADD("an option's feedback", d->options[i].feedback);
        }
        if (d->advice.present) {
            ADD("the advice's message", d->advice.message);
            ADD("the advice's source", d->advice.source);
            for (size_t i = 0; i < d->advice.n_reasons; i++)
                ADD("a reason of the advice", d->advice.reasons[i].factor);
        }
    }
#undef ADD
    return k;
}

/* A decision's or narrative node's title, shown before the choice, that
 * names the outcome; an ending's title may. */
static void title_text(walker *w, uint32_t x, int ni, const case_node *n)
{
    const char *word = n->kind == NODE_ENDING ? NULL : outcome_word(n->title);
    if (!word)
        return;
    char msg[600];
    snprintf(msg, sizeof msg,
             "node '%s': its title, which the trainee sees before choosing, says '%s': it gives "
             "the outcome away; name what the step is about, not how it turns out",
             n->id, word);
    walk_report(w, WALK_OUTCOME_GIVEN_AWAY, false, walk_node_file(w, ni), w->c->nodes[ni].line, ni,
                x, msg);
}

void walk_text_node(walker *w, uint32_t x, int ni, const case_node *n)
{
    if (!n)
        return;
    title_text(w, x, ni, n);
    if (w->c->variants.n == 0)
        return;
    field f[64];
    size_t k = node_fields(n, f, sizeof f / sizeof f[0]);
    for (size_t i = 0; i < k; i++) {
        char id[160];
        const char *talk = variant_talk(w->c, f[i].text, id, sizeof id);
        if (!talk)
            continue;
        char msg[600];
        snprintf(msg, sizeof msg,
                 "node '%s': its %s, which the trainee sees, names %s: write the text each "
                 "variant shows without naming it (variants.pick, or a function of s.variant)",
                 n->id, f[i].where, talk);
        walk_report(w, WALK_VARIANT_TALK, false, walk_node_file(w, ni), w->c->nodes[ni].line, ni, x,
                    msg);
        return; /* one finding a node */
    }
}

/* The fields of the case's own tables that the trainee reads, each given
 * to check with what it is and its key path (for its line): the path is
 * built for each field, whatever its length. */
typedef struct fields {
    walker *w;
    void (*check)(walker *w, const char *where, const char *text, const char *path);
    strbuf path;
} fields;

static void visit(fields *fs, const char *where, const char *text, const char *fmt, ...)
    STRBUF_PRINTF(4, 5);
static void visit(fields *fs, const char *where, const char *text, const char *fmt, ...)
{
    if (!text)
        return;
    strbuf_reset(&fs->path);
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(&fs->path, fmt, ap);
    va_end(ap);
    /* Out of memory: the line falls back to where the case is written. */
    fs->check(fs->w, where, text, strbuf_oom(&fs->path) ? "" : strbuf_str(&fs->path));
}

/* The texts of l as fields named where, at PATH[1], PATH[2], …. */
static void list_fields(fields *fs, const strlist *l, const char *where, const char *path)
{
    for (size_t i = 0; i < l->n; i++)
        visit(fs, where, l->items[i], "%s[%zu]", path, i + 1);
}

/* What the trainee reads in the header and the model card, whatever the
 * path: the patient, the AI tools' cards, the results known at the start. */
static void header_fields(fields *fs, const case_def *c)
{
    const case_patient *p = &c->patient;
    visit(fs, "patient's name", p->name, "patient.name");
    visit(fs, "patient's setting", p->setting, "patient.setting");
    visit(fs, "patient's complaint", p->complaint, "patient.complaint");
    list_fields(fs, &p->history, "patient's history", "patient.history");
    list_fields(fs, &p->medications, "patient's medications", "patient.medications");
    list_fields(fs, &p->allergies, "patient's allergies", "patient.allergies");
    for (size_t t = 0; t < c->n_tools; t++) {
        const case_tool *tool = &c->tools[t];
        const char *key = c->multi_tool && tool->key ? tool->key : NULL;
        const char *dot = key ? "." : "";
        key = key ? key : "";
        visit(fs, "AI's model card", tool->name, "ai%s%s.name", dot, key);
        visit(fs, "AI's model card", tool->kind, "ai%s%s.kind", dot, key);
        visit(fs, "AI's model card", tool->intended_use, "ai%s%s.intended_use", dot, key);
        visit(fs, "AI's model card", tool->trained_on, "ai%s%s.trained_on", dot, key);
        for (size_t i = 0; i < tool->limitations.n; i++)
            visit(fs, "AI's model card", tool->limitations.items[i], "ai%s%s.limitations[%zu]", dot,
                  key, i + 1);
    }
    for (size_t i = 0; i < c->n_results; i++) {
        const case_result *r = &c->results[i];
        visit(fs, "results at the start", r->name, "results[%zu].name", i + 1);
        if (!r->is_num)
            visit(fs, "results at the start", r->text, "results[%zu]", i + 1);
        if (r->image.file)
            visit(fs, "results at the start", r->image.alt, "results[%zu].image.alt", i + 1);
    }
}

/* Variant talk in the header and the model card: one finding a field. */
static void header_check(walker *w, const char *where, const char *text, const char *path)
{
    char id[160], msg[600];
    const char *talk = variant_talk(w->c, text, id, sizeof id);
    if (!talk)
        return;
    snprintf(msg, sizeof msg,
             "the %s, which the trainee sees, names %s: trainees should not know which version "
             "they play; write it without naming the variant",
             where, talk);
    walk_report(w, WALK_VARIANT_TALK, false, w->c->file, case_key_line(w->c, path), -1, NONE, msg);
}

/* The library's texts: neither the outcome nor a variant. */
static void library_check(walker *w, const char *where, const char *text, const char *path)
{
    char id[160], msg[600];
    const char *word = outcome_word(text);
    const char *talk = variant_talk(w->c, text, id, sizeof id);
    if (!word && !talk)
        return;
    if (word)
        snprintf(msg, sizeof msg,
                 "the case's %s, shown in the library before play, says '%s': it gives the "
                 "outcome away; say what the case is about, not how it turns out",
                 where, word);
    else
        snprintf(msg, sizeof msg,
                 "the case's %s, shown in the library before play, names %s: trainees should "
                 "not know which version they play",
                 where, talk);
    walk_report(w, WALK_OUTCOME_GIVEN_AWAY, false, w->c->file, case_key_line(w->c, path), -1, NONE,
                msg);
}

/* A learning objective: read in the debrief. */
static void objective_check(walker *w, const char *where, const char *text, const char *path)
{
    char id[160], msg[600];
    (void)where;
    const char *talk = variant_talk(w->c, text, id, sizeof id);
    if (!talk)
        return;
    snprintf(msg, sizeof msg,
             "a learning objective names %s: trainees read the objectives in the debrief", talk);
    walk_report(w, WALK_VARIANT_TALK, false, w->c->file, case_key_line(w->c, path), -1, NONE, msg);
}

void walk_text_case(walker *w)
{
    const case_def *c = w->c;
    fields fs = {w, library_check, STRBUF_INIT};
    visit(&fs, "title", c->title, "title");
    visit(&fs, "summary", c->summary, "summary");
    list_fields(&fs, &c->tags, "tag", "tags");
    fs.check = objective_check;
    list_fields(&fs, &c->objectives, "learning objective", "objectives");
    if (c->variants.n > 0) {
        fs.check = header_check;
        header_fields(&fs, c);
    }
    strbuf_free(&fs.path);
}
