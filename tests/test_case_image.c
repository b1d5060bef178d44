/* test_case_image: the `image` of a result or a node (scenario-format.md
 * "Images"): what the loader refuses (no alt, a name that leaves the case's
 * folder, not a PNG or JPEG name, a bare file name), the list of images a
 * case names (for check), and reading the file under include()'s rules:
 * missing, not an image, cut short, a link out of the folder, a FIFO, too
 * large a header. Decoding the pixels is the window's (test_ui_image.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "case_image.h"
#include "case_load.h"
#include "support.h"

/* A folder with a case whose node image is written as img (a Lua value),
 * and files as the tests need them. */
typedef struct place {
    char *dir;
    char path[1024];
} place;

static void write_case(place *p, const char *img)
{
    char text[2048];
    snprintf(text, sizeof text,
             "return case {\n"
             "  id = \"img\", version = \"1\", title = \"Images\", start = \"a\",\n"
             "  nodes = {\n"
             "    a = { text = \"A.\",\n"
             "          image = %s,\n"
             "          ending = { outcome = \"good\" } },\n"
             "  },\n"
             "}\n",
             img);
    snprintf(p->path, sizeof p->path, "%s/case.lua", p->dir);
    assert_int_equal(test_write_file(p->path, text), 0);
}

static place *open_place(void)
{
    place *p = calloc(1, sizeof *p);
    p->dir = test_tmpdir();
    return p;
}

static void close_place(place *p)
{
    test_rmtree(p->dir);
    free(p->dir);
    free(p);
}

/* Writes n bytes to dir/name. */
static void put_bytes(const char *dir, const char *name, const void *b, size_t n)
{
    char path[4096];
    int k = snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_true(k > 0 && (size_t)k < sizeof path);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n, f), n);
    fclose(f);
}

/* ---- the loader ------------------------------------------------------------ */

static void expect_refused(const char *img, const char *want)
{
    place *p = open_place();
    write_case(p, img);
    expect_load_error(p->path, 5, want);
    close_place(p);
}

static void test_an_image_without_alt_is_refused(void **state)
{
    (void)state;
    expect_refused("{ file = \"ecg.png\" }", "image \"ecg.png\" needs alt");
    expect_refused("{ file = \"ecg.png\", alt = \"  \" }", "image \"ecg.png\" needs alt");
}

static void test_an_image_given_as_a_file_name_alone_says_how_to_write_it(void **state)
{
    (void)state;
    expect_refused("\"ecg.png\"", "write image = { file = \"ecg.png\", alt = \"what the image");
}

static void test_an_image_outside_the_case_folder_is_refused(void **state)
{
    (void)state;
    expect_refused("{ file = \"../ecg.png\", alt = \"An ECG.\" }",
                   "a path that climbs out of its folder (..)");
    expect_refused("{ file = \"images/../../ecg.png\", alt = \"An ECG.\" }",
                   "a path that climbs out of its folder (..)");
    expect_refused("{ file = \"/etc/ecg.png\", alt = \"An ECG.\" }", "an absolute path");
    expect_refused("{ file = \"images\\\\ecg.png\", alt = \"An ECG.\" }", "a backslash");
}

static void test_an_image_must_be_named_as_png_or_jpeg(void **state)
{
    (void)state;
    expect_refused("{ file = \"ecg.gif\", alt = \"An ECG.\" }", "only PNG and JPEG images");
    expect_refused("{ file = \"ecg\", alt = \"An ECG.\" }", "only PNG and JPEG images");
    expect_refused("{ file = \"ecg.png\", alt = \"An ECG.\", caption = \"x\" }",
                   "unknown key 'caption'");
}

static void test_the_case_lists_every_image_its_tables_name(void **state)
{
    (void)state;
    place *p = open_place();
    const char *text =
        "return case {\n"
        "  id = \"img\", version = \"1\", title = \"Images\", start = \"a\",\n"
        "  results = { { name = \"ECG\", value = \"x\",\n"
        "                image = { file = \"ecg.png\", alt = \"An ECG.\" } } },\n"
        "  nodes = {\n"
        "    a = { text = \"A.\", image = { file = \"cxr.JPG\", alt = \"A film.\" },\n"
        "          results = { { name = \"Skin\", value = \"y\",\n"
        "                        image = { file = \"img/skin.jpeg\", alt = \"A rash.\" } } },\n"
        "          next = \"b\" },\n"
        "    b = { text = function(s) return \"B.\" end,\n"
        "          image = function(s) return { file = \"late.png\", alt = \"Later.\" } end,\n"
        "          ending = { outcome = \"good\" } },\n"
        "  },\n"
        "}\n";
    snprintf(p->path, sizeof p->path, "%s/case.lua", p->dir);
    assert_int_equal(test_write_file(p->path, text), 0);
    case_def *c = NULL;
    apperr e;
    assert_int_equal(case_load(&c, p->path, NULL, &e), 0);
    assert_int_equal(c->n_images, 3); /* not the one a function gives */
    const char *files[3] = {"ecg.png", "cxr.JPG", "img/skin.jpeg"};
    int lines[3] = {4, 6, 8};
    for (size_t k = 0; k < 3; k++) {
        size_t i = 0;
        while (i < 3 && strcmp(c->images[i].file, files[k]) != 0)
            i++;
        assert_true(i < 3);
        assert_int_equal(c->images[i].line, lines[k]);
    }
    assert_string_equal(c->results[0].image.alt, "An ECG.");
    const case_node *a = case_find_node(c, "a");
    assert_string_equal(a->image.file, "cxr.JPG");
    assert_null(case_find_node(c, "b")->image.file); /* a function: known in play */
    assert_true(case_find_node(c, "b")->dynamic);
    case_free(c);
    close_place(p);
}

/* ---- reading the file -------------------------------------------------------------- */

/* The smallest whole PNG: 1 x 1 grey (written by ImageMagick). */
static const unsigned char PNG_1X1[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00,
    0x00, 0x3a, 0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x08,
    0xd7, 0x63, 0xa8, 0x03, 0x00, 0x00, 0x80, 0x00, 0x7f, 0xce, 0x4b, 0x8c, 0xa4, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

static int read_image(place *p, const char *file, case_image_data *d, apperr *e)
{
    case_image im = {(char *)file, "Alt.", 7};
    apperr_clear(e);
    return case_image_read(p->path, &im, d, e);
}

static void expect_unreadable(place *p, const char *file, const char *want)
{
    case_image_data d;
    apperr e;
    assert_int_equal(read_image(p, file, &d, &e), -1);
    assert_null(d.bytes);
    if (!strstr(e.msg, want))
        fail_msg("wanted '%s' in: %s", want, e.msg);
    assert_int_equal(e.kind, APPERR_INPUT);
    assert_int_equal(e.line, 7);
    assert_string_equal(e.file, p->path);
}

static void test_a_good_png_is_read_with_its_size(void **state)
{
    (void)state;
    place *p = open_place();
    write_case(p, "nil");
    assert_int_equal(mkdir(strcat(strcpy((char[1100]){0}, p->dir), "/img"), 0755), 0);
    put_bytes(p->dir, "img/dot.png", PNG_1X1, sizeof PNG_1X1);
    case_image_data d;
    apperr e;
    assert_int_equal(read_image(p, "img/dot.png", &d, &e), 0);
    assert_int_equal(d.kind, CASE_IMAGE_PNG);
    assert_int_equal(d.width, 1);
    assert_int_equal(d.height, 1);
    assert_int_equal(d.len, sizeof PNG_1X1);
    case_image_data_free(&d);
    close_place(p);
}

static void test_a_jpeg_header_gives_its_size(void **state)
{
    (void)state;
    place *p = open_place();
    write_case(p, "nil");
    /* SOI, an APP0 segment, then a baseline frame of 640 x 480. */
    const unsigned char jpg[] = {0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46,
                                 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01, 0xe0, 0x02,
                                 0x80, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9};
    put_bytes(p->dir, "x.jpg", jpg, sizeof jpg);
    case_image_data d;
    apperr e;
    assert_int_equal(read_image(p, "x.jpg", &d, &e), 0);
    assert_int_equal(d.kind, CASE_IMAGE_JPEG);
    assert_int_equal(d.width, 640);
    assert_int_equal(d.height, 480);
    case_image_data_free(&d);
    close_place(p);
}

static void test_a_missing_image_is_named_with_where_it_was_looked_for(void **state)
{
    (void)state;
    place *p = open_place();
    write_case(p, "nil");
    expect_unreadable(p, "img/none.png", "no such file (looked for ");
    close_place(p);
}

static void test_a_file_that_is_not_an_image_is_refused(void **state)
{
    (void)state;
    place *p = open_place();
    write_case(p, "nil");
    put_bytes(p->dir, "notes.png", "Just some text.\n", 16);
    expect_unreadable(p, "notes.png", "not a PNG or JPEG image");
    put_bytes(p->dir, "empty.png", "", 0);
    expect_unreadable(p, "empty.png", "not a PNG or JPEG image");
    close_place(p);
}

static void test_a_png_cut_short_or_damaged_is_refused(void **state)
{
    (void)state;
    place *p = open_place();
    write_case(p, "nil");
    put_bytes(p->dir, "cut.png", PNG_1X1, sizeof PNG_1X1 - 12); /* no IEND */
    expect_unreadable(p, "cut.png", "the PNG is cut short or damaged");
    unsigned char bad[sizeof PNG_1X1];
    memcpy(bad, PNG_1X1, sizeof bad);
    bad[43] ^= 0x40; /* a byte of the pixels: its chunk's checksum no longer fits */
    put_bytes(p->dir, "bad.png", bad, sizeof bad);
    expect_unreadable(p, "bad.png", "the PNG is cut short or damaged");
    close_place(p);
}

static void test_a_png_whose_header_is_too_large_is_refused(void **state)
{
    (void)state;
    place *p = open_place();
    write_case(p, "nil");
    unsigned char big[sizeof PNG_1X1];
    memcpy(big, PNG_1X1, sizeof big);
    big[18] = 0x23; /* width 0x2301 = 8961 */
    put_bytes(p->dir, "big.png", big, sizeof big);
    expect_unreadable(p, "big.png", "its header says 8961 x 1 pixels");
    close_place(p);
}

static void test_a_link_out_of_the_case_folder_is_refused_and_one_inside_followed(void **state)
{
    (void)state;
    place *p = open_place();
    char inner[1100], outside[1200], link[1200];
    snprintf(inner, sizeof inner, "%s/case", p->dir);
    assert_int_equal(mkdir(inner, 0755), 0);
    put_bytes(p->dir, "secret.png", PNG_1X1, sizeof PNG_1X1);
    put_bytes(inner, "real.png", PNG_1X1, sizeof PNG_1X1);
    char *top = p->dir;
    p->dir = strdup(inner);
    write_case(p, "nil");
    snprintf(outside, sizeof outside, "%s/secret.png", top);
    snprintf(link, sizeof link, "%s/out.png", inner);
    assert_int_equal(symlink(outside, link), 0);
    snprintf(link, sizeof link, "%s/in.png", inner);
    assert_int_equal(symlink("real.png", link), 0);
    expect_unreadable(p, "out.png", "leads outside the case's folder");
    case_image_data d;
    apperr e;
    assert_int_equal(read_image(p, "in.png", &d, &e), 0);
    case_image_data_free(&d);
    free(p->dir);
    p->dir = top;
    close_place(p);
}

static void test_a_fifo_is_refused_without_blocking(void **state)
{
    (void)state;
    place *p = open_place();
    write_case(p, "nil");
    char fifo[1100];
    snprintf(fifo, sizeof fifo, "%s/pipe.png", p->dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    expect_unreadable(p, "pipe.png", "cannot be read");
    close_place(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_image_without_alt_is_refused),
        cmocka_unit_test(test_an_image_given_as_a_file_name_alone_says_how_to_write_it),
        cmocka_unit_test(test_an_image_outside_the_case_folder_is_refused),
        cmocka_unit_test(test_an_image_must_be_named_as_png_or_jpeg),
        cmocka_unit_test(test_the_case_lists_every_image_its_tables_name),
        cmocka_unit_test(test_a_good_png_is_read_with_its_size),
        cmocka_unit_test(test_a_jpeg_header_gives_its_size),
        cmocka_unit_test(test_a_missing_image_is_named_with_where_it_was_looked_for),
        cmocka_unit_test(test_a_file_that_is_not_an_image_is_refused),
        cmocka_unit_test(test_a_png_cut_short_or_damaged_is_refused),
        cmocka_unit_test(test_a_png_whose_header_is_too_large_is_refused),
        cmocka_unit_test(test_a_link_out_of_the_case_folder_is_refused_and_one_inside_followed),
        cmocka_unit_test(test_a_fifo_is_refused_without_blocking),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
