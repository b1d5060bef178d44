/* Helpers shared by the unit tests. */
#ifndef TEST_SUPPORT_H
#define TEST_SUPPORT_H

#include <stddef.h>

/* A fresh empty folder under $TMPDIR (or /tmp); malloc'd path. */
char *test_tmpdir(void);
/* Removes a folder and everything below it. */
void test_rmtree(const char *path);
/* Whole file into a malloc'd NUL-terminated buffer (length in *len if not NULL). */
char *test_read_file(const char *path, size_t *len);
/* Writes text to path; 0 on success. */
int test_write_file(const char *path, const char *text);

/* support_log.c, for tests that link the core: the session of the log at
 * path, every record kept, failing the test (cmocka) when it cannot be
 * read. The caller frees it (log_session_free). */
struct log_session;
struct log_session *test_read_log(const char *path);

/* support_load.c, for tests that link the Lua host (appraise_script). */

/* Asserts (cmocka) that loading the case at path fails as an author's
 * mistake (APPERR_INPUT) whose formatted message contains want and never
 * says ESCAPED (the sandbox fixtures' marker of a way out); unless line is
 * -1, at that line of path itself (0: no line). */
void expect_load_error(const char *path, int line, const char *want);

/* Loads tests/cases/NAME with seed 5, failing the test (cmocka) with the
 * loader's message when it does not load. The caller frees it (case_free). */
struct case_def;
struct case_def *load_test_case(const char *name);

#endif
