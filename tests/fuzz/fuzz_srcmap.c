/* fuzz_srcmap: the source map (engine/script/srcmap.c), which scans a case
 * file's text before Lua runs it, so no sandbox stands in front of it: any
 * text, then the lookups the loader makes. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_support.h"
#include "srcmap.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

/* Paths as the loader asks for them (case_tables.c), from the top down. */
static const char *const PATHS[] = {
    "id",
    "nodes",
    "nodes.a",
    "nodes.a.text",
    "nodes.a.decision",
    "nodes.a.decision.options",
    "nodes.a.decision.options[1]",
    "nodes.a.decision.options[2].next",
    "nodes.a.decision.advice.recommend",
    "nodes.arrival.decision.options[3].label",
    "vitals.hr",
    "variants[1].name",
    "objectives[2]",
    "",
    "[1]",
    "nodes..x",
    "nodes.a.decision.options[99999999999999999999]",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Exactly the input's bytes, no NUL after them: the map takes a length. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    if (size)
        memcpy(text, data, size);
    srcmap *m = srcmap_build(text, size);
    if (m) {
        for (size_t i = 0; i < sizeof PATHS / sizeof PATHS[0]; i++) {
            int line = srcmap_line(m, PATHS[i]);
            int exact = srcmap_line_exact(m, PATHS[i]);
            /* A line is within the text, and a path's own line is its line. */
            if (line < 0 || exact < 0 || (size_t)line > size + 1 || (exact && exact != line))
                abort();
        }
    }
    srcmap_free(m);
    free(text);
    return 0;
}
