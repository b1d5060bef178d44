#include "cli_opts.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Help is wrapped to this many columns; option names take this many. */
#define WIDTH 80
#define NAME_COLUMN 24

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("appraise: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit_hint(cmd);
    return EXIT_USAGE;
}

bool cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    return false;
}

/* ---- values ------------------------------------------------------------ */

static void *slot(void *args, size_t at)
{
    return (char *)args + at;
}

/* "a, b, c or d" into buf. */
static const char *choice_list(const char *const *choices, char *buf, size_t size)
{
    size_t n = 0, len = 0;
    while (choices[n])
        n++;
    buf[0] = '\0';
    for (size_t k = 0; k < n && len < size; k++) {
        const char *sep = k == 0 ? "" : k + 1 == n ? " or " : ", ";
        int w = snprintf(buf + len, size - len, "%s%s", sep, choices[k]);
        len += w > 0 ? (size_t)w : 0;
    }
    return buf;
}

/* The value's name in messages: "ID" reads "id". */
static const char *meta_lower(const cli_opt *o, char *buf, size_t size)
{
    const char *m = o->meta ? o->meta : "value";
    size_t k = 0;
    for (; m[k] && k + 1 < size; k++)
        buf[k] = (char)(m[k] >= 'A' && m[k] <= 'Z' ? m[k] - 'A' + 'a' : m[k]);
    buf[k] = '\0';
    return buf;
}

/* Stores one value of a string or choice option (its own array when
 * repeatable). */
static int store(const char *cmd, const cli_opt *o, void *args, const char *value)
{
    if (!(o->flags & CLI_REPEAT)) {
        *(const char **)slot(args, o->at) = value;
        return EXIT_OK;
    }
    size_t *count = slot(args, o->count_at);
    if (*count == o->max)
        return cli_usage_error(cmd, "%s given too many times (at most %zu)", o->name, o->max);
    ((const char **)slot(args, o->at))[(*count)++] = value;
    return EXIT_OK;
}

/* The choice that the len bytes at text name, or NULL. */
static const char *find_choice(const cli_opt *o, const char *text, size_t len)
{
    for (size_t k = 0; o->choices[k]; k++)
        if (strlen(o->choices[k]) == len && strncmp(o->choices[k], text, len) == 0)
            return o->choices[k];
    return NULL;
}

static int take_choice(const char *cmd, const cli_opt *o, void *args, const char *value)
{
    const char *p = value;
    for (;;) {
        size_t len = o->flags & CLI_LIST ? strcspn(p, ",") : strlen(p);
        const char *c = find_choice(o, p, len);
        if (!c) {
            char list[512];
            choice_list(o->choices, list, sizeof list);
            if (o->what)
                return cli_usage_error(cmd, "unknown %s '%.*s' (expected %s)", o->what, (int)len, p,
                                       list);
            return cli_usage_error(cmd, "%s takes %s, got '%.*s'", o->name, list, (int)len, p);
        }
        int rc = store(cmd, o, args, c);
        if (rc != EXIT_OK || p[len] == '\0')
            return rc;
        p += len + 1;
    }
}

/* Digits only (no sign, no space), with a '%' at the end when allowed. */
static int parse_number(const cli_opt *o, const char *text, unsigned long long *out)
{
    size_t n = strspn(text, "0123456789");
    if (n == 0 || (text[n] && !(o->flags & CLI_PERCENT && text[n] == '%' && !text[n + 1])))
        return -1;
    unsigned long long v = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned d = (unsigned)(text[k] - '0');
        if (v > (ULLONG_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    if (v < o->lo || v > o->hi)
        return -1;
    *out = v;
    return 0;
}

static int take_number(const char *cmd, const cli_opt *o, void *args, const char *value)
{
    unsigned long long v;
    if (parse_number(o, value, &v) == 0) {
        *(unsigned long long *)slot(args, o->at) = v;
        return EXIT_OK;
    }
    if (o->what)
        return cli_usage_error(cmd, "%s %s, got '%s'", o->name, o->what, value);
    return cli_usage_error(cmd, "%s takes a whole number from %llu to %llu, got '%s'", o->name,
                           o->lo, o->hi, value);
}

static int take_value(const char *cmd, const cli_opt *o, void *args, const char *value)
{
    char meta[32];
    switch (o->kind) {
    case CLI_STRING:
        if (!value[0])
            return cli_usage_error(cmd, "%s needs a non-empty %s", o->name,
                                   meta_lower(o, meta, sizeof meta));
        return store(cmd, o, args, value);
    case CLI_NUMBER:
        return take_number(cmd, o, args, value);
    case CLI_CHOICE:
        return take_choice(cmd, o, args, value);
    default:
        return EXIT_OK;
    }
}

/* ---- options ----------------------------------------------------------- */

static const cli_opt *find_opt(const cli_command *cmd, const char *name, size_t len)
{
    for (const cli_opt *o = cmd->opts; o && o->name; o++)
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

/* The option at argv[*i] ("--name", "--name=VALUE" or "--name VALUE"). */
static int take_opt(const cli_command *cmd, void *args, int argc, char **argv, int *i, bool *given)
{
    const char *arg = argv[*i], *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    const cli_opt *o = find_opt(cmd, arg, len);
    if (!o)
        return cli_usage_error(cmd->name, "unknown option '%.*s'%s%s", (int)len, arg,
                               cmd->name[0] ? " for " : "", cmd->name);
    if (o->kind == CLI_REFUSED)
        return cli_usage_error(cmd->name, "%s", o->what);
    /* Past CLI_MAX_OPTS (test_cli_opts keeps every table within it) an option
     * is not told given twice. */
    bool spare = false;
    bool *seen = o - cmd->opts < CLI_MAX_OPTS ? &given[o - cmd->opts] : &spare;
    if (o->kind == CLI_FLAG && eq)
        return cli_usage_error(cmd->name, "%s takes no value", o->name);
    const char *value = eq ? eq + 1 : NULL;
    if (o->kind != CLI_FLAG && !value) {
        if (*i + 1 >= argc)
            return cli_usage_error(cmd->name, "%s needs a value", o->name);
        value = argv[++*i];
    }
    if (*seen && !(o->flags & CLI_REPEAT))
        return cli_usage_error(cmd->name, "%s given twice", o->name);
    *seen = true;
    if (o->seen_at)
        *(bool *)slot(args, o->seen_at - 1) = true;
    if (o->kind == CLI_FLAG) {
        *(bool *)slot(args, o->at) = true;
        return EXIT_OK;
    }
    return take_value(cmd->name, o, args, value);
}

/* "--inputs FILE and --policy P": the options marked CLI_ONE_OF. */
static void one_of_names(const cli_command *cmd, char *buf, size_t size)
{
    size_t n = 0, k = 0, len = 0;
    for (const cli_opt *o = cmd->opts; o->name; o++)
        n += (o->flags & CLI_ONE_OF) != 0;
    buf[0] = '\0';
    for (const cli_opt *o = cmd->opts; o->name && len < size; o++) {
        if (!(o->flags & CLI_ONE_OF))
            continue;
        const char *sep = k == 0 ? "" : k + 1 == n ? " and " : ", ";
        int w = snprintf(buf + len, size - len, "%s%s%s%s", sep, o->name, o->meta ? " " : "",
                         o->meta ? o->meta : "");
        len += w > 0 ? (size_t)w : 0;
        k++;
    }
}

static int check_one_of(const cli_command *cmd, const bool *given)
{
    size_t marked = 0, n = 0;
    for (const cli_opt *o = cmd->opts; o && o->name; o++) {
        if (!(o->flags & CLI_ONE_OF))
            continue;
        marked++;
        n += o - cmd->opts < CLI_MAX_OPTS && given[o - cmd->opts];
    }
    if (marked == 0 || n == 1)
        return EXIT_OK;
    char names[256];
    one_of_names(cmd, names, sizeof names);
    return cli_usage_error(cmd->name, "%s needs exactly one of %s", cmd->name, names);
}

/* The n operands at first, where ops says. */
static void store_operands(const cli_operands *ops, void *args, const char **first, size_t n)
{
    if (ops->max == 1 && n == 1) {
        *(const char **)slot(args, ops->at) = first[0];
    } else if (ops->max > 1) {
        *(const char *const **)slot(args, ops->at) = first;
        *(size_t *)slot(args, ops->count_at) = n;
    }
}

int cli_parse(const cli_command *cmd, void *args, int argc, char **argv, size_t *n_operands)
{
    bool given[CLI_MAX_OPTS] = {false};
    bool done = false;
    size_t n = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!done && strcmp(arg, "--") == 0) {
            done = true;
        } else if (!done && arg[0] == '-' && arg[1] != '\0') {
            int rc = take_opt(cmd, args, argc, argv, &i, given);
            if (rc != EXIT_OK)
                return rc;
        } else if (n == cmd->operands.max) {
            if (n == 0)
                return cli_usage_error(cmd->name, "unexpected '%s'", arg);
            return cli_usage_error(cmd->name, "%s takes one %s; unexpected '%s'", cmd->name,
                                   cmd->operands.usage, arg);
        } else {
            argv[1 + n++] = (char *)arg; /* 1 + n <= i: nothing unread is overwritten */
        }
    }
    *n_operands = n;
    store_operands(&cmd->operands, args, (const char **)argv + 1, n);
    if (n < cmd->operands.min)
        return cli_usage_error(cmd->name, "%s needs %s", cmd->name, cmd->operands.needs);
    return check_one_of(cmd, given);
}

int cli_exec(const cli_command *cmd, int argc, char **argv)
{
    void *args = calloc(1, cmd->args.size ? cmd->args.size : 1);
    if (!args) {
        fputs("appraise: out of memory\n", stderr);
        return EXIT_ENV;
    }
    if (cmd->args.defaults)
        memcpy(args, cmd->args.defaults, cmd->args.size);
    size_t n;
    int rc = cli_parse(cmd, args, argc, argv, &n);
    if (rc == EXIT_OK)
        rc = cmd->run(cmd, args);
    free(args);
    return rc;
}

/* ---- help ------------------------------------------------------------- */

void cli_wrap(FILE *f, const char *text, int indent, int col)
{
    bool fresh = true; /* no word on this line yet (after col) */
    for (const char *p = text; *p;) {
        if (*p == ' ' || *p == '\n') {
            if (*p == '\n') {
                fputc('\n', f);
                col = 0, fresh = true;
            }
            p++;
            continue;
        }
        int w = (int)strcspn(p, " \n");
        if (!fresh && col + 1 + w > WIDTH - 1) {
            fputc('\n', f);
            col = 0, fresh = true;
        }
        if (col < indent)
            col += fprintf(f, "%*s", indent - col, "");
        else if (!fresh)
            col += fprintf(f, " ");
        fwrite(p, 1, (size_t)w, f);
        col += w, fresh = false;
        p += w;
    }
    if (col > 0)
        fputc('\n', f);
}

/* "--name META": the option as written in the help ("--theme a|b" for a
 * choice without a META). */
static const char *opt_text(const cli_opt *o, char *buf, size_t size)
{
    size_t len = (size_t)snprintf(buf, size, "%s", o->name);
    if (o->kind == CLI_FLAG || o->kind == CLI_REFUSED || len >= size)
        return buf;
    if (o->meta) {
        snprintf(buf + len, size - len, " %s", o->meta);
        return buf;
    }
    for (size_t k = 0; o->choices && o->choices[k] && len < size; k++) {
        int w = snprintf(buf + len, size - len, "%s%s", k ? "|" : " ", o->choices[k]);
        len += w > 0 ? (size_t)w : 0;
    }
    return buf;
}

/* The usage's item of option o: "[--seed N]", "[--by KEY]...", or for the
 * first of the CLI_ONE_OF options the whole group "(--inputs FILE | --policy
 * P)"; "" for the rest of the group. */
static void usage_item(const cli_opt *o, char *buf, size_t size)
{
    char text[256];
    buf[0] = '\0';
    if (!(o->flags & CLI_ONE_OF)) {
        snprintf(buf, size, "[%s]%s", opt_text(o, text, sizeof text),
                 o->flags & CLI_REPEAT ? "..." : "");
        return;
    }
    size_t len = 0;
    for (const cli_opt *g = o; g->name && len < size; g++) {
        if (!(g->flags & CLI_ONE_OF))
            continue;
        int w = snprintf(buf + len, size - len, "%s%s", g == o ? "(" : " | ",
                         opt_text(g, text, sizeof text));
        len += w > 0 ? (size_t)w : 0;
    }
    if (len + 1 < size)
        strcat(buf, ")");
}

void cli_usage(FILE *f, const cli_command *cmd, bool first)
{
    char item[512];
    bool group_done = false;
    int n = fprintf(f, "%s appraise%s%s", first ? "Usage:" : "      ", cmd->name[0] ? " " : "",
                    cmd->name);
    int col = n;
    if (cmd->operands.usage)
        col += fprintf(f, " %s", cmd->operands.usage);
    /* Items break only between them: "[--seed N]" stays on one line. */
    for (const cli_opt *o = cmd->opts; o && o->name; o++) {
        if (o->kind == CLI_REFUSED || (o->flags & CLI_ONE_OF && group_done))
            continue;
        group_done |= (o->flags & CLI_ONE_OF) != 0;
        usage_item(o, item, sizeof item);
        int w = (int)strlen(item);
        if (col + 1 + w > WIDTH - 1 && col > n) {
            fprintf(f, "\n%*s", n, "");
            col = n;
        }
        col += fprintf(f, " %s", item);
    }
    fputc('\n', f);
}

static void option_line(FILE *f, const char *name, const char *help)
{
    int n = fprintf(f, "  %s", name);
    if (n + 2 > NAME_COLUMN) {
        fputc('\n', f);
        n = 0;
    }
    cli_wrap(f, help, NAME_COLUMN, n);
}

void cli_options(FILE *f, const cli_command *cmd)
{
    for (const cli_opt *o = cmd->opts; o && o->name; o++) {
        char text[256];
        if (o->kind == CLI_REFUSED)
            continue;
        option_line(f, opt_text(o, text, sizeof text), o->help);
    }
}

void cli_help(FILE *f, const cli_command *cmd)
{
    cli_usage(f, cmd, true);
    fprintf(f, "\n%c%s.\n",
            cmd->summary[0] >= 'a' && cmd->summary[0] <= 'z' ? cmd->summary[0] - 'a' + 'A'
                                                             : cmd->summary[0],
            cmd->summary + 1);
    if (cmd->about)
        fprintf(f, "\n%s", cmd->about);
    fputs("\nOptions:\n", f);
    cli_options(f, cmd);
    option_line(f, "-h, --help", "print this help");
    if (cmd->after)
        fprintf(f, "\n%s", cmd->after);
}
