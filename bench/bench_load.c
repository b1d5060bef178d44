/* bench_load: loads and validates one case file and exits, so that the
 * process's wall time and peak RSS are those of loading it. */
#include <stdio.h>

#include "case_load.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_load CASE.lua\n");
        return 2;
    }
    case_def *c = NULL;
    apperr e;
    apperr_clear(&e);
    if (case_load(&c, argv[1], NULL, &e) != 0) {
        char buf[1400];
        fprintf(stderr, "bench_load: %s\n", apperr_format(&e, buf, sizeof buf));
        return 1;
    }
    printf("%zu nodes\n", c->n_nodes);
    case_free(c);
    return 0;
}
