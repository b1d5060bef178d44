/* The images of the bundled cases, each drawn by one function into the
 * folder dir (make_images.c, cxr.c, skin.c). font is DejaVuSans.ttf. */
#ifndef IMAGES_H
#define IMAGES_H

int make_ecg(const char *dir, const char *font);
int make_cxr(const char *dir, const char *font);
int make_skin(const char *dir, const char *font);

#endif
