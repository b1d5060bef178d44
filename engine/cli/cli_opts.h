/* cli_opts: the one option parser of `appraise`. Each command declares a
 * table of its options (name, kind of value, help, where the value goes)
 * and its operands; this module parses argv against it, and writes every
 * usage message, every `COMMAND --help` and every usage error, all in one
 * format:
 *
 *   appraise: unknown option '--x' for check
 *   Try 'appraise check --help'.
 *
 * Options are "--name VALUE" or "--name=VALUE"; "--" ends them; "-" alone
 * is an operand (standard input). Values go into the command's own struct
 * of arguments at the offsets the table gives, so tables are constant and
 * nothing is global. */
#ifndef CLI_OPTS_H
#define CLI_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "exit_status.h"

typedef enum cli_kind {
    CLI_FLAG,   /* bool: true when given */
    CLI_STRING, /* const char *: a non-empty text */
    CLI_NUMBER, /* unsigned long long: digits only, from lo to hi */
    CLI_CHOICE, /* const char *: one of choices[] (the table's own string) */
    /* Not taken by this command: said with `what` as the reason, and left
     * out of the help. */
    CLI_REFUSED
} cli_kind;

/* Flags of an option. */
enum {
    CLI_REPEAT = 1,  /* may be given again: dest is an array of max, count at count_at */
    CLI_LIST = 2,    /* a CLI_CHOICE value may be a comma-separated list (needs CLI_REPEAT) */
    CLI_PERCENT = 4, /* a CLI_NUMBER may end in '%' */
    CLI_ONE_OF = 8   /* one of the options so marked is needed: (--a X | --b Y) in the usage */
};

/* Where a value goes: an offset into the command's struct of arguments. */
#define CLI_AT(type, field) offsetof(type, field)
/* Where "given" goes (a bool): 0 means nowhere, hence the + 1. */
#define CLI_SEEN(type, field) (offsetof(type, field) + 1)

typedef struct cli_opt {
    const char *name; /* "--seed" */
    cli_kind kind;
    const char *meta; /* the value in the usage and help: "N", "FILE"; for a
                         CLI_CHOICE without one, its choices "a|b" */
    const char *help; /* wrapped to the terminal's 80 columns; a choice's help names every choice */
    size_t at;        /* CLI_AT: where the value goes */
    unsigned flags;
    size_t seen_at;             /* CLI_SEEN, or 0 */
    size_t count_at;            /* CLI_REPEAT: CLI_AT of a size_t counting the values */
    size_t max;                 /* CLI_REPEAT: how many values dest holds */
    unsigned long long lo, hi;  /* CLI_NUMBER: the range */
    const char *const *choices; /* CLI_CHOICE: NULL-terminated */
    /* In messages. CLI_CHOICE: a noun ("policy": "unknown policy 'x'
     * (expected a or b)"), else "--opt takes a or b, got 'x'". CLI_NUMBER:
     * how the range reads ("must be a whole number": "--seed must be a whole
     * number from 0 to 9, got 'x'"; default "takes a whole number").
     * CLI_REFUSED: the reason. */
    const char *what;
} cli_opt;

/* The text of a number macro, for help: CLI_TEXT(WALK_MAX_DEPTH_DEFAULT) is "200". */
#define CLI_TEXT(x) CLI_TEXT_(x)
#define CLI_TEXT_(x) #x

/* The most options one command declares. */
#define CLI_MAX_OPTS 32

/* clang-format off */
/* Table entries of the common kinds, in the order the help shows them:
 * the option, its value's name, where the value goes (field of the
 * command's struct of arguments, type), and its help. */
#define CLI_FLAG_OPT(opt, type, field, text)                                   \
    {.name = (opt), .kind = CLI_FLAG, .at = CLI_AT(type, field),               \
     .help = (text)}
#define CLI_STRING_OPT(opt, meta_, type, field, text)                          \
    {.name = (opt), .kind = CLI_STRING, .meta = (meta_),                       \
     .at = CLI_AT(type, field), .help = (text)}
/* A whole number from 1 up, into an unsigned long long. */
#define CLI_COUNT_OPT(opt, type, field, text)                                  \
    {.name = (opt), .kind = CLI_NUMBER, .meta = "N",                           \
     .at = CLI_AT(type, field), .lo = 1, .hi = SIZE_MAX,                       \
     .what = "takes a whole number from 1 up", .help = (text)}
/* An option this command does not take, and why. */
#define CLI_REFUSED_OPT(opt, why)                                              \
    {.name = (opt), .kind = CLI_REFUSED, .what = (why)}
/* clang-format on */

/* What a command takes besides its options, and where it goes. */
typedef struct cli_operands {
    const char *usage; /* in the usage: "CASE.lua", "CASE.lua...", or NULL */
    const char *needs; /* said when they are missing: "a case file (CASE.lua)" */
    size_t min, max;   /* max 0: none */
    /* Where they go. max 1: CLI_AT of a const char *. Else CLI_AT of a
     * const char *const * to them, and count_at CLI_AT of a size_t. */
    size_t at, count_at;
} cli_operands;

/* How much a command's struct of arguments is, and what it holds before the
 * options are parsed. */
typedef struct cli_args {
    size_t size;
    const void *defaults; /* NULL: zeros */
} cli_args;

/* clang-format off */
/* Exactly one operand, into field of type; one or more, into field with
 * their count in count. */
#define CLI_OPERAND(usage_, needs_, type, field)                               \
    {.usage = (usage_), .needs = (needs_), .min = 1, .max = 1,                 \
     .at = CLI_AT(type, field)}
#define CLI_OPERANDS(usage_, needs_, type, field, count)                       \
    {.usage = (usage_), .needs = (needs_), .min = 1, .max = SIZE_MAX,          \
     .at = CLI_AT(type, field), .count_at = CLI_AT(type, count)}
/* The struct of arguments type: all zeros before parsing; or what the
 * initializer (after type: {.seed = 1}) gives. */
#define CLI_ARGS(type) {.size = sizeof(type)}
#define CLI_ARGS_INIT(type, ...)                                               \
    {.size = sizeof(type), .defaults = &(const type)__VA_ARGS__}
/* clang-format on */

/* A command: its name, what it takes, its help, and what it does. */
typedef struct cli_command {
    const char *name;    /* "run"; "" for `appraise` alone (the case library) */
    const char *summary; /* one line, for `appraise --help` */
    cli_operands operands;
    const cli_opt *opts; /* ended by an entry with a NULL name */
    cli_args args;       /* where the values of the options and the operands go */
    /* The work, once the arguments are parsed into args (the struct that
     * args describes). Returns the exit code. */
    int (*run)(const struct cli_command *cmd, void *args);
    const char *about; /* help: paragraphs between the summary and the options */
    const char *after; /* help: after the options (exit codes) */
} cli_command;

/* Parses argv[1..argc-1] (argv[0] is the command's name) into args: the
 * values of the options, checked against their kinds, ranges and choices,
 * and the operands where cmd->operands says. Operands are moved, in order,
 * to argv[1..*n_operands] (args points there). Returns EXIT_OK,
 * or EXIT_USAGE after the usage error was said on stderr. args is not
 * cleared first: what it holds stays as the default of options not given. */
int cli_parse(const cli_command *cmd, void *args, int argc, char **argv, size_t *n_operands);

/* Runs cmd on argv[1..argc-1]: parses them (cli_parse) into a struct of
 * arguments that starts as cmd->args.defaults, then calls cmd->run. Returns
 * the exit code of the usage error or of the run. */
int cli_exec(const cli_command *cmd, int argc, char **argv);

/* "--help" or "-h" among the arguments, before any "--". */
bool cli_wants_help(int argc, char **argv);

/* `appraise COMMAND --help`: the usage, summary, about, options, after. */
void cli_help(FILE *f, const cli_command *cmd);

/* The usage lines of cmd ("Usage: " or the same width of spaces before
 * them when first is false), wrapped under the command name. */
void cli_usage(FILE *f, const cli_command *cmd, bool first);

/* The options of cmd, one a line with their help, wrapped. */
void cli_options(FILE *f, const cli_command *cmd);

/* A usage error in the one format: "appraise: MESSAGE" and "Try 'appraise
 * CMD --help'." on stderr. Returns EXIT_USAGE. cmd is "" for the program
 * itself. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Writes text wrapped to 79 columns, going on from column col of the
 * current line (padded to indent when short of it); the lines after the
 * first start at column indent. '\n' in text starts a new line. Ends the
 * last line. */
void cli_wrap(FILE *f, const char *text, int indent, int col);

#endif
