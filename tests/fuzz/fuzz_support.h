/* fuzz_support: what the fuzz harnesses (tests/fuzz/fuzz_*.c) share: a
 * scratch folder of their own, inputs written to files, and the temporary
 * list of known bugs whose fixes are not merged yet. */
#ifndef FUZZ_SUPPORT_H
#define FUZZ_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Each harness defines both (libFuzzer calls them; so does replay_main.c). */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A fresh folder under $TMPDIR (or /tmp), made on the first call and removed
 * with everything in it when the process exits normally. Never NULL (the
 * harness cannot run without it: it aborts, which the fuzzer reports). */
const char *fuzz_scratch(void);

/* Writes size bytes to path, replacing it; aborts when it cannot. */
void fuzz_write_file(const char *path, const void *data, size_t size);

/* Copies the files of folder from (not its subfolders) into folder to,
 * which is made when missing; aborts when it cannot. */
void fuzz_copy_dir(const char *from, const char *to);

/* A malloc'd NUL-terminated copy of data (a NUL inside ends the text early,
 * as it would for a C reader). Aborts when out of memory. */
char *fuzz_text(const uint8_t *data, size_t size);

/* 64-bit FNV-1a of the input: a seed that follows the input. */
uint64_t fuzz_hash(const uint8_t *data, size_t size);

#endif
