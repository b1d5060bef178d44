/* fuzz_case: a case file as a hostile or careless author writes it. The
 * input is written as case.lua in a scratch folder (with the bundled
 * scenarios/lib beside it, so include() of the library works), loaded, and
 * when it loads, played once by the random policy with a seed taken from
 * the input. The memory cap and the instruction budget are small so that
 * each run is quick; what they stop is a finding the loader reports, not a
 * bug. */
#include <stdio.h>
#include <stdlib.h>

#include "case_load.h"
#include "fuzz_support.h"
#include "policy.h"
#include "runner.h"
#include "session.h"

enum {
    FUZZ_MEM = 8 * 1024 * 1024, /* bytes of Lua memory */
    FUZZ_INSTR = 1000000,       /* VM instructions a call into Lua */
    FUZZ_ACTIONS = 64           /* actions of the random player */
};

static char case_path[4200];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *dir = fuzz_scratch();
    char lib[4200];
    snprintf(lib, sizeof lib, "%s/lib", dir);
    fuzz_copy_dir(FUZZ_SCENARIOS_DIR "/lib", lib);
    snprintf(case_path, sizeof case_path, "%s/case.lua", dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_file(case_path, data, size);
    uint64_t seed = fuzz_hash(data, size);
    case_load_opts lo = {.mem_limit = FUZZ_MEM, .instr_limit = FUZZ_INSTR, .seed = seed};
    case_def *c = NULL;
    apperr e;
    apperr_clear(&e);
    if (case_load(&c, case_path, &lo, &e) != 0) {
        if (getenv("FUZZ_VERBOSE"))
            fprintf(stderr, "fuzz_case: not loaded: %s\n", e.msg);
        return 0;
    }
    session_opts so = {.trainee = "fuzz", .seed = seed, .mode = "run"};
    session *s = NULL;
    int64_t t = 0;
    if (session_open(&s, c, &so, t, &e) == SESSION_OK) {
        policy p;
        policy_init(&p, POLICY_RANDOM, seed);
        int rc = runner_run_policy(s, &p, &t, FUZZ_ACTIONS, &e);
        if (getenv("FUZZ_VERBOSE"))
            fprintf(stderr, "fuzz_case: played: %s\n", rc == 0 ? "complete" : e.msg);
    }
    session_close(s);
    case_free(c);
    return 0;
}
