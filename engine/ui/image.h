/* image: a case's images in the window (scenario-format.md "Images"). The
 * file is found and read by script/case_image.c, under the rules of
 * include(), and decoded here with SDL2_image, PNG or JPEG only. `check`
 * decodes with the same function (ui_image_check), so that an image it
 * passes is one the window shows.
 *
 * The window keeps what it decoded, and a texture of each image at the size
 * it is drawn (one for the panel, one for the full-size view), in a small
 * cache: drawing an unchanged screen decodes and scales nothing. */
#ifndef UI_IMAGE_H
#define UI_IMAGE_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "apperr.h"
#include "case_model.h"
#include "image_check.h"

/* Decodes the image of a case (case_file anchors im->file) into a surface
 * in SDL_PIXELFORMAT_ARGB8888; NULL with e filled ("image "x.png": …" at
 * the line that names it). Needs no window. */
SDL_Surface *ui_image_decode(const char *case_file, const case_image *im, apperr *e);

/* The size w x h of an image iw x ih scaled to fit max_w x max_h, keeping
 * its aspect ratio, never above `most` times its own size; at least 1 x 1. */
void ui_image_fit(int iw, int ih, int max_w, int max_h, double most, int *w, int *h);

typedef struct ui_images ui_images;

/* NULL when out of memory (images are then shown by their alt text). */
ui_images *ui_images_new(SDL_Renderer *r);
void ui_images_free(ui_images *ims);
/* The renderer lost every texture (SDL_RENDER_DEVICE_RESET). */
void ui_images_drop_textures(ui_images *ims);

/* The image's own size; false when it cannot be shown, with the reason in
 * *why (valid until the cache forgets it). Decodes it once. */
bool ui_images_size(ui_images *ims, const char *case_file, const case_image *im, int *w, int *h,
                    const char **why);

/* A texture of the image at exactly w x h (cached; the cache's), and a key
 * naming its pixels for the render cache; NULL when it cannot be made. */
SDL_Texture *ui_images_texture(ui_images *ims, const char *case_file, const case_image *im, int w,
                               int h, uint32_t *key);

#endif
