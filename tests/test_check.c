/* test_check: `appraise check --json`, run as a program and its output
 * parsed: the shape its --help documents, and the exit codes. */
#define _DEFAULT_SOURCE /* wait4: the peak memory of one child */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include <cJSON.h>

#define CHECK_DIR TEST_DATA_DIR "/check"

typedef struct ran {
    int status;
    cJSON *doc;
} ran;

/* All of p, NUL-terminated, malloc'd. */
static char *read_all(FILE *p)
{
    size_t cap = 65536, n = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    size_t got;
    while ((got = fread(out + n, 1, cap - n - 1, p)) > 0) {
        n += got;
        if (n + 1 == cap) {
            out = realloc(out, cap *= 2);
            assert_non_null(out);
        }
    }
    out[n] = '\0';
    return out;
}

static ran parsed(int st, char *out, const char *args)
{
    ran r = {WIFEXITED(st) ? WEXITSTATUS(st) : -1, cJSON_Parse(out)};
    if (!r.doc)
        fail_msg("check %s: not JSON: %s", args, out);
    free(out);
    return r;
}

/* Runs appraise check with args in tests/check and parses its stdout. */
static ran run_check(const char *args)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' check %s 2>/dev/null", CHECK_DIR, APPRAISE_BIN,
             args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char *out = read_all(p);
    return parsed(pclose(p), out, args);
}

/* Runs appraise check --json on one case as a child of its own, and gives
 * the child's peak resident memory in KiB. */
static ran run_check_measured(const char *path, long *maxrss_kib)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fd[1], STDOUT_FILENO);
        close(fd[0]);
        close(fd[1]);
        execl(APPRAISE_BIN, APPRAISE_BIN, "check", "--json", path, (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    FILE *p = fdopen(fd[0], "r");
    assert_non_null(p);
    char *out = read_all(p);
    fclose(p);
    int st;
    struct rusage ru;
    assert_int_equal(wait4(pid, &st, 0, &ru), pid);
    *maxrss_kib = ru.ru_maxrss;
    return parsed(st, out, path);
}

static const cJSON *get(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v)
        fail_msg("no key \"%s\" in %s", key, cJSON_PrintUnformatted(o));
    return v;
}

static double num(const cJSON *o, const char *key)
{
    const cJSON *v = get(o, key);
    /* json_util writes numbers as raw text: read either form. */
    if (cJSON_IsRaw(v))
        return strtod(v->valuestring, NULL);
    assert_true(cJSON_IsNumber(v));
    return v->valuedouble;
}

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *v = get(o, key);
    assert_true(cJSON_IsString(v));
    return v->valuestring;
}

static void assert_finding_shape(const cJSON *f)
{
    const char *sev = str(f, "severity");
    assert_true(strcmp(sev, "error") == 0 || strcmp(sev, "warning") == 0);
    str(f, "kind");
    str(f, "file");
    const cJSON *line = get(f, "line");
    assert_true(cJSON_IsNull(line) || cJSON_IsNumber(line) || cJSON_IsRaw(line));
    str(f, "message");
    const cJSON *node = get(f, "node");
    assert_true(cJSON_IsNull(node) || cJSON_IsString(node));
    const cJSON *path = get(f, "path");
    if (cJSON_IsNull(path))
        return;
    assert_true(cJSON_IsObject(path));
    const cJSON *variant = get(path, "variant");
    assert_true(cJSON_IsNull(variant) || cJSON_IsString(variant));
    str(path, "text");
    const cJSON *step;
    cJSON_ArrayForEach(step, get(path, "steps"))
    {
        str(step, "node");
        const cJSON *choice = get(step, "choice");
        assert_true(cJSON_IsNull(choice) || cJSON_IsString(choice));
        assert_true(cJSON_IsBool(get(step, "timeout")));
    }
}

static void assert_variant_shape(const cJSON *v)
{
    const cJSON *name = get(v, "variant");
    assert_true(cJSON_IsNull(name) || cJSON_IsString(name));
    const char *keys[] = {"paths",
                          "states",
                          "nodes",
                          "nodes_visited",
                          "paths_failed",
                          "paths_looping",
                          "paths_cut",
                          "advised",
                          "ai_right",
                          "advised_paths",
                          "advised_decisions",
                          "ai_right_decisions",
                          "ai_mixed_decisions"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        assert_true(num(v, keys[i]) >= 0);
    const char *outcomes[] = {"good", "neutral", "harm"};
    for (size_t i = 0; i < 3; i++) {
        const cJSON *e = get(get(v, "endings"), outcomes[i]);
        assert_true(num(e, "reached") >= 0 && num(e, "paths") >= 0);
    }
    assert_true(cJSON_IsBool(get(v, "bound_hit")));
}

static void test_json_has_the_documented_shape(void **state)
{
    (void)state;
    ran r = run_check("--json clean.lua next_nil.lua variant_ending.lua load_error.lua");
    assert_int_equal(r.status, 1);
    assert_true(cJSON_IsFalse(get(r.doc, "ok")));
    assert_true(num(r.doc, "errors") == 3);
    assert_true(num(r.doc, "warnings") == 1);
    const cJSON *files = get(r.doc, "files");
    assert_int_equal(cJSON_GetArraySize(files), 4);
    const cJSON *file;
    cJSON_ArrayForEach(file, files)
    {
        str(file, "file");
        assert_true(cJSON_IsBool(get(file, "ok")));
        num(file, "errors");
        num(file, "warnings");
        const cJSON *f, *v;
        cJSON_ArrayForEach(f, get(file, "findings")) assert_finding_shape(f);
        cJSON_ArrayForEach(v, get(file, "variants")) assert_variant_shape(v);
    }
    cJSON_Delete(r.doc);
}

static void test_json_findings_carry_line_and_path(void **state)
{
    (void)state;
    ran r = run_check("--json next_nil.lua");
    const cJSON *file = cJSON_GetArrayItem(get(r.doc, "files"), 0);
    assert_string_equal(str(file, "case"), "check-next-nil");
    const cJSON *f = cJSON_GetArrayItem(get(file, "findings"), 1);
    assert_string_equal(str(f, "kind"), "case_failed");
    assert_string_equal(str(f, "file"), "next_nil.lua");
    assert_true(num(f, "line") == 15);
    assert_string_equal(str(f, "node"), "pick");
    const cJSON *path = get(f, "path");
    assert_string_equal(str(path, "text"), "pick=(timeout)");
    const cJSON *step = cJSON_GetArrayItem(get(path, "steps"), 0);
    assert_string_equal(str(step, "node"), "pick");
    assert_true(cJSON_IsNull(get(step, "choice")));
    assert_true(cJSON_IsTrue(get(step, "timeout")));
    const cJSON *v = cJSON_GetArrayItem(get(file, "variants"), 0);
    assert_true(cJSON_IsNull(get(v, "variant")));
    assert_true(num(v, "paths") == 3 && num(v, "paths_failed") == 2);
    assert_true(num(get(get(v, "endings"), "good"), "paths") == 1);
    cJSON_Delete(r.doc);
}

static void test_json_load_error_is_a_finding(void **state)
{
    (void)state;
    ran r = run_check("--json load_error.lua");
    assert_int_equal(r.status, 1);
    const cJSON *file = cJSON_GetArrayItem(get(r.doc, "files"), 0);
    assert_true(cJSON_IsNull(get(file, "case")));
    assert_int_equal(cJSON_GetArraySize(get(file, "variants")), 0);
    const cJSON *f = cJSON_GetArrayItem(get(file, "findings"), 0);
    assert_string_equal(str(f, "kind"), "load");
    assert_true(num(f, "line") == 5);
    assert_true(cJSON_IsNull(get(f, "path")));
    cJSON_Delete(r.doc);
}

static void test_json_strict_fails_on_warnings_only_with_strict(void **state)
{
    (void)state;
    ran r = run_check("--json no_debrief.lua");
    assert_int_equal(r.status, 0);
    assert_true(cJSON_IsTrue(get(r.doc, "ok")));
    const cJSON *f =
        cJSON_GetArrayItem(get(cJSON_GetArrayItem(get(r.doc, "files"), 0), "findings"), 0);
    assert_string_equal(str(f, "severity"), "warning");
    assert_string_equal(str(f, "kind"), "no_debrief");
    assert_string_equal(str(get(f, "path"), "text"), "(the start)");
    cJSON_Delete(r.doc);
    r = run_check("--json --strict no_debrief.lua");
    assert_int_equal(r.status, 1);
    assert_true(cJSON_IsFalse(get(r.doc, "ok")));
    cJSON_Delete(r.doc);
}

/* Advice with no feedback text of the case's for some options: a warning
 * per decision naming those options and what to write; an error under
 * --strict. A decision with a default covers every option. */
static void test_advice_without_feedback_text_for_some_options_is_a_warning(void **state)
{
    (void)state;
    ran r = run_check("--json no_feedback.lua");
    assert_int_equal(r.status, 0);
    const cJSON *findings = get(cJSON_GetArrayItem(get(r.doc, "files"), 0), "findings");
    assert_int_equal(cJSON_GetArraySize(findings), 2);
    const cJSON *f = cJSON_GetArrayItem(findings, 0);
    assert_string_equal(str(f, "severity"), "warning");
    assert_string_equal(str(f, "kind"), "no_feedback");
    assert_string_equal(str(f, "node"), "one");
    assert_non_null(strstr(str(f, "message"), "no feedback text for option 'no':"));
    assert_non_null(strstr(str(f, "message"), "feedback = { [\"no\"] = \"…\" }"));
    f = cJSON_GetArrayItem(findings, 1);
    assert_string_equal(str(f, "node"), "two");
    assert_non_null(strstr(str(f, "message"), "options 'call', 'wait', 'leave':"));
    cJSON_Delete(r.doc);
    r = run_check("--json --strict no_feedback.lua");
    assert_int_equal(r.status, 1);
    cJSON_Delete(r.doc);
}

static void test_json_of_a_clean_case_is_ok(void **state)
{
    (void)state;
    ran r = run_check("--json --strict clean.lua");
    assert_int_equal(r.status, 0);
    assert_true(cJSON_IsTrue(get(r.doc, "ok")));
    const cJSON *file = cJSON_GetArrayItem(get(r.doc, "files"), 0);
    assert_int_equal(cJSON_GetArraySize(get(file, "findings")), 0);
    const cJSON *v = cJSON_GetArrayItem(get(file, "variants"), 0);
    assert_true(num(v, "advised") == 7 && num(v, "ai_right") == 3);
    /* Two advised decisions, each counted once: right at one of them. */
    assert_true(num(v, "advised_decisions") == 2 && num(v, "ai_right_decisions") == 1);
    assert_true(num(v, "ai_mixed_decisions") == 0 && num(v, "advised_paths") == 4);
    cJSON_Delete(r.doc);
}

static void test_json_names_the_teaching_findings(void **state)
{
    (void)state;
    static const char *const cases[][2] = {{"teach_best_harm.lua", "best_only_harm"},
                                           {"teach_other_good.lua", "other_only_good"},
                                           {"teach_ai_always_wrong.lua", "ai_always_wrong"},
                                           {"teach_same_advice.lua", "same_advice"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char args[256];
        snprintf(args, sizeof args, "--json %s", cases[i][0]);
        ran r = run_check(args);
        assert_int_equal(r.status, 0);
        const cJSON *file = cJSON_GetArrayItem(get(r.doc, "files"), 0);
        const cJSON *f = cJSON_GetArrayItem(get(file, "findings"), 0);
        assert_string_equal(str(f, "kind"), cases[i][1]);
        assert_string_equal(str(f, "severity"), "warning");
        assert_true(cJSON_IsObject(get(f, "path")));
        cJSON_Delete(r.doc);
    }
}

/* A state holding one 8 MiB string 60 times is compared by a digest that
 * hashes the string once: the walk once copied it for every reference into
 * a 480 MB key, peaking past 1 GB (and 6 s) for this case of 3 states. Now
 * about 50 MB (100 MB under ASan). */
static void test_big_string_held_many_times_is_not_copied_per_reference(void **state)
{
    (void)state;
    long kib = 0;
    ran r = run_check_measured(TEST_CASES_DIR "/walk_big_strings.lua", &kib);
    assert_int_equal(r.status, 0);
    const cJSON *v =
        cJSON_GetArrayItem(get(cJSON_GetArrayItem(get(r.doc, "files"), 0), "variants"), 0);
    assert_true(num(v, "states") == 3);
    assert_true(num(v, "paths") == 4);
    cJSON_Delete(r.doc);
    if (kib >= 256 * 1024)
        fail_msg("check peaked at %ld MiB of memory (bound 256 MiB)", kib / 1024);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_has_the_documented_shape),
        cmocka_unit_test(test_json_findings_carry_line_and_path),
        cmocka_unit_test(test_json_load_error_is_a_finding),
        cmocka_unit_test(test_json_strict_fails_on_warnings_only_with_strict),
        cmocka_unit_test(test_advice_without_feedback_text_for_some_options_is_a_warning),
        cmocka_unit_test(test_json_of_a_clean_case_is_ok),
        cmocka_unit_test(test_json_names_the_teaching_findings),
        cmocka_unit_test(test_big_string_held_many_times_is_not_copied_per_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
