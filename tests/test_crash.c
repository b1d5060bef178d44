/* A `run` killed with SIGKILL in the middle of a session leaves a log whose
 * every finished record is whole and parseable (decision-log.md "Rules"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cJSON.h>

#include "support.h"

/* The one .jsonl file in dir, malloc'd path, or NULL. */
static char *find_log(const char *dir)
{
    DIR *d = opendir(dir);
    char *found = NULL;
    struct dirent *ent;
    while (d && (ent = readdir(d)) != NULL) {
        size_t n = strlen(ent->d_name);
        if (n > 6 && strcmp(ent->d_name + n - 6, ".jsonl") == 0) {
            found = malloc(strlen(dir) + n + 2);
            sprintf(found, "%s/%s", dir, ent->d_name);
            break;
        }
    }
    if (d)
        closedir(d);
    return found;
}

static int count_lines(const char *path)
{
    size_t len = 0;
    char *text = test_read_file(path, &len);
    int n = 0;
    for (size_t i = 0; text && i < len; i++)
        n += text[i] == '\n';
    free(text);
    return n;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Waits until the log in dir holds at least min_lines lines, while the
 * child still runs; the log's path, or NULL when the child ended first or
 * nothing came within a minute (however loaded the machine). */
static char *wait_for_lines(const char *dir, pid_t pid, int min_lines)
{
    char *log = NULL;
    for (double end = now_s() + 60; now_s() < end; sleep_ms(5)) {
        if (waitpid(pid, NULL, WNOHANG) != 0)
            break; /* the case cannot end under this policy: a failure */
        if (!log)
            log = find_log(dir);
        if (log && count_lines(log) >= min_lines)
            return log;
    }
    free(log);
    return NULL;
}

static void test_sigkill_mid_session_leaves_every_record_whole(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    assert_non_null(dir);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        execl(APPRAISE_BIN, APPRAISE_BIN, "run", TEST_CASES_DIR "/crash_slow.lua", "--policy",
              "first", "--log-dir", dir, (char *)NULL);
        _exit(127);
    }
    /* The first option loops through slow nodes for ever: the session is
     * still playing whenever the kill comes. Wait until the records of the
     * first decision and of node slow1 are out (7 lines), then kill while
     * later nodes are being entered. */
    char *log = wait_for_lines(dir, pid, 7);
    if (!log)
        kill(pid, SIGKILL);
    assert_non_null(log);
    assert_int_equal(kill(pid, SIGKILL), 0);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGKILL);

    size_t len = 0;
    char *text = test_read_file(log, &len);
    assert_non_null(text);
    int seq = 0;
    bool ended = false;
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        if (!nl)
            break; /* a torn last line: allowed, readers skip it */
        *nl = '\0';
        cJSON *rec = cJSON_Parse(line);
        assert_non_null(rec);
        assert_int_equal(cJSON_GetObjectItem(rec, "v")->valueint, 1);
        assert_int_equal(cJSON_GetObjectItem(rec, "seq")->valueint, seq);
        const char *type = cJSON_GetObjectItem(rec, "type")->valuestring;
        if (seq == 0)
            assert_string_equal(type, "session_start");
        ended = ended || strcmp(type, "session_end") == 0;
        seq++;
        cJSON_Delete(rec);
        line = nl + 1;
    }
    assert_true(seq >= 7);
    assert_false(ended); /* killed before the end: readers will call it incomplete */
    free(text);
    free(log);
    test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sigkill_mid_session_leaves_every_record_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
