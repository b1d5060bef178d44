/* fuzz_inputs: the inputs file of `appraise run` (engine/core/inputs.c),
 * then, when it parses, the actions played on a fixed case through the
 * runner, so that actions which parse but do not fit the case (a choice at
 * a rating, a wait during a decision, text after the end) are fuzzed too. */
#include <stdio.h>
#include <stdlib.h>

#include "case_load.h"
#include "fuzz_support.h"
#include "inputs.h"
#include "runner.h"
#include "session.h"

/* A case with every kind of step, panel and rating, and a time limit. */
static case_def *the_case;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    apperr e;
    apperr_clear(&e);
    case_load_opts o = {.seed = 1};
    if (case_load(&the_case, FUZZ_CASES_DIR "/window_case.lua", &o, &e) != 0) {
        fprintf(stderr, "fuzz_inputs: cannot load the case: %s\n", e.msg);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    inputs in = {0};
    apperr e;
    apperr_clear(&e);
    if (inputs_parse(&in, "fuzz.inputs", text, &e) == 0) {
        session_opts o = {.trainee = "fuzz", .seed = 11, .mode = "run"};
        session *s = NULL;
        int64_t t = 0;
        if (session_open(&s, the_case, &o, t, &e) == SESSION_OK)
            runner_run_inputs(s, &in, &t, &e);
        session_close(s);
    }
    inputs_free(&in);
    free(text);
    return 0;
}
