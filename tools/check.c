/* appraise check: not built yet. */
#include <stdio.h>

#include "commands.h"

int cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "appraise: 'check' is not available yet in this build.\n");
    return EXIT_USAGE;
}
