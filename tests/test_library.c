/* The case library: the bundled cases are listed with the teaching path
 * first and in its order; helper and example folders are not cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "support.h"

static void test_library_lists_teaching_path_first_in_order(void **state)
{
    (void)state;
    library lib;
    apperr e;
    assert_int_equal(library_scan(&lib, SCENARIOS_DIR, &e), 0);
    char *path = test_read_file(SCENARIOS_DIR "/teaching-path.txt", NULL);
    assert_non_null(path);
    int step = 0;
    for (char *line = strtok(path, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        assert_true((size_t)step < lib.n);
        line[strcspn(line, " \t#")] = '\0'; /* the id; a variant may follow */
        assert_string_equal(lib.items[step].id, line);
        assert_int_equal(lib.items[step].path_step, step + 1);
        step++;
    }
    assert_true(step >= 1);
    assert_int_equal(lib.path_len, step);
    /* the rest follow by title, none of them on the path */
    for (size_t i = (size_t)step; i + 1 < lib.n; i++) {
        assert_int_equal(lib.items[i].path_step, 0);
        assert_true(strcmp(lib.items[i].title, lib.items[i + 1].title) <= 0);
    }
    free(path);
    library_free(&lib);
}

static void test_library_skips_lib_and_examples_folders(void **state)
{
    (void)state;
    library lib;
    apperr e;
    assert_int_equal(library_scan(&lib, SCENARIOS_DIR, &e), 0);
    assert_true(lib.n >= 12);
    for (size_t i = 0; i < lib.n; i++) {
        assert_null(strstr(lib.items[i].path, "/lib/"));
        assert_null(strstr(lib.items[i].path, "/examples/"));
        assert_null(lib.items[i].error); /* every bundled case loads */
    }
    library_free(&lib);
}

static void test_library_without_teaching_path_sorts_by_title(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    char p[4200];
    const char *body = "return case { id = \"%s\", version = \"1\", title = \"%s\", start = \"a\", "
                       "nodes = { a = { text = \"\", ending = { outcome = \"good\" } } } }\n";
    char text[400];
    snprintf(p, sizeof p, "%s/b.lua", dir);
    snprintf(text, sizeof text, body, "b", "Beta");
    assert_int_equal(test_write_file(p, text), 0);
    snprintf(p, sizeof p, "%s/a.lua", dir);
    snprintf(text, sizeof text, body, "a", "Alpha");
    assert_int_equal(test_write_file(p, text), 0);
    snprintf(p, sizeof p, "%s/teaching-path.txt", dir);
    assert_int_equal(test_write_file(p, "# only b, then a name not in the folder\nb\nzzz\n"), 0);
    library lib;
    apperr e;
    assert_int_equal(library_scan(&lib, dir, &e), 0);
    assert_int_equal(lib.n, 2);
    assert_int_equal(lib.path_len, 1);
    assert_string_equal(lib.items[0].id, "b");
    assert_string_equal(lib.items[1].id, "a");
    library_free(&lib);
    remove(p);
    assert_int_equal(library_scan(&lib, dir, &e), 0);
    assert_string_equal(lib.items[0].id, "a");
    assert_int_equal(lib.items[0].path_step, 0);
    library_free(&lib);
    test_rmtree(dir);
    free(dir);
}

/* A folder with one case of variants x and y, and a teaching path. */
static char *folder_with_path(const char *path_text)
{
    char *dir = test_tmpdir();
    char p[4200];
    snprintf(p, sizeof p, "%s/v.lua", dir);
    assert_int_equal(test_write_file(p,
                                     "return case { id = \"v\", version = \"1\", title = \"Vee\", "
                                     "variants = { \"x\", \"y\" }, start = \"a\", nodes = { a = { "
                                     "text = \"\", ending = { outcome = \"good\" } } } }\n"),
                     0);
    snprintf(p, sizeof p, "%s/w.lua", dir);
    assert_int_equal(test_write_file(p, "return case { id = \"w\", version = \"1\", title = "
                                        "\"Wee\", start = \"a\", nodes = { a = { text = \"\", "
                                        "ending = { outcome = \"good\" } } } }\n"),
                     0);
    snprintf(p, sizeof p, "%s/teaching-path.txt", dir);
    assert_int_equal(test_write_file(p, path_text), 0);
    return dir;
}

static void test_teaching_path_names_the_variant_to_play(void **state)
{
    (void)state;
    char *dir = folder_with_path("# id, then the variant\n v\ty  # the right one first\nw\n");
    library lib;
    apperr e;
    assert_int_equal(library_scan(&lib, dir, &e), 0);
    assert_int_equal(lib.path_len, 2);
    assert_string_equal(lib.items[0].id, "v");
    assert_string_equal(lib.items[0].path_variant, "y");
    assert_null(lib.items[0].error);
    assert_string_equal(lib.items[1].id, "w");
    assert_null(lib.items[1].path_variant);
    library_free(&lib);
    test_rmtree(dir);
    free(dir);
}

static void test_teaching_path_with_a_variant_the_case_lacks_says_where(void **state)
{
    (void)state;
    char *dir = folder_with_path("# path\nv zz\nw x\n");
    library lib;
    apperr e;
    assert_int_equal(library_scan(&lib, dir, &e), 0);
    assert_string_equal(lib.items[0].id, "v");
    assert_non_null(lib.items[0].error);
    assert_non_null(strstr(lib.items[0].error, "teaching-path.txt:2: the case 'v' has no variant "
                                               "'zz' (it has: x, y)"));
    assert_null(lib.items[0].path_variant);
    assert_non_null(strstr(lib.items[1].error, "teaching-path.txt:3: the case 'w' has no variant "
                                               "'x' (it has none)"));
    library_free(&lib);
    test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_library_lists_teaching_path_first_in_order),
        cmocka_unit_test(test_library_skips_lib_and_examples_folders),
        cmocka_unit_test(test_library_without_teaching_path_sorts_by_title),
        cmocka_unit_test(test_teaching_path_names_the_variant_to_play),
        cmocka_unit_test(test_teaching_path_with_a_variant_the_case_lacks_says_where),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
