/* test_cli_opts: the command line's one option parser (engine/cli/), on a
 * table of every kind of option, and the tables of the real commands: their
 * help in one format, their choices the ones the engine takes. */
#define _DEFAULT_SOURCE /* open_memstream, dup */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "metrics.h"
#include "policy.h"
#if CLI_WINDOW
#include "ui/theme.h"
#endif

/* ---- what a command says on stderr ---------------------------------------- */

typedef struct captured {
    int saved;
    FILE *tmp;
    char text[4096];
} captured;

static void capture_start(captured *c)
{
    fflush(stderr);
    c->tmp = tmpfile();
    assert_non_null(c->tmp);
    c->saved = dup(2);
    assert_true(c->saved >= 0);
    assert_true(dup2(fileno(c->tmp), 2) >= 0);
}

static const char *capture_end(captured *c)
{
    fflush(stderr);
    assert_true(dup2(c->saved, 2) >= 0);
    close(c->saved);
    rewind(c->tmp);
    size_t n = fread(c->text, 1, sizeof c->text - 1, c->tmp);
    c->text[n] = '\0';
    fclose(c->tmp);
    return c->text;
}

/* ---- a command with every kind of option -------------------------------- */

typedef struct args {
    bool flag;
    const char *text;
    unsigned long long number, percent;
    bool number_seen;
    const char *noun_choice, *bare_choice;
    const char *list[3];
    size_t n_list;
    const char *a, *b;
    const char *file; /* the operand */
} args;

static const char *const colours[] = {"red", "green", "blue", NULL};

static const cli_opt opts[] = {
    {.name = "--flag", .kind = CLI_FLAG, .at = CLI_AT(args, flag), .help = "a flag"},
    {.name = "--text", .kind = CLI_STRING, .meta = "ID", .at = CLI_AT(args, text), .help = "text"},
    {.name = "--number",
     .kind = CLI_NUMBER,
     .meta = "N",
     .at = CLI_AT(args, number),
     .seen_at = CLI_SEEN(args, number_seen),
     .lo = 0,
     .hi = ULLONG_MAX,
     .help = "a number"},
    {.name = "--percent",
     .kind = CLI_NUMBER,
     .meta = "75-200",
     .flags = CLI_PERCENT,
     .at = CLI_AT(args, percent),
     .lo = 75,
     .hi = 200,
     .what = "takes a size in percent from 75 to 200",
     .help = "a size"},
    {.name = "--colour",
     .kind = CLI_CHOICE,
     .at = CLI_AT(args, noun_choice),
     .choices = colours,
     .what = "colour",
     .help = "red, green or blue"},
    {.name = "--hue",
     .kind = CLI_CHOICE,
     .meta = "H",
     .at = CLI_AT(args, bare_choice),
     .choices = colours,
     .help = "red, green or blue"},
    {.name = "--list",
     .kind = CLI_CHOICE,
     .meta = "C",
     .flags = CLI_REPEAT | CLI_LIST,
     .at = CLI_AT(args, list),
     .count_at = CLI_AT(args, n_list),
     .max = 3,
     .choices = colours,
     .help = "red, green or blue, several"},
    {.name = "--a",
     .kind = CLI_STRING,
     .meta = "X",
     .flags = CLI_ONE_OF,
     .at = CLI_AT(args, a),
     .help = "one"},
    {.name = "--b",
     .kind = CLI_STRING,
     .meta = "Y",
     .flags = CLI_ONE_OF,
     .at = CLI_AT(args, b),
     .help = "or the other"},
    {.name = "--old", .kind = CLI_REFUSED, .what = "--old is no more: use --a"},
    {0},
};

static const cli_command demo = {
    .name = "demo",
    .summary = "show every kind of option",
    .operands = CLI_OPERAND("FILE", "a file (FILE)", args, file),
    .opts = opts,
};

/* Parses the words of line (split at spaces) as `appraise demo LINE`. */
static int parse(const char *line, args *a, size_t *n, captured *c)
{
    static char buf[1024];
    static char *argv[64];
    int argc = 0;
    snprintf(buf, sizeof buf, "%s", line);
    argv[argc++] = "demo";
    for (char *save = NULL, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
        argv[argc++] = strcmp(w, "''") == 0 ? "" : w;
    memset(a, 0, sizeof *a);
    capture_start(c);
    int rc = cli_parse(&demo, a, argc, argv, n);
    capture_end(c);
    if (rc == EXIT_OK) {
        assert_string_equal(argv[1], "file.txt");
        assert_string_equal(a->file, "file.txt");
    }
    return rc;
}

/* `appraise demo LINE` fails with exactly the message want. */
static void expect_usage(const char *line, const char *want)
{
    args a;
    size_t n;
    captured c;
    char full[1024];
    assert_int_equal(parse(line, &a, &n, &c), EXIT_USAGE);
    snprintf(full, sizeof full, "appraise: %s\nTry 'appraise demo --help'.\n", want);
    assert_string_equal(c.text, full);
}

static void test_every_kind_of_value_lands_where_its_table_says(void **state)
{
    (void)state;
    args a;
    size_t n;
    captured c;
    assert_int_equal(parse("--flag --text=t1 file.txt --number 18446744073709551615 --percent 150% "
                           "--colour green --hue=blue --list red,blue --list green --a x",
                           &a, &n, &c),
                     EXIT_OK);
    assert_string_equal(c.text, "");
    assert_int_equal(n, 1);
    assert_true(a.flag);
    assert_string_equal(a.text, "t1");
    assert_true(a.number == ULLONG_MAX);
    assert_true(a.number_seen);
    assert_int_equal(a.percent, 150);
    assert_string_equal(a.noun_choice, "green");
    assert_ptr_equal(a.noun_choice, colours[1]); /* the table's own string */
    assert_string_equal(a.bare_choice, "blue");
    assert_int_equal(a.n_list, 3);
    assert_string_equal(a.list[0], "red");
    assert_string_equal(a.list[1], "blue");
    assert_string_equal(a.list[2], "green");
    assert_string_equal(a.a, "x");
    assert_null(a.b);
}

static void test_options_not_given_keep_their_defaults(void **state)
{
    (void)state;
    args a;
    size_t n;
    captured c;
    assert_int_equal(parse("file.txt --b y", &a, &n, &c), EXIT_OK);
    assert_false(a.flag);
    assert_false(a.number_seen);
    assert_null(a.text);
    assert_int_equal(a.n_list, 0);
}

static void test_double_dash_ends_the_options(void **state)
{
    (void)state;
    args a;
    size_t n;
    captured c;
    char *argv[] = {"demo", "--a", "x", "--", "--flag", NULL};
    memset(&a, 0, sizeof a);
    capture_start(&c);
    assert_int_equal(cli_parse(&demo, &a, 5, argv, &n), EXIT_OK);
    capture_end(&c);
    assert_int_equal(n, 1);
    assert_string_equal(argv[1], "--flag");
    assert_false(a.flag);
}

static void test_unknown_option_names_the_command_and_where_to_look(void **state)
{
    (void)state;
    expect_usage("file.txt --a x --x", "unknown option '--x' for demo");
    expect_usage("file.txt --a x --x=1", "unknown option '--x' for demo");
    expect_usage("file.txt --a x -q", "unknown option '-q' for demo");
}

static void test_value_mistakes_are_said_in_one_format(void **state)
{
    (void)state;
    expect_usage("file.txt --a x --text", "--text needs a value");
    expect_usage("file.txt --a x --text ''", "--text needs a non-empty id");
    expect_usage("file.txt --a x --text a --text b", "--text given twice");
    expect_usage("file.txt --a x --flag --flag", "--flag given twice");
    expect_usage("file.txt --a x --flag=yes", "--flag takes no value");
    expect_usage("file.txt --a x --old", "--old is no more: use --a");
}

static void test_numbers_are_digits_within_their_range(void **state)
{
    (void)state;
    expect_usage("file.txt --a x --number -1",
                 "--number takes a whole number from 0 to 18446744073709551615, got '-1'");
    expect_usage("file.txt --a x --number +5",
                 "--number takes a whole number from 0 to 18446744073709551615, got '+5'");
    expect_usage("file.txt --a x --number 18446744073709551616",
                 "--number takes a whole number from 0 to 18446744073709551615, got "
                 "'18446744073709551616'");
    expect_usage("file.txt --a x --number 5%",
                 "--number takes a whole number from 0 to 18446744073709551615, got '5%'");
    expect_usage("file.txt --a x --percent 74",
                 "--percent takes a size in percent from 75 to 200, got '74'");
    expect_usage("file.txt --a x --percent 201%",
                 "--percent takes a size in percent from 75 to 200, got '201%'");
    expect_usage("file.txt --a x --percent 100%%",
                 "--percent takes a size in percent from 75 to 200, got '100%%'");
}

static void test_choices_are_named_when_a_value_is_not_one(void **state)
{
    (void)state;
    expect_usage("file.txt --a x --colour mauve",
                 "unknown colour 'mauve' (expected red, green or blue)");
    expect_usage("file.txt --a x --hue mauve", "--hue takes red, green or blue, got 'mauve'");
    expect_usage("file.txt --a x --list red,mauve", "--list takes red, green or blue, got 'mauve'");
    expect_usage("file.txt --a x --list red,", "--list takes red, green or blue, got ''");
    expect_usage("file.txt --a x --list red,red --list red,red",
                 "--list given too many times (at most 3)");
}

static void test_operands_and_groups_are_counted(void **state)
{
    (void)state;
    expect_usage("--a x", "demo needs a file (FILE)");
    expect_usage("file.txt other.txt --a x", "demo takes one FILE; unexpected 'other.txt'");
    expect_usage("file.txt", "demo needs exactly one of --a X and --b Y");
    expect_usage("file.txt --a x --b y", "demo needs exactly one of --a X and --b Y");
}

/* ---- a command with many operands, run through cli_exec ------------------ */

typedef struct many_args {
    unsigned long long level;
    const char *const *files;
    size_t n_files;
} many_args;

static many_args ran; /* what run_many was given */
static int n_ran;

static int run_many(const cli_command *cmd, void *a)
{
    (void)cmd;
    ran = *(const many_args *)a;
    n_ran++;
    return 7;
}

static const cli_opt many_opts[] = {
    CLI_COUNT_OPT("--level", many_args, level, "how far"),
    {0},
};

static const cli_command many = {
    .name = "many",
    .summary = "take files",
    .operands = CLI_OPERANDS("FILE...", "at least one FILE", many_args, files, n_files),
    .opts = many_opts,
    .args = CLI_ARGS_INIT(many_args, {.level = 3}),
    .run = run_many,
};

static void test_exec_runs_with_the_defaults_the_options_and_the_operands(void **state)
{
    (void)state;
    char *argv[] = {"many", "a", "--level", "5", "b", "--", "-c", NULL};
    n_ran = 0;
    assert_int_equal(cli_exec(&many, 7, argv), 7);
    assert_int_equal(n_ran, 1);
    assert_true(ran.level == 5);
    assert_int_equal(ran.n_files, 3);
    assert_string_equal(ran.files[0], "a");
    assert_string_equal(ran.files[1], "b");
    assert_string_equal(ran.files[2], "-c");

    char *bare[] = {"many", "a", NULL};
    assert_int_equal(cli_exec(&many, 2, bare), 7);
    assert_true(ran.level == 3); /* the default */
    assert_int_equal(ran.n_files, 1);

    captured c;
    char *none[] = {"many", "--level", "4", NULL};
    capture_start(&c);
    assert_int_equal(cli_exec(&many, 3, none), EXIT_USAGE);
    capture_end(&c);
    assert_int_equal(n_ran, 2); /* a usage error runs nothing */
    assert_string_equal(c.text, "appraise: many needs at least one FILE\n"
                                "Try 'appraise many --help'.\n");
}

static void test_help_is_wanted_before_a_double_dash_only(void **state)
{
    (void)state;
    char *with[] = {"demo", "x", "-h", NULL};
    char *after[] = {"demo", "--", "--help", NULL};
    assert_true(cli_wants_help(3, with));
    assert_false(cli_wants_help(3, after));
}

/* The text of cli_help(cmd), malloc'd. */
static char *help_of(const cli_command *cmd)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    if (cmd == &cli_library) /* `appraise --help` is the library's */
        cli_program_help(f);
    else
        cli_help(f, cmd);
    fclose(f);
    return text;
}

static size_t columns(const char *line, size_t bytes)
{
    size_t n = 0;
    for (size_t k = 0; k < bytes; k++)
        n += ((unsigned char)line[k] & 0xC0) != 0x80; /* code points, not bytes */
    return n;
}

static void test_usage_lists_options_in_one_format(void **state)
{
    (void)state;
    char *h = help_of(&demo);
    assert_non_null(strstr(h, "Usage: appraise demo FILE [--flag] [--text ID] [--number N]"));
    assert_non_null(strstr(h, "[--colour red|green|blue]"));
    assert_non_null(strstr(h, "[--list C]..."));
    assert_non_null(strstr(h, "(--a X | --b Y)"));
    assert_null(strstr(h, "--old"));
    assert_non_null(strstr(h, "\nShow every kind of option.\n"));
    assert_non_null(strstr(h, "\n  --text ID             text\n"));
    free(h);
}

/* Every command's help: no line over 79 columns or ending in a space, every
 * option in it, every choice named in its option's help. */
static void test_every_command_has_help_in_one_format(void **state)
{
    (void)state;
    const cli_command *all[16];
    size_t n = 0;
    all[n++] = &cli_library;
    for (size_t i = 0; i < cli_n_commands; i++)
        all[n++] = cli_commands[i];
    for (size_t i = 0; i < n; i++) {
        char *h = help_of(all[i]);
        for (const char *line = h; *line;) {
            size_t len = strcspn(line, "\n");
            if (columns(line, len) > 79)
                fail_msg("appraise %s --help: a line over 79 columns: %.*s", all[i]->name, (int)len,
                         line);
            if (len > 0 && line[len - 1] == ' ')
                fail_msg("appraise %s --help: a line ends in a space: %.*s", all[i]->name, (int)len,
                         line);
            line += len + (line[len] == '\n');
        }
        size_t n_opts = 0;
        for (const cli_opt *o = all[i]->opts; o->name; o++)
            n_opts++;
        assert_true(n_opts <= CLI_MAX_OPTS);
        for (const cli_opt *o = all[i]->opts; o->name; o++) {
            char want[64];
            snprintf(want, sizeof want, "\n  %s", o->name);
            if (o->kind != CLI_REFUSED && !strstr(h, want))
                fail_msg("appraise %s --help does not show %s", all[i]->name, o->name);
            for (size_t k = 0; o->choices && o->choices[k]; k++)
                if (!strstr(o->help, o->choices[k]))
                    fail_msg("%s's help does not name '%s'", o->name, o->choices[k]);
        }
        free(h);
    }
}

static const cli_opt *find(const cli_command *cmd, const char *name)
{
    for (const cli_opt *o = cmd->opts; o->name; o++)
        if (strcmp(o->name, name) == 0)
            return o;
    fail_msg("%s has no %s", cmd->name, name);
    return NULL;
}

/* The choices the command line offers are the ones the engine takes. */
static void test_choices_are_the_engines_own(void **state)
{
    (void)state;
    const cli_opt *pol = find(&cli_run, "--policy");
    size_t k = 0;
    for (; pol->choices[k]; k++) {
        policy_kind p;
        assert_int_equal(policy_parse(pol->choices[k], &p), 0);
    }
    assert_int_equal(k, 5);
    const cli_opt *by = find(&cli_debrief, "--by");
    for (k = 0; by->choices[k]; k++) {
        metrics_key key;
        assert_int_equal(metrics_key_parse(by->choices[k], &key), 0);
    }
    assert_int_equal(k, METRICS_KEYS);
#if CLI_WINDOW
    const cli_opt *theme = find(&cli_play, "--theme");
    for (k = 0; theme->choices[k]; k++)
        assert_non_null(ui_theme_find(theme->choices[k]));
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_kind_of_value_lands_where_its_table_says),
        cmocka_unit_test(test_options_not_given_keep_their_defaults),
        cmocka_unit_test(test_double_dash_ends_the_options),
        cmocka_unit_test(test_unknown_option_names_the_command_and_where_to_look),
        cmocka_unit_test(test_value_mistakes_are_said_in_one_format),
        cmocka_unit_test(test_numbers_are_digits_within_their_range),
        cmocka_unit_test(test_choices_are_named_when_a_value_is_not_one),
        cmocka_unit_test(test_operands_and_groups_are_counted),
        cmocka_unit_test(test_exec_runs_with_the_defaults_the_options_and_the_operands),
        cmocka_unit_test(test_help_is_wanted_before_a_double_dash_only),
        cmocka_unit_test(test_usage_lists_options_in_one_format),
        cmocka_unit_test(test_every_command_has_help_in_one_format),
        cmocka_unit_test(test_choices_are_the_engines_own),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
