/* The images of the bundled cases, each drawn by one function into the
 * folder dir (ecg.c, cxr.c, skin.c). font is DejaVuSans.ttf. */
#ifndef IMAGES_H
#define IMAGES_H

typedef enum ecg_kind { ECG_POSTERIOR, ECG_INFERIOR } ecg_kind;

int make_ecg(const char *dir, const char *font, ecg_kind kind, const char *name);
int make_cxr(const char *dir, const char *font);
int make_skin(const char *dir, const char *font);

#endif
