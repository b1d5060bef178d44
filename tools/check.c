/* check: the work of `appraise check` (check.h). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "case_load.h"
#include "check.h"
#include "exit_status.h"
#include "json_util.h"
#include "walk.h"

typedef struct totals {
    size_t errors, warnings;
    int fatal; /* an exit code that is not about the cases (2, 3), or 0 */
} totals;

/* ---- text -------------------------------------------------------------------- */

static void print_place(const char *file, int line)
{
    if (line > 0)
        printf("%s:%d: ", file, line);
    else
        printf("%s: ", file);
}

/* The loader's message as apperr_format words it: the key path is named
 * when there is no line. */
static const char *load_message(const apperr *e, char *buf, size_t size)
{
    if (e->line == 0 && e->where[0] && strncmp(e->msg, "at ", 3) != 0)
        snprintf(buf, size, "at %s: %s", e->where, e->msg);
    else
        snprintf(buf, size, "%s", e->msg);
    return buf;
}

static void print_load_error(const char *path, const apperr *e)
{
    char msg[1400];
    print_place(e->file[0] ? e->file : path, e->line);
    printf("error: %s\n", load_message(e, msg, sizeof msg));
    printf("%s: errors (1 error, 0 warnings)\n", path);
}

static void print_finding(const walk_result *r, const walk_finding *f)
{
    char path[4096];
    print_place(f->file, f->line);
    printf("%s: %s\n", f->error ? "error" : "warning", f->message);
    if (!f->has_path)
        return;
    printf("  path: %s", walk_path_format(r, &f->path, path, sizeof path));
    if (f->path.variant)
        printf(" (variant %s)", f->path.variant);
    printf("\n");
}

static const char *plural(double n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* A count of paths: exact while a double holds it exactly, else rounded
 * (a case of 300 decisions has more paths than fit in 64 bits). */
static const char *count_text(double n, char *buf, size_t size)
{
    if (n < 1e15)
        snprintf(buf, size, "%.0f", n);
    else
        snprintf(buf, size, "%.3g", n);
    return buf;
}

/* Advised decisions counted once each (not once per path through them):
 * "1 advised decision, reached on 2 paths: the AI is right at 0 of 1 (0%)".
 * A decision where the AI is right on some paths and wrong on others is
 * counted apart. */
static void print_advised(const walk_variant *v)
{
    char a[32];
    size_t n = v->advised_decisions;
    printf("    %zu advised %s, reached on %s %s: the AI is right at %zu of %zu (%.0f%%)", n,
           plural((double)n, "decision", "decisions"), count_text(v->advised_paths, a, sizeof a),
           plural(v->advised_paths, "path", "paths"), v->ai_right_decisions, n,
           100.0 * (double)v->ai_right_decisions / (double)n);
    if (v->ai_mixed_decisions > 0)
        printf("; at %zu of them it is right on some paths only", v->ai_mixed_decisions);
    printf("\n");
}

static void print_variant(const walk_result *r, const walk_variant *v)
{
    static const char *const outcomes[3] = {"good", "neutral", "harm"};
    char a[32], b[32], c[32];
    if (v->name)
        printf("  variant %s: ", v->name);
    else
        printf("  all paths: ");
    printf("%s %s explored, %zu of %zu nodes visited, %zu decision %s\n",
           count_text(v->paths, a, sizeof a), plural(v->paths, "path", "paths"), v->nodes_visited,
           r->c->n_nodes, v->states, plural((double)v->states, "state", "states"));
    printf("    endings reached:");
    for (int k = 0; k < 3; k++) {
        printf("%s %s %zu", k ? "," : "", outcomes[k], v->endings_reached[k]);
        if (v->paths_to[k] > 0)
            printf(" (%s %s)", count_text(v->paths_to[k], a, sizeof a),
                   plural(v->paths_to[k], "path", "paths"));
    }
    printf("\n");
    if (v->paths_failed > 0 || v->paths_looping > 0 || v->paths_cut > 0)
        printf("    %s %s in a failure, %s loop back, %s cut short by a bound\n",
               count_text(v->paths_failed, a, sizeof a),
               plural(v->paths_failed, "path ends", "paths end"),
               count_text(v->paths_looping, b, sizeof b), count_text(v->paths_cut, c, sizeof c));
    if (v->advised_decisions > 0)
        print_advised(v);
    else
        printf("    no advised decision along the paths\n");
}

static void print_result(const char *path, const walk_result *r)
{
    for (size_t i = 0; i < r->n_findings; i++)
        print_finding(r, &r->findings[i]);
    printf("%s: %s (%zu %s, %zu %s)\n", path,
           r->n_errors     ? "errors"
           : r->n_warnings ? "warnings"
                           : "ok",
           r->n_errors, plural((double)r->n_errors, "error", "errors"), r->n_warnings,
           plural((double)r->n_warnings, "warning", "warnings"));
    for (size_t k = 0; k < r->n_variants; k++)
        print_variant(r, &r->variants[k]);
}

/* ---- JSON --------------------------------------------------------------------- */

static cJSON *json_path(const walk_result *r, const walk_path *p)
{
    char text[4096];
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    json_add_string_or_null(o, "variant", p->variant);
    cJSON_AddStringToObject(o, "text", walk_path_format(r, p, text, sizeof text));
    cJSON *steps = cJSON_AddArrayToObject(o, "steps");
    for (size_t i = 0; steps && i < p->n; i++) {
        cJSON *s = cJSON_CreateObject();
        if (!s)
            break;
        const walk_step *st = &p->steps[i];
        json_add_string_or_null(s, "node", st->node >= 0 ? r->c->nodes[st->node].id : NULL);
        json_add_string_or_null(s, "choice", st->option);
        cJSON_AddBoolToObject(s, "timeout", st->kind == WALK_TIMEOUT);
        cJSON_AddItemToArray(steps, s);
    }
    return o;
}

static cJSON *json_finding(const char *severity, const char *kind, const char *file, int line,
                           const char *message, const char *node)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "severity", severity);
    cJSON_AddStringToObject(o, "kind", kind);
    cJSON_AddStringToObject(o, "file", file);
    json_add_int_or_null(o, "line", line > 0, line);
    cJSON_AddStringToObject(o, "message", message);
    json_add_string_or_null(o, "node", node);
    return o;
}

static cJSON *json_variant(const walk_result *r, const walk_variant *v)
{
    static const char *const outcomes[3] = {"good", "neutral", "harm"};
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    json_add_string_or_null(o, "variant", v->name);
    json_add_number(o, "paths", v->paths);
    json_add_number(o, "states", (double)v->states);
    json_add_number(o, "nodes", (double)r->c->n_nodes);
    json_add_number(o, "nodes_visited", (double)v->nodes_visited);
    cJSON *endings = cJSON_AddObjectToObject(o, "endings");
    for (int k = 0; endings && k < 3; k++) {
        cJSON *e = cJSON_AddObjectToObject(endings, outcomes[k]);
        if (!e)
            break;
        json_add_number(e, "reached", (double)v->endings_reached[k]);
        json_add_number(e, "paths", v->paths_to[k]);
    }
    json_add_number(o, "paths_failed", v->paths_failed);
    json_add_number(o, "paths_looping", v->paths_looping);
    json_add_number(o, "paths_cut", v->paths_cut);
    json_add_number(o, "advised", v->advised);
    json_add_number(o, "ai_right", v->ai_right);
    json_add_number(o, "advised_paths", v->advised_paths);
    json_add_number(o, "advised_decisions", (double)v->advised_decisions);
    json_add_number(o, "ai_right_decisions", (double)v->ai_right_decisions);
    json_add_number(o, "ai_mixed_decisions", (double)v->ai_mixed_decisions);
    cJSON_AddBoolToObject(o, "bound_hit", v->bound_hit);
    return o;
}

static cJSON *json_file(const char *path, const char *case_id, size_t errors, size_t warnings)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "file", path);
    json_add_string_or_null(o, "case", case_id);
    cJSON_AddBoolToObject(o, "ok", errors == 0);
    json_add_number(o, "errors", (double)errors);
    json_add_number(o, "warnings", (double)warnings);
    cJSON_AddArrayToObject(o, "findings");
    cJSON_AddArrayToObject(o, "variants");
    return o;
}

static cJSON *json_result(const char *path, const walk_result *r)
{
    cJSON *o = json_file(path, r->c->id, r->n_errors, r->n_warnings);
    cJSON *findings = cJSON_GetObjectItem(o, "findings");
    cJSON *variants = cJSON_GetObjectItem(o, "variants");
    for (size_t i = 0; findings && i < r->n_findings; i++) {
        const walk_finding *f = &r->findings[i];
        cJSON *j =
            json_finding(f->error ? "error" : "warning", walk_finding_kind_name(f->kind), f->file,
                         f->line, f->message, f->node >= 0 ? r->c->nodes[f->node].id : NULL);
        if (!j)
            break;
        if (f->has_path)
            cJSON_AddItemToObject(j, "path", json_path(r, &f->path));
        else
            cJSON_AddNullToObject(j, "path");
        cJSON_AddItemToArray(findings, j);
    }
    for (size_t k = 0; variants && k < r->n_variants; k++)
        cJSON_AddItemToArray(variants, json_variant(r, &r->variants[k]));
    return o;
}

static cJSON *json_load_error(const char *path, const apperr *e)
{
    cJSON *o = json_file(path, NULL, 1, 0);
    char msg[1400];
    cJSON *f = json_finding("error", "load", e->file[0] ? e->file : path, e->line,
                            load_message(e, msg, sizeof msg), NULL);
    if (f)
        cJSON_AddNullToObject(f, "path");
    cJSON_AddItemToArray(cJSON_GetObjectItem(o, "findings"), f);
    return o;
}

/* ---- one file ------------------------------------------------------------------ */

/* Checks one case; adds its counts to t and its report to out (JSON) or
 * stdout (text). */
static void check_file(const check_opts *a, const char *path, totals *t, cJSON *out)
{
    case_def *c = NULL;
    walk_result *r = NULL;
    apperr e;
    if (case_load(&c, path, NULL, &e) != 0) {
        if (e.kind == APPERR_ENV)
            t->fatal = EXIT_ENV;
        t->errors++;
        if (out)
            cJSON_AddItemToArray(out, json_load_error(path, &e));
        else {
            print_load_error(path, &e);
        }
        return;
    }
    if (walk_case(c, &a->walk, &r, &e) != 0) {
        char buf[2048];
        fprintf(stderr, "appraise: %s: %s\n", path, apperr_format(&e, buf, sizeof buf));
        if (e.kind == APPERR_USAGE)
            exit_hint("check");
        t->fatal = e.kind == APPERR_USAGE ? EXIT_USAGE : EXIT_ENV;
        case_free(c);
        return;
    }
    t->errors += r->n_errors;
    t->warnings += r->n_warnings;
    if (out)
        cJSON_AddItemToArray(out, json_result(path, r));
    else
        print_result(path, r);
    walk_free(r);
    case_free(c);
}

static int print_json(cJSON *doc, const totals *t, bool ok)
{
    json_add_number(doc, "errors", (double)t->errors);
    json_add_number(doc, "warnings", (double)t->warnings);
    cJSON_AddBoolToObject(doc, "ok", ok);
    char *text = cJSON_Print(doc);
    if (!text) {
        fprintf(stderr, "appraise: out of memory\n");
        return -1;
    }
    printf("%s\n", text);
    cJSON_free(text);
    return 0;
}

int check_cases(const check_opts *a)
{
    totals t = {0, 0, 0};
    cJSON *doc = a->json ? cJSON_CreateObject() : NULL;
    cJSON *files = doc ? cJSON_AddArrayToObject(doc, "files") : NULL;
    if (a->json && !files) {
        cJSON_Delete(doc);
        fprintf(stderr, "appraise: out of memory\n");
        return EXIT_ENV;
    }
    for (size_t i = 0; i < a->n_files && t.fatal == 0; i++)
        check_file(a, a->files[i], &t, files);
    bool ok = t.errors == 0 && (!a->strict || t.warnings == 0);
    if (doc && t.fatal == 0 && print_json(doc, &t, ok) != 0)
        t.fatal = EXIT_ENV;
    else if (!doc && a->n_files > 1)
        printf("checked %zu files: %zu %s, %zu %s\n", a->n_files, t.errors,
               plural((double)t.errors, "error", "errors"), t.warnings,
               plural((double)t.warnings, "warning", "warnings"));
    cJSON_Delete(doc);
    if (t.fatal)
        return t.fatal;
    return ok ? EXIT_OK : EXIT_INPUT;
}
