/* cli_help: what `appraise --help` and `appraise --version` print, the list
 * of commands, and what a window command says in a build without one. */
#include <string.h>

#include "case_model.h"
#include "cli.h"
#include "data_dir.h"

const cli_command *const cli_commands[] = {&cli_play,  &cli_run,     &cli_check,
                                           &cli_graph, &cli_debrief, &cli_replay};
const size_t cli_n_commands = sizeof cli_commands / sizeof cli_commands[0];

const cli_command *cli_find(const char *name)
{
    for (size_t i = 0; i < cli_n_commands; i++)
        if (strcmp(cli_commands[i]->name, name) == 0)
            return cli_commands[i];
    return NULL;
}

void cli_program_help(FILE *f)
{
    cli_usage(f, &cli_library, true);
    fputs("       appraise COMMAND [OPTIONS]\n"
          "       appraise --help | --version | COMMAND --help\n\n"
          "Practise AI-assisted clinical decisions with branching cases.\n\n"
          "Commands:\n",
          f);
    for (size_t i = 0; i < cli_n_commands; i++) {
        const cli_command *c = cli_commands[i];
        fprintf(f, "  %-8s %s\n", c->name, c->summary);
    }
    if (!CLI_WINDOW)
        fputs("\nThis build has no window (-DAPPRAISE_WINDOW=OFF): play, replay without\n"
              "--verify and the case library say so and exit 3.\n",
              f);
    cli_wrap(f, cli_library.about, 0, fprintf(f, "\nWith no command, ") - 1);
    cli_options(f, &cli_library);
    fputs("\nExit codes: 0 success, 1 case/log/input wrong, 2 usage, 3 environment.\n", f);
}

void cli_version(FILE *f)
{
    char dir[4096];
    fprintf(f, "appraise %s\ncase formats: ", APPRAISE_VERSION);
    for (int k = 1; k <= CASE_FORMAT_MAX; k++)
        fprintf(f, k > 1 ? ", %d" : "%d", k);
    fprintf(f, "\ncase library: %s\n", data_dir(DATA_SCENARIOS, dir, sizeof dir));
    fprintf(f, "assets: %s\n", data_dir(DATA_ASSETS, dir, sizeof dir));
    fprintf(f, "window: %s\n", CLI_WINDOW ? "yes" : "no (built with -DAPPRAISE_WINDOW=OFF)");
}

int cli_no_window(const char *cmd, const char *instead)
{
    fprintf(stderr,
            "appraise: %s needs a window, and this build has none (it was built with "
            "-DAPPRAISE_WINDOW=OFF)\n",
            cmd[0] ? cmd : "the case library");
    if (instead)
        fprintf(stderr, "appraise: %s\n", instead);
    return EXIT_ENV;
}
