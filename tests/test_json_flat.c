/* json_flat: reads what it reads exactly as cJSON does, and never accepts
 * what cJSON rejects. Checked on every line of the log fixtures, on every
 * prefix of them (torn lines), on single-byte changes at every position,
 * and on hand-picked edge cases. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json_flat.h"
#include "support.h"

/* ---- memory for the trees: freed all at once after each text ----------- */

#define MAX_BLOCKS 4096
static void *blocks[MAX_BLOCKS];
static size_t n_blocks;

static void *test_alloc(void *ctx, size_t size)
{
    (void)ctx;
    if (n_blocks == MAX_BLOCKS)
        return NULL;
    return blocks[n_blocks++] = malloc(size);
}

static void free_blocks(void)
{
    while (n_blocks)
        free(blocks[--n_blocks]);
}

/* ---- the comparison ------------------------------------------------------ */

static bool same_tree(const cJSON *a, const cJSON *b)
{
    if (a->type != b->type)
        return false;
    if ((a->string || b->string) && (!a->string || !b->string || strcmp(a->string, b->string)))
        return false;
    if (cJSON_IsString(a) && strcmp(a->valuestring, b->valuestring) != 0)
        return false;
    if (cJSON_IsNumber(a) &&
        (memcmp(&a->valuedouble, &b->valuedouble, sizeof(double)) || a->valueint != b->valueint))
        return false;
    const cJSON *x = a->child, *y = b->child;
    if (x && y && (x->prev == NULL) != (y->prev == NULL))
        return false;
    for (; x && y; x = x->next, y = y->next)
        if (!same_tree(x, y))
            return false;
    return !x && !y;
}

static bool only_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return false;
    return true;
}

/* cJSON's answer, as the log reader asks it: the first value, then only
 * whitespace. */
static cJSON *cjson(const char *s, size_t n)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(s, n, &end, false);
    if (root && !only_space(end, n - (size_t)(end - s))) {
        cJSON_Delete(root);
        root = NULL;
    }
    return root;
}

static long accepted, fell_back;

/* The property itself; returns whether json_flat accepted s. */
static bool check(const char *s, size_t n)
{
    cJSON *flat = json_flat_parse(s, n, test_alloc, NULL);
    cJSON *ref = cjson(s, n);
    if (flat && (!ref || !same_tree(flat, ref)))
        fail_msg("json_flat and cJSON differ on: %.*s", (int)n, s);
    accepted += flat != NULL;
    fell_back += flat == NULL;
    cJSON_Delete(ref);
    free_blocks();
    return flat != NULL;
}

static void check_str(const char *s, bool want_flat)
{
    if (check(s, strlen(s)) != want_flat)
        fail_msg("json_flat %s: %s", want_flat ? "refused" : "accepted", s);
}

/* ---- the fixtures, whole, cut and changed --------------------------------- */

static const char changes[] = "\"\\,:{}[]x0-.e \t\n\x01\x7f";

static void check_line(const char *s, size_t n)
{
    char buf[8192];
    if (n > sizeof buf)
        return;
    check(s, n);
    for (size_t cut = 0; cut < n; cut++)
        check(s, cut);
    for (size_t i = 0; i < n; i++) {
        memcpy(buf, s, n);
        for (const char *c = changes; *c; c++) {
            buf[i] = *c;
            check(buf, n);
        }
    }
}

static void check_file(const char *path)
{
    size_t len;
    char *text = test_read_file(path, &len);
    assert_non_null(text);
    for (char *line = text; line < text + len;) {
        char *nl = memchr(line, '\n', (size_t)(text + len - line));
        size_t n = nl ? (size_t)(nl - line) + 1 : (size_t)(text + len - line);
        check_line(line, n);
        line += n;
    }
    free(text);
}

static void check_folder(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        char path[1024];
        if (n < 6 || strcmp(e->d_name + n - 6, ".jsonl") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        check_file(path);
    }
    closedir(d);
}

static void test_fixture_lines_cut_and_changed_read_as_cjson_reads_them(void **state)
{
    (void)state;
    accepted = fell_back = 0;
    check_folder(TEST_DATA_DIR "/debrief/cohort");
    check_folder(TEST_DATA_DIR "/debrief/bad");
    check_folder(TEST_DATA_DIR "/golden");
    /* It must actually do the work, not fall back on everything. */
    assert_true(accepted > 100);
    assert_true(fell_back > 1000);
}

/* ---- edge cases ------------------------------------------------------------ */

static void test_reads_the_flat_subset(void **state)
{
    (void)state;
    check_str("{}", true);
    check_str(" { } \r\n", true);
    check_str("{\"a\":1,\"b\":-0,\"c\":0.72,\"d\":123456789012345}", true);
    check_str("{\"s\":\"tab\\tnew\\nquote\\\" slash\\/ back\\\\ \\b\\f\\r\"}", true);
    check_str("{\"e\":\"\",\"\":\"empty key\"}", true);
    check_str("{\"l\":[],\"m\":[\"a\",1,true,null,false]}", true);
    check_str("{\"u\":\"Überprüft — é\"}", true);
    check_str("{\"dup\":1,\"dup\":2}", true);
    check_str("{ \"a\" : [ \"x\" , \"y\" ] , \"b\" : null }", true);
    check_str("{\"big\":2147483648,\"small\":-2147483649}", true);
}

static void test_falls_back_outside_the_subset(void **state)
{
    (void)state;
    check_str("{\"a\":{\"b\":1}}", false);           /* nested object */
    check_str("{\"a\":[[1]]}", false);               /* nested array */
    check_str("{\"a\":\"\\u00e9\"}", false);         /* \u escape */
    check_str("{\"a\":1e5}", false);                 /* exponent */
    check_str("{\"a\":1234567890123456}", false);    /* 16 digits */
    check_str("{\"a\":0.12345678901234567}", false); /* too many digits */
    check_str("{\"a\":\"x\ty\"}", false);            /* raw tab in a string */
    check_str("[1,2]", false);                       /* not an object */
    check_str("\"text\"", false);
}

static void test_refuses_what_is_not_json(void **state)
{
    (void)state;
    check_str("", false);
    check_str("{", false);
    check_str("{\"a\":}", false);
    check_str("{\"a\":1,}", false);
    check_str("{\"a\" 1}", false);
    check_str("{\"a\":01}", false);
    check_str("{\"a\":1.}", false);
    check_str("{\"a\":.5}", false);
    check_str("{\"a\":-}", false);
    check_str("{\"a\":tru}", false);
    check_str("{\"a\":nul}", false);
    check_str("{\"a\":\"open}", false);
    check_str("{\"a\":\"bad \\x escape\"}", false);
    check_str("{\"a\":[1,]}", false);
    check_str("{\"a\":1} trailing", false);
    check_str("{\"a\":1}{\"b\":2}", false);
    check_str("{a:1}", false);
}

static void test_out_of_memory_gives_null(void **state)
{
    (void)state;
    n_blocks = MAX_BLOCKS; /* test_alloc now refuses */
    assert_null(json_flat_parse("{\"a\":1}", 7, test_alloc, NULL));
    n_blocks = 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_lines_cut_and_changed_read_as_cjson_reads_them),
        cmocka_unit_test(test_reads_the_flat_subset),
        cmocka_unit_test(test_falls_back_outside_the_subset),
        cmocka_unit_test(test_refuses_what_is_not_json),
        cmocka_unit_test(test_out_of_memory_gives_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
