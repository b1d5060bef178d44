/* case_load: runs a case file in the sandbox and validates it into a case_def.
 * Every mistake of scenario-format.md "Errors authors must get" comes back as
 * an apperr (kind APPERR_INPUT) with FILE:LINE where Lua knows the line, else
 * FILE and the key path. */
#ifndef CASE_LOAD_H
#define CASE_LOAD_H

#include <stddef.h>

#include "apperr.h"
#include "case_model.h"

typedef struct case_load_opts {
    size_t mem_limit;         /* bytes the case's Lua state may use; 0: 64 MiB */
    unsigned long instr_limit; /* VM instructions per call into Lua; 0: default (about 1 s) */
    unsigned long long seed;  /* seeds math.random while the file runs */
} case_load_opts;

/* Loads and validates the case at path. On success *out owns the case (free
 * with case_free) and 0 is returned; else e is filled and -1 returned. The
 * case plays through its driver (case_def.driver, case_driver.h) and may
 * serve several sessions at once; close them all before case_free. */
int case_load(case_def **out, const char *path, const case_load_opts *opts, apperr *e);

void case_free(case_def *c);

/* The line where c's file writes the key at path ("title", "tags[2]",
 * "patient.complaint", "ai.limitations[1]"), else its nearest written
 * ancestor, else the line that calls case { … }; 0 when c was not loaded
 * by case_load or none is known (keys of tables that code builds). */
int case_key_line(const case_def *c, const char *path);

#endif
