/* image_check: the window's decoder of a case's images, for `check`
 * (engine/cli/cli_check.c), without SDL in the caller's headers. */
#ifndef UI_IMAGE_CHECK_H
#define UI_IMAGE_CHECK_H

#include "apperr.h"
#include "case_model.h"

/* 0 when the image reads (case_image.h) and decodes with SDL2_image as the
 * window would decode it, else -1 with e filled (image.c). */
int ui_image_check(const char *case_file, const case_image *im, apperr *e);

#endif
