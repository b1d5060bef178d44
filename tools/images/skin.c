/* skin: the dermoscopy of the heel lesion in gp-skin-lesion, drawn: the skin
 * of the sole with its ridges and furrows, and a lesion whose pigment lies
 * along the ridges (a parallel ridge pattern), with an irregular outline
 * about 11 x 8 mm, brown-black and uneven in colour, and a blue-grey area
 * at one edge, with a 5 mm scale bar. This is what the case's text says of
 * it (results "Plantar lesion, left heel" and "Dermoscopy (heel)"); no
 * other part of the foot or person is shown. */
#include <math.h>
#include <stdio.h>

#include "canvas.h"
#include "images.h"

#define SIZE 800
#define PX_MM 36.0 /* the field is about 22 mm across */
#define PI 3.14159265358979

static double smooth(double t)
{
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return t * t * (3 - 2 * t);
}

/* Where (x, y) lies across the dermatoglyphics: 0 at a furrow, 0.5 at the
 * middle of a ridge (period about 0.5 mm, gently curved). */
static double ridge_phase(double x, double y)
{
    double u = x * cos(0.5) + y * sin(0.5) + 38 * sin(y / 210.0 + 0.6) + 22 * sin(x / 260.0);
    double p = u / (0.5 * PX_MM);
    return p - floor(p);
}

/* Inside the lesion: 1 in its body, falling to 0 across a soft edge. */
static double lesion(double x, double y)
{
    double dx = x - 400, dy = y - 390;
    double th = atan2(dy, dx);
    double r = 1 + 0.12 * sin(2 * th + 0.4) + 0.07 * sin(3 * th + 1.9) + 0.05 * sin(5 * th + 2.3) +
               0.035 * sin(9 * th + 0.4) + 0.02 * sin(13 * th + 1.1);
    double ax = 5.5 * PX_MM * r, ay = 4.0 * PX_MM * r; /* 11 x 8 mm */
    double rot = 0.35, u = dx * cos(rot) + dy * sin(rot), v = -dx * sin(rot) + dy * cos(rot);
    double d = sqrt(u * u / (ax * ax) + v * v / (ay * ay));
    return 1 - smooth((d - 0.93) / 0.12);
}

/* Low-frequency unevenness of the pigment, 0..1. */
static double patchy(double x, double y)
{
    return 0.5 + 0.25 * sin(x / 61.0 + 1.3) * cos(y / 47.0) + 0.25 * sin((x + y) / 83.0 + 0.7);
}

int make_skin(const char *dir, const char *font)
{
    canvas cv;
    if (!canvas_init(&cv, SIZE, SIZE, (rgb){0, 0, 0}))
        return -1;
    rgb sole = {0.87f, 0.73f, 0.62f}, furrow = {0.74f, 0.58f, 0.48f};
    rgb brown = {0.42f, 0.25f, 0.15f}, black = {0.13f, 0.09f, 0.07f};
    rgb bluegrey = {0.47f, 0.52f, 0.60f};
    for (int y = 0; y < SIZE; y++)
        for (int x = 0; x < SIZE; x++) {
            double ph = ridge_phase(x, y), l = lesion(x, y);
            double f = 1 - smooth(fabs(ph - 0.0) / 0.09) - smooth((ph - 0.91) / 0.09);
            f = f < 0 ? 0 : f; /* 1 in a furrow */
            rgb c = sole;
            c.r += (furrow.r - c.r) * (float)f;
            c.g += (furrow.g - c.g) * (float)f;
            c.b += (furrow.b - c.b) * (float)f;
            /* Pigment on the ridges, little in the furrows; brown to black. */
            double dark = patchy(x, y);
            rgb pig = {brown.r + (black.r - brown.r) * (float)dark,
                       brown.g + (black.g - brown.g) * (float)dark,
                       brown.b + (black.b - brown.b) * (float)dark};
            double ridge = 1 - smooth(fabs(ph - 0.5) / 0.42);
            float a = (float)(l * (0.25 + 0.72 * ridge));
            c.r += (pig.r - c.r) * a;
            c.g += (pig.g - c.g) * a;
            c.b += (pig.b - c.b) * a;
            cv.px[(size_t)y * SIZE + x] = c;
        }
    /* The blue-grey area at the lower right edge, inside the lesion. */
    for (int y = 0; y < SIZE; y++)
        for (int x = 0; x < SIZE; x++) {
            double l = lesion(x, y), u = (x - 540) / 70.0, v = (y - 500) / 55.0;
            float a = (float)(0.78 * l * exp(-0.5 * (u * u + v * v)));
            rgb *p = &cv.px[(size_t)y * SIZE + x];
            p->r += (bluegrey.r - p->r) * a;
            p->g += (bluegrey.g - p->g) * a;
            p->b += (bluegrey.b - p->b) * a;
        }
    /* The openings of sweat ducts: pale dots along the middle of the ridges. */
    uint64_t rs = 0x50135ULL;
    mask_clear(&cv);
    for (int i = 0; i < 2600; i++) {
        double x = SIZE * rnd_uniform(&rs), y = SIZE * rnd_uniform(&rs);
        if (fabs(ridge_phase(x, y) - 0.5) < 0.06 && lesion(x, y) < 0.5)
            mask_disc(&cv, x, y, 2.2);
    }
    canvas_paint(&cv, (rgb){0.95f, 0.88f, 0.82f}, 0.6f);
    canvas_blur(&cv, 1, 1);
    /* The round field of the dermatoscope. */
    for (int y = 0; y < SIZE; y++)
        for (int x = 0; x < SIZE; x++) {
            double d = hypot(x - SIZE / 2.0, y - SIZE / 2.0);
            float k = (float)(1 - smooth((d - 360) / 18));
            rgb *p = &cv.px[(size_t)y * SIZE + x];
            p->r *= k;
            p->g *= k;
            p->b *= k;
        }
    /* A 5 mm scale bar. */
    rgb white = {0.97f, 0.97f, 0.97f};
    double x0 = 250, y0 = 690, len = 5 * PX_MM;
    mask_clear(&cv);
    mask_segment(&cv, x0, y0, x0 + len, y0, 5);
    for (int k = 0; k <= 5; k++)
        mask_segment(&cv, x0 + k * PX_MM, y0 - (k % 5 ? 7 : 12), x0 + k * PX_MM, y0, 3);
    canvas_paint(&cv, white, 1);
    canvas_text(&cv, font, 26, (int)(x0 + len + 14), (int)(y0 - 20), white, "5 mm");
    char path[1024];
    snprintf(path, sizeof path, "%s/gp-skin-lesion-heel-dermoscopy.png", dir);
    int rc = canvas_save_png(&cv, path, false);
    canvas_free(&cv);
    return rc;
}
