/* The window's commands: not built yet. */
#include <stdio.h>

#include "commands.h"

static int not_yet(const char *what)
{
    fprintf(stderr, "appraise: %s is not available yet in this build; use 'appraise run CASE.lua "
                    "--policy best'.\n",
            what);
    return EXIT_USAGE;
}

int cmd_play(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return not_yet("'play'");
}

int cmd_replay(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return not_yet("'replay'");
}

int cmd_library(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return not_yet("the case library window");
}
