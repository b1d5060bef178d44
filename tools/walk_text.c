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

/* A field of the case's own tables: what it is, its text and its key path
 * (for its line). */
typedef struct key_field {
    const char *where;
    const char *text;
    char path[160];
} key_field;

static void add_key(key_field *out, size_t *k, size_t max, const char *where, const char *text,
                    const char *fmt, const char *a, size_t i)
{
    if (!text || *k >= max)
        return;
    key_field *f = &out[(*k)++];
    f->where = where;
    f->text = text;
    int n = snprintf(f->path, sizeof f->path, fmt, a, i);
    if (n < 0 || (size_t)n >= sizeof f->path)
        f->path[0] = '\0'; /* a path this long is not mapped: no line rather than a wrong one */
}

/* The texts of l as fields named where, at path[1], path[2], …. */
static void list_fields(const strlist *l, const char *where, const char *path, key_field *out,
                        size_t *k, size_t max)
{
    for (size_t i = 0; i < l->n; i++)
        add_key(out, k, max, where, l->items[i], "%s[%zu]", path, i + 1);
}

/* What the trainee reads in the header and the model card, whatever the
 * path: the patient, the AI tools' cards, the results known at the start. */
static size_t header_fields(const case_def *c, key_field *out, size_t max)
{
    const case_patient *p = &c->patient;
    size_t k = 0;
    add_key(out, &k, max, "patient's name", p->name, "%s.name", "patient", 0);
    add_key(out, &k, max, "patient's setting", p->setting, "%s.setting", "patient", 0);
    add_key(out, &k, max, "patient's complaint", p->complaint, "%s.complaint", "patient", 0);
    list_fields(&p->history, "patient's history", "patient.history", out, &k, max);
    list_fields(&p->medications, "patient's medications", "patient.medications", out, &k, max);
    list_fields(&p->allergies, "patient's allergies", "patient.allergies", out, &k, max);
    for (size_t t = 0; t < c->n_tools; t++) {
        const case_tool *tool = &c->tools[t];
        char at[80];
        if (c->multi_tool && tool->key)
            snprintf(at, sizeof at, "ai.%s", tool->key);
        else
            snprintf(at, sizeof at, "ai");
        add_key(out, &k, max, "AI's model card", tool->name, "%s.name", at, 0);
        add_key(out, &k, max, "AI's model card", tool->kind, "%s.kind", at, 0);
        add_key(out, &k, max, "AI's model card", tool->intended_use, "%s.intended_use", at, 0);
        add_key(out, &k, max, "AI's model card", tool->trained_on, "%s.trained_on", at, 0);
        char lim[96];
        snprintf(lim, sizeof lim, "%s.limitations", at);
        list_fields(&tool->limitations, "AI's model card", lim, out, &k, max);
    }
    for (size_t i = 0; i < c->n_results; i++) {
        const case_result *r = &c->results[i];
        add_key(out, &k, max, "results at the start", r->name, "%s[%zu].name", "results", i + 1);
        if (!r->is_num)
            add_key(out, &k, max, "results at the start", r->text, "%s[%zu]", "results", i + 1);
        if (r->image.file)
            add_key(out, &k, max, "results at the start", r->image.alt, "%s[%zu].image.alt",
                    "results", i + 1);
    }
    return k;
}

/* Variant talk in the header and the model card: one finding a field. */
static void header_text(walker *w)
{
    const case_def *c = w->c;
    key_field f[256];
    size_t k = header_fields(c, f, sizeof f / sizeof f[0]);
    for (size_t i = 0; i < k; i++) {
        char id[160], msg[600];
        const char *talk = variant_talk(c, f[i].text, id, sizeof id);
        if (!talk)
            continue;
        snprintf(msg, sizeof msg,
                 "the %s, which the trainee sees, names %s: trainees should not know which "
                 "version they play; write it without naming the variant",
                 f[i].where, talk);
        walk_report(w, WALK_VARIANT_TALK, false, c->file, case_key_line(c, f[i].path), -1, NONE,
                    msg);
    }
}

void walk_text_case(walker *w)
{
    const case_def *c = w->c;
    char id[160], msg[600];
    key_field f[2 + 64];
    size_t k = 0, max = sizeof f / sizeof f[0];
    add_key(f, &k, max, "title", c->title, "%s", "title", 0);
    add_key(f, &k, max, "summary", c->summary, "%s", "summary", 0);
    list_fields(&c->tags, "tag", "tags", f, &k, max);
    for (size_t i = 0; i < k; i++) {
        const char *word = outcome_word(f[i].text);
        const char *talk = variant_talk(c, f[i].text, id, sizeof id);
        if (!word && !talk)
            continue;
        if (word)
            snprintf(msg, sizeof msg,
                     "the case's %s, shown in the library before play, says '%s': it gives the "
                     "outcome away; say what the case is about, not how it turns out",
                     f[i].where, word);
        else
            snprintf(msg, sizeof msg,
                     "the case's %s, shown in the library before play, names %s: trainees "
                     "should not know which version they play",
                     f[i].where, talk);
        walk_report(w, WALK_OUTCOME_GIVEN_AWAY, false, c->file, case_key_line(c, f[i].path), -1,
                    NONE, msg);
    }
    for (size_t i = 0; i < c->objectives.n; i++)
        if (variant_talk(c, c->objectives.items[i], id, sizeof id)) {
            char path[64];
            snprintf(path, sizeof path, "objectives[%zu]", i + 1);
            snprintf(msg, sizeof msg,
                     "a learning objective names %s: trainees read the objectives in the debrief",
                     variant_talk(c, c->objectives.items[i], id, sizeof id));
            walk_report(w, WALK_VARIANT_TALK, false, c->file, case_key_line(c, path), -1, NONE,
                        msg);
        }
    if (c->variants.n > 0)
        header_text(w);
}
