/* app_image: which of a case's images the case screen shows now, and the
 * full-size view of one of them (I opens it, Esc or Enter closes it; the
 * arrows go to the others). SDL-free, like app.c. Opening an image is the
 * window's own: it is not logged (the results it belongs to are, when
 * their panel is opened). */
#ifndef APP_IMAGE_H
#define APP_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"

#define APP_IMAGES_MAX 32

/* The images on the case screen now, in the order drawn: the node's, then
 * each result's while the results are shown. Fills out (at most max) and
 * returns how many. */
size_t app_images(const app *a, const case_image **out, size_t max);

/* The image open in the full-size view, or NULL. */
const case_image *app_image_open(const app *a);

/* CMD_IMAGE opens the full-size view (arg: the image's index in
 * app_images; APP_IMAGE_NEXT / APP_IMAGE_PREV: the one after or before the
 * open one, the first when none is). While the view is open it takes every
 * command: Esc and Enter close it, closing the window still closes, the
 * rest is ignored. Returns whether cmd was taken; *changed whether anything
 * changed. */
enum { APP_IMAGE_NEXT = -1, APP_IMAGE_PREV = -2 };
bool app_image_command(app *a, ui_cmd cmd, bool *changed);

#endif
