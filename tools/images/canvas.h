/* canvas: a small floating-point RGB raster for drawing the case library's
 * images (make_images.c): strokes with anti-aliased edges through a
 * coverage mask, blur, seeded random numbers, text through SDL_ttf, and
 * saving as PNG through SDL2_image. */
#ifndef CANVAS_H
#define CANVAS_H

#include <stdbool.h>
#include <stdint.h>

typedef struct rgb {
    float r, g, b;
} rgb;

typedef struct canvas {
    int w, h;
    rgb *px;     /* w * h */
    float *mask; /* coverage of the stroke being drawn, w * h */
} canvas;

bool canvas_init(canvas *cv, int w, int h, rgb fill);
void canvas_free(canvas *cv);

/* The mask: cleared, then strokes and shapes add coverage (the largest
 * wins, so a stroke's joints are not drawn twice), then painted in one
 * colour at alpha, which clears it again. */
void mask_clear(canvas *cv);
void mask_segment(canvas *cv, double x0, double y0, double x1, double y1, double width);
void mask_disc(canvas *cv, double cx, double cy, double radius);
void canvas_paint(canvas *cv, rgb colour, float alpha);
/* Adds colour times the mask (bright lines on a radiograph), and clears it. */
void canvas_add(canvas *cv, rgb colour);

/* Box blur of radius r, n passes (close to a Gaussian). */
void canvas_blur(canvas *cv, int r, int passes);

/* A seeded generator (xorshift), the same numbers on every machine. */
double rnd_uniform(uint64_t *state);
double rnd_normal(uint64_t *state);

/* Text at x, y (its top left) in the font at font_path, px high. 0 or -1. */
int canvas_text(canvas *cv, const char *font_path, int px, int x, int y, rgb colour,
                const char *text);

/* Writes the canvas as a PNG: 8-bit RGB, or 8-bit grey (from the red
 * channel) when grey. 0 or -1 with the reason on stderr. */
int canvas_save_png(const canvas *cv, const char *path, bool grey);

#endif
