/* cxr: the three chest films of radiology-chest-drain, as schematic PA
 * radiographs (the patient's right on the viewer's left, as always): body,
 * lungs with vessel markings from the hila, heart and mediastinum, ribs,
 * clavicles and diaphragm. Each shows what the case's text says of it and
 * no more:
 *   admission: a right pneumothorax, the visceral pleural line parallel to
 *     the chest wall from the apex to the level of the hilum, about 4 cm in
 *     at the hilum, no markings beyond it; mediastinum central;
 *   drain: a drain entering laterally in the fifth intercostal space and
 *     running to the apex, the gap in its line inside the ribs, markings to
 *     the chest wall, a little subcutaneous air at the insertion;
 *   after removal: a fine line 1.5 cm in from the chest wall at the apex
 *     with no markings beyond it; the drain tract laterally.
 * Scale: 26 pixels a centimetre. No name, date or number: nothing that
 * could identify anyone. */
#include <math.h>
#include <stdio.h>

#include "canvas.h"
#include "images.h"

#define W 900
#define H 1000
#define MID 450.0
#define PX_CM 26.0

typedef enum film { FILM_ADMISSION, FILM_DRAIN, FILM_AFTER } film;

static double smooth(double t)
{
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return t * t * (3 - 2 * t);
}

/* The lateral chest wall of the right hemithorax (image left) at y. */
static double wall_r(double y)
{
    if (y < 160)
        return 1e9;
    if (y < 420)
        return 300 - 170 * sqrt((y - 160) / 260);
    return 130 - 8 * smooth((y - 420) / 300);
}

/* The floor of each lung (the diaphragm) at x; the left a little lower. */
static double floor_y(double x)
{
    if (x < MID)
        return 800 - 70 * sin(3.14159 * (x - 122) / (410 - 122));
    return 820 - 70 * sin(3.14159 * (778 - x) / (778 - 490));
}

/* The medial edge of each lung: the right heart border, the left heart
 * border bulging out below the hilum. */
static double medial_r(double y)
{
    return y < 560 ? 410 : 410 - 30 * smooth((y - 560) / 200);
}

static double medial_l(double y)
{
    return y < 430 ? 490 : 490 + 150 * sin(3.14159 * smooth((y - 430) / 420) * 0.9);
}

/* The dome of each apex: the top of the lung rises to a point over the
 * lateral third and falls towards the mediastinum. */
static double apex_top(double x, double peak, double top)
{
    double u = (x - peak) / 110;
    return top + 70 * u * u;
}

/* Whether (x, y) is in a hemithorax (lung field, pleural space included). */
static bool in_right(double x, double y)
{
    return y >= apex_top(x, 290, 160) && x >= wall_r(y) && x <= medial_r(y) && y <= floor_y(x);
}

static bool in_left(double x, double y)
{
    double m = 2 * MID - x; /* mirrored */
    return y >= apex_top(x, 2 * MID - 290, 170) && m >= wall_r(y - 10) && x >= medial_l(y) &&
           y <= floor_y(x);
}

static bool in_mediastinum(double x, double y)
{
    return y >= 120 && y <= floor_y(x) + 10 && x > medial_r(y) && x < medial_l(y);
}

/* The edge of the aerated right lung on each film: pleural air lies
 * lateral to it (gap in pixels at y), and above its apex. */
static double gap_r(film f, double y)
{
    if (f == FILM_ADMISSION) {
        if (y < 470)
            return 4 * PX_CM * (0.75 + 0.25 * smooth((y - 230) / 240));
        return 4 * PX_CM * (1 - smooth((y - 470) / 150));
    }
    if (f == FILM_AFTER)
        return 1.5 * PX_CM * (1 - smooth((y - 250) / 110));
    return 0;
}

static double apex_r(film f)
{
    return f == FILM_ADMISSION ? 235 : f == FILM_AFTER ? 195 : 160;
}

static bool aerated_r(film f, double x, double y)
{
    return in_right(x, y) && y >= apex_top(x, 300, apex_r(f)) && x >= wall_r(y) + gap_r(f, y);
}

static bool in_body(double x, double y)
{
    double half = y < 120 ? 150 + 250 * smooth(y / 120) : 400 + 20 * smooth((y - 120) / 600);
    return fabs(x - MID) <= half;
}

/* A vessel tree from the hilum: each branch a few segments that bend and
 * thin, splitting in two. Drawn into the mask; clipped to aerated lung
 * when painted. */
static void vessels(canvas *cv, uint64_t *rs, double x, double y, double angle, double len,
                    double width, int depth)
{
    for (int i = 0; i < 4 && len > 4; i++) {
        double nx = x + cos(angle) * len / 4, ny = y + sin(angle) * len / 4;
        mask_segment(cv, x, y, nx, ny, width);
        x = nx;
        y = ny;
        angle += 0.18 * rnd_normal(rs);
        width *= 0.88;
    }
    if (depth == 0 || width < 0.7)
        return;
    vessels(cv, rs, x, y, angle - 0.35 - 0.15 * rnd_uniform(rs), len * 0.72, width, depth - 1);
    vessels(cv, rs, x, y, angle + 0.35 + 0.15 * rnd_uniform(rs), len * 0.68, width * 0.9,
            depth - 1);
}

static void markings(canvas *cv, film f)
{
    uint64_t rs = 0x5eedULL;
    static const double fan_r[] = {-2.0, -2.4, -2.8, 3.0, 2.6, 2.2};
    mask_clear(cv);
    for (int i = 0; i < 6; i++) /* the right hilum (image left) fans up, out and down */
        vessels(cv, &rs, 385, 470, fan_r[i], 150, 6, 5);
    for (int i = 0; i < 6; i++)
        vessels(cv, &rs, 520, 480, 3.14159 - fan_r[i], 150, 6, 5);
    for (int y = 0; y < cv->h; y++)
        for (int x = 0; x < cv->w; x++) {
            bool lung = x < MID ? aerated_r(f, x, y) : in_left(x, y);
            if (!lung)
                cv->mask[(size_t)y * cv->w + x] = 0;
        }
    canvas_add(cv, (rgb){0.22f, 0.22f, 0.22f});
}

/* Ribs: posterior arcs from the spine out and down, anterior ones fainter. */
static void ribs(canvas *cv)
{
    for (int side = -1; side <= 1; side += 2)
        for (int i = 0; i < 9; i++) {
            double y0 = 185 + i * 62;
            mask_clear(cv);
            for (double t = 0; t < 1; t += 0.02) {
                double t2 = t + 0.02;
                double xa = MID + side * (25 + 340 * t),
                       ya = y0 - 30 * sin(3.14159 * t) + 90 * t * t;
                double xb = MID + side * (25 + 340 * t2),
                       yb = y0 - 30 * sin(3.14159 * t2) + 90 * t2 * t2;
                mask_segment(cv, xa, ya, xb, yb, 17 - 4 * t);
            }
            canvas_add(cv, (rgb){0.09f, 0.09f, 0.09f});
            mask_clear(cv);
            for (double t = 0; t < 1; t += 0.02) { /* anterior: down and in from the side */
                double t2 = t + 0.02;
                double xa = MID + side * (330 - 230 * t), ya = y0 + 20 + 120 * t;
                double xb = MID + side * (330 - 230 * t2), yb = y0 + 20 + 120 * t2;
                mask_segment(cv, xa, ya, xb, yb, 11);
            }
            canvas_add(cv, (rgb){0.04f, 0.04f, 0.04f});
        }
    mask_clear(cv);
    for (int side = -1; side <= 1; side += 2) /* clavicles */
        for (double t = 0; t < 1; t += 0.02)
            mask_segment(cv, MID + side * (45 + 250 * t), 205 - 55 * t + 12 * sin(6.28 * t),
                         MID + side * (45 + 250 * (t + 0.02)),
                         205 - 55 * (t + 0.02) + 12 * sin(6.28 * (t + 0.02)), 22);
    canvas_add(cv, (rgb){0.22f, 0.22f, 0.22f});
}

static void tissues(canvas *cv, film f)
{
    for (int y = 0; y < cv->h; y++)
        for (int x = 0; x < cv->w; x++) {
            float v = 0.03f;
            bool chest = x < MID ? in_right(x, y) : in_left(x, y);
            if (in_body(x, y))
                v = x > 115 && x < 785 && y > floor_y(x) ? 0.66f : 0.50f;
            if (chest)
                v = 0.05f; /* air in the pleural space: black, nothing in it */
            if (chest && (x >= MID || aerated_r(f, x, y)))
                v = 0.20f; /* aerated lung */
            if (!chest && in_mediastinum(x, y))
                v = 0.76f;
            if (fabs(x - MID) < 30 && y > 110 && y < 900 && !chest)
                v += 0.04f; /* the spine behind the mediastinum */
            if (fabs(x - MID) < 13 && y < 440 && in_body(x, y))
                v = 0.30f; /* the trachea, central */
            cv->px[(size_t)y * cv->w + x] = (rgb){v, v, v};
        }
}

/* The visceral pleural line: the edge of the aerated lung where pleural
 * air lies beyond it. */
static void pleural_line(canvas *cv, film f)
{
    mask_clear(cv);
    for (int y = 1; y < cv->h - 1; y++)
        for (int x = 1; x < MID; x++) {
            if (!aerated_r(f, x, y))
                continue;
            bool edge = false;
            for (int dy = -1; dy <= 1 && !edge; dy++)
                for (int dx = -1; dx <= 1 && !edge; dx++)
                    edge = in_right(x + dx, y + dy) && !aerated_r(f, x + dx, y + dy);
            if (edge)
                cv->mask[(size_t)y * cv->w + x] = 1;
        }
    canvas_add(cv, (rgb){0.40f, 0.40f, 0.40f});
}

static void drain(canvas *cv)
{
    /* From outside the chest, in at the fifth intercostal space, up to the apex. */
    double pts[][2] = {{0, 660},   {60, 640},  {118, 612}, {150, 590}, {185, 540},
                       {215, 460}, {240, 380}, {262, 300}, {282, 240}, {296, 205}};
    int n = (int)(sizeof pts / sizeof pts[0]);
    for (int k = 0; k < 2; k++) { /* the tube, then its radio-opaque line */
        mask_clear(cv);
        for (int i = 0; i + 1 < n; i++) {
            if (k == 1 && i == 3)
                continue; /* the gap that marks the last side hole, inside the ribs */
            mask_segment(cv, pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1], k ? 3 : 11);
        }
        canvas_add(cv, k ? (rgb){0.45f, 0.45f, 0.45f} : (rgb){0.07f, 0.07f, 0.07f});
    }
    mask_clear(cv); /* a little air under the skin at the insertion */
    uint64_t rs = 0xa1eULL;
    for (int i = 0; i < 7; i++) {
        double x = 95 + 30 * rnd_uniform(&rs), y = 570 + 70 * rnd_uniform(&rs);
        mask_segment(cv, x, y, x + 6 * rnd_normal(&rs), y + 16 + 8 * rnd_uniform(&rs), 2.5);
    }
    canvas_paint(cv, (rgb){0.12f, 0.12f, 0.12f}, 0.8f);
}

static void tract(canvas *cv)
{
    mask_clear(cv);
    mask_segment(cv, 70, 650, 130, 615, 3);
    canvas_paint(cv, (rgb){0.33f, 0.33f, 0.33f}, 0.8f);
}

static int one(const char *dir, const char *font, film f, const char *name)
{
    canvas cv;
    if (!canvas_init(&cv, W, H, (rgb){0, 0, 0}))
        return -1;
    tissues(&cv, f);
    ribs(&cv);
    markings(&cv, f);
    pleural_line(&cv, f);
    if (f == FILM_DRAIN)
        drain(&cv);
    if (f == FILM_AFTER)
        tract(&cv);
    canvas_blur(&cv, 1, 2);
    canvas_text(&cv, font, 40, 40, 40, (rgb){0.95f, 0.95f, 0.95f}, "R");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int rc = canvas_save_png(&cv, path, true);
    canvas_free(&cv);
    return rc;
}

int make_cxr(const char *dir, const char *font)
{
    return one(dir, font, FILM_ADMISSION, "radiology-chest-drain-admission.png") ||
           one(dir, font, FILM_DRAIN, "radiology-chest-drain-film1.png") ||
           one(dir, font, FILM_AFTER, "radiology-chest-drain-film2.png");
}
