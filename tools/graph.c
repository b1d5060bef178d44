/* appraise graph: not built yet. */
#include <stdio.h>

#include "commands.h"

int cmd_graph(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "appraise: 'graph' is not available yet in this build.\n");
    return EXIT_USAGE;
}
