/* appraise check: loads each case, walks every path (walk.h) and reports
 * what an author must fix, one finding a line as FILE:LINE: error|warning:
 * message, with the shortest choice path that reaches it; then a summary per
 * variant. Exit 0 when no case has an error (--strict: nor a warning), 1
 * otherwise, 2 usage, 3 the environment failed. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "case_load.h"
#include "commands.h"
#include "json_util.h"
#include "walk.h"

const char cmd_check_help[] =
    "Loads each case and walks every path: every option at every decision, in every\n"
    "variant, the time limit running out where there is one, on-request advice asked\n"
    "and not. Each finding is one line, followed by the shortest choice path to it:\n"
    "\n"
    "  FILE:LINE: error|warning: message\n"
    "    path: first_look=repeat \xe2\x86\x92 worse=(timeout)\n"
    "\n"
    "Errors: what the loader rejects; nodes no path reaches; loops with no way out;\n"
    "paths longer than the bound where a case function may change s each time round;\n"
    "case functions that fail, run too long, use too much memory or return no node.\n"
    "Warnings: endings a variant never reaches; an AI right at every advised\n"
    "decision; advised decisions without debrief text; the walk stopped at\n"
    "--max-states, or at the bound on a path with no function ahead (long, not\n"
    "endless); nodes not explored because a path was cut at a bound (never called\n"
    "unreached then). Then a summary per variant: paths explored, nodes visited,\n"
    "endings reached by outcome, how often the AI is right along the paths.\n"
    "\n"
    "  --strict          warnings fail the check too\n"
    "  --json            one JSON document on stdout instead of text\n"
    "  --variant NAME    walk only this variant\n"
    "  --max-states N    distinct states walked per variant (default 5000)\n"
    "  --max-depth N     decisions on one path before the walk stops it (default 200)\n"
    "\n"
    "--json writes {\"ok\": bool, \"errors\": N, \"warnings\": N, \"files\": [FILE...]}, each\n"
    "FILE {\"file\", \"case\": id|null, \"ok\", \"errors\", \"warnings\", \"findings\": [...],\n"
    "\"variants\": [...]}; a finding {\"severity\": \"error\"|\"warning\", \"kind\": \"load\"|\n"
    "\"unreachable\"|\"no_way_out\"|\"too_long\"|\"case_failed\"|\"ending_unreached\"|\n"
    "\"ai_always_right\"|\"no_debrief\"|\"bound\"|\"unexplored\", \"file\", \"line\": N|null,\n"
    "\"message\", \"node\": id|null, \"path\": null|{\"variant\": name|null, \"text\":\n"
    "\"a=x \xe2\x86\x92 b=(timeout)\", \"steps\": [{\"node\", \"choice\": id|null, \"timeout\":\n"
    "bool}]}}; a variant {\"variant\": name|null, \"paths\", \"states\", \"nodes\",\n"
    "\"nodes_visited\", \"endings\": {\"good\"|\"neutral\"|\"harm\": {\"reached\", \"paths\"}},\n"
    "\"paths_failed\", \"paths_looping\", \"paths_cut\", \"advised\", \"ai_right\",\n"
    "\"bound_hit\"} (advised and ai_right count decisions summed over the paths).\n"
    "\n"
    "Exit: 0 no errors (--strict: no warnings either); 1 otherwise; 2 usage;\n"
    "3 the environment failed.\n";

typedef struct check_args {
    bool json, strict;
    walk_opts walk;
    char **files;
    int n_files;
} check_args;

typedef struct totals {
    size_t errors, warnings;
    int fatal; /* an exit code that is not about the cases (2, 3), or 0 */
} totals;

static int usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "appraise: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'appraise check --help'.\n");
    return EXIT_USAGE;
}

static int parse_count(const char *text, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || end == text || *end || v == 0 || text[0] == '-')
        return -1;
    *out = (size_t)v;
    return 0;
}

static int parse_args(int argc, char **argv, check_args *a)
{
    memset(a, 0, sizeof *a);
    a->files = calloc((size_t)argc, sizeof *a->files);
    if (!a->files)
        return EXIT_ENV;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--json") == 0)
            a->json = true;
        else if (strcmp(arg, "--strict") == 0)
            a->strict = true;
        else if (strcmp(arg, "--variant") == 0 || strcmp(arg, "--max-states") == 0 ||
                 strcmp(arg, "--max-depth") == 0) {
            if (i + 1 >= argc)
                return usage("%s needs a value", arg);
            const char *val = argv[++i];
            if (strcmp(arg, "--variant") == 0)
                a->walk.variant = val;
            else if (parse_count(val, arg[6] == 's' ? &a->walk.max_states : &a->walk.max_depth) !=
                     0)
                return usage("a whole number from 1 up is needed, got '%s'", val);
        } else if (arg[0] == '-' && arg[1] != '\0')
            return usage("unknown option '%s' for check", arg);
        else
            a->files[a->n_files++] = argv[i];
    }
    if (a->n_files == 0)
        return usage("%s", "check needs at least one CASE.lua");
    return EXIT_OK;
}

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
    if (v->advised > 0)
        printf("    the AI is right at %s of %s advised decisions along the paths (%.0f%%)\n",
               count_text(v->ai_right, a, sizeof a), count_text(v->advised, b, sizeof b),
               100.0 * v->ai_right / v->advised);
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
static void check_file(const check_args *a, const char *path, totals *t, cJSON *out)
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
    free(text);
    return 0;
}

int cmd_check(int argc, char **argv)
{
    check_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc != EXIT_OK) {
        free(a.files);
        return rc;
    }
    totals t = {0, 0, 0};
    cJSON *doc = a.json ? cJSON_CreateObject() : NULL;
    cJSON *files = doc ? cJSON_AddArrayToObject(doc, "files") : NULL;
    if (a.json && !files) {
        cJSON_Delete(doc);
        free(a.files);
        return EXIT_ENV;
    }
    for (int i = 0; i < a.n_files && t.fatal == 0; i++)
        check_file(&a, a.files[i], &t, files);
    bool ok = t.errors == 0 && (!a.strict || t.warnings == 0);
    if (doc && t.fatal == 0 && print_json(doc, &t, ok) != 0)
        t.fatal = EXIT_ENV;
    else if (!doc && a.n_files > 1)
        printf("checked %d files: %zu %s, %zu %s\n", a.n_files, t.errors,
               plural((double)t.errors, "error", "errors"), t.warnings,
               plural((double)t.warnings, "warning", "warnings"));
    cJSON_Delete(doc);
    free(a.files);
    if (t.fatal)
        return t.fatal;
    return ok ? EXIT_OK : EXIT_INPUT;
}
