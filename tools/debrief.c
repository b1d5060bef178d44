/* appraise debrief: not built yet. */
#include <stdio.h>

#include "commands.h"

int cmd_debrief(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "appraise: 'debrief' is not available yet in this build.\n");
    return EXIT_USAGE;
}
