/* case_image: the files of a case's images (scenario-format.md "Images").
 * An image is read from the case's folder under the rules of include():
 * no absolute path, no climbing out with "..", no symbolic link that leads
 * out; only a regular file, of at most CASE_IMAGE_FILE_MAX bytes, that is a
 * PNG or a JPEG whose header gives at most CASE_IMAGE_SIDE_MAX pixels a
 * side. Decoding the pixels is the window's (ui/image.c, SDL2_image); this
 * module only finds, reads and identifies the file, for the window and for
 * `check` alike. */
#ifndef CASE_IMAGE_H
#define CASE_IMAGE_H

#include <stddef.h>

#include "apperr.h"
#include "case_model.h"

#define CASE_IMAGE_FILE_MAX ((size_t)8 * 1024 * 1024)
#define CASE_IMAGE_SIDE_MAX 8192

typedef enum case_image_kind { CASE_IMAGE_PNG, CASE_IMAGE_JPEG } case_image_kind;

/* An image file read whole. */
typedef struct case_image_data {
    unsigned char *bytes; /* mem_free'd by case_image_data_free */
    size_t len;
    case_image_kind kind;
    int width, height; /* as its header says */
} case_image_data;

/* Reads the file of im (im->file, relative to the folder of case_file).
 * 0, or -1 with e filled (APPERR_INPUT at case_file:im->line, "image
 * "x.png": …" saying what to do; APPERR_ENV when out of memory). */
int case_image_read(const char *case_file, const case_image *im, case_image_data *out, apperr *e);
void case_image_data_free(case_image_data *d);

/* What `check` does without a decoder: the file is found, read and its
 * header names a PNG or JPEG of a size allowed. 0, or -1 with e filled. */
int case_image_check_file(const char *case_file, const case_image *im, apperr *e);

/* Fills e with "image "FILE": message" at case_file:im->line (APPERR_INPUT),
 * the form of every message about an image. */
void case_image_fail(apperr *e, const char *case_file, const case_image *im, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
