/* canvas: the raster behind make_images.c (canvas.h). */
#include "canvas.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

bool canvas_init(canvas *cv, int w, int h, rgb fill)
{
    cv->w = w;
    cv->h = h;
    cv->px = malloc(sizeof *cv->px * (size_t)w * (size_t)h);
    cv->mask = calloc((size_t)w * (size_t)h, sizeof *cv->mask);
    if (!cv->px || !cv->mask) {
        canvas_free(cv);
        return false;
    }
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
        cv->px[i] = fill;
    return true;
}

void canvas_free(canvas *cv)
{
    free(cv->px);
    free(cv->mask);
    cv->px = NULL;
    cv->mask = NULL;
}

void mask_clear(canvas *cv)
{
    memset(cv->mask, 0, sizeof *cv->mask * (size_t)cv->w * (size_t)cv->h);
}

static double clampd(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void mask_segment(canvas *cv, double x0, double y0, double x1, double y1, double width)
{
    double hw = width / 2;
    int xa = (int)floor(fmin(x0, x1) - hw - 1), xb = (int)ceil(fmax(x0, x1) + hw + 1);
    int ya = (int)floor(fmin(y0, y1) - hw - 1), yb = (int)ceil(fmax(y0, y1) + hw + 1);
    double dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy;
    for (int y = ya < 0 ? 0 : ya; y <= yb && y < cv->h; y++)
        for (int x = xa < 0 ? 0 : xa; x <= xb && x < cv->w; x++) {
            double px = x + 0.5, py = y + 0.5;
            double t = len2 > 0 ? clampd(((px - x0) * dx + (py - y0) * dy) / len2, 0, 1) : 0;
            double ex = px - (x0 + t * dx), ey = py - (y0 + t * dy);
            float cov = (float)clampd(hw + 0.5 - sqrt(ex * ex + ey * ey), 0, 1);
            float *m = &cv->mask[(size_t)y * cv->w + x];
            if (cov > *m)
                *m = cov;
        }
}

void mask_disc(canvas *cv, double cx, double cy, double radius)
{
    mask_segment(cv, cx, cy, cx, cy, 2 * radius);
}

void canvas_paint(canvas *cv, rgb c, float alpha)
{
    for (size_t i = 0; i < (size_t)cv->w * (size_t)cv->h; i++) {
        float a = cv->mask[i] * alpha;
        if (a <= 0)
            continue;
        rgb *p = &cv->px[i];
        p->r += (c.r - p->r) * a;
        p->g += (c.g - p->g) * a;
        p->b += (c.b - p->b) * a;
        cv->mask[i] = 0;
    }
}

void canvas_add(canvas *cv, rgb c)
{
    for (size_t i = 0; i < (size_t)cv->w * (size_t)cv->h; i++) {
        float a = cv->mask[i];
        if (a <= 0)
            continue;
        cv->px[i].r += c.r * a;
        cv->px[i].g += c.g * a;
        cv->px[i].b += c.b * a;
        cv->mask[i] = 0;
    }
}

/* One pass of a box blur along rows (dx 1) or columns (dx 0). */
static void blur_pass(canvas *cv, rgb *tmp, int r, bool rows)
{
    int n = rows ? cv->w : cv->h, lines = rows ? cv->h : cv->w;
    for (int l = 0; l < lines; l++) {
        for (int i = 0; i < n; i++) {
            rgb s = {0, 0, 0};
            int k = 0;
            for (int j = i - r; j <= i + r; j++) {
                int jj = j < 0 ? 0 : j >= n ? n - 1 : j;
                const rgb *p =
                    rows ? &cv->px[(size_t)l * cv->w + jj] : &cv->px[(size_t)jj * cv->w + l];
                s.r += p->r;
                s.g += p->g;
                s.b += p->b;
                k++;
            }
            tmp[i] = (rgb){s.r / k, s.g / k, s.b / k};
        }
        for (int i = 0; i < n; i++)
            *(rows ? &cv->px[(size_t)l * cv->w + i] : &cv->px[(size_t)i * cv->w + l]) = tmp[i];
    }
}

void canvas_blur(canvas *cv, int r, int passes)
{
    rgb *tmp = malloc(sizeof *tmp * (size_t)(cv->w > cv->h ? cv->w : cv->h));
    for (int p = 0; tmp && p < passes; p++) {
        blur_pass(cv, tmp, r, true);
        blur_pass(cv, tmp, r, false);
    }
    free(tmp);
}

double rnd_uniform(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return (double)(*s >> 11) / 9007199254740992.0;
}

double rnd_normal(uint64_t *s)
{
    double u = rnd_uniform(s), v = rnd_uniform(s);
    return sqrt(-2 * log(u + 1e-12)) * cos(2 * 3.14159265358979 * v);
}

int canvas_text(canvas *cv, const char *font_path, int px, int x, int y, rgb c, const char *text)
{
    TTF_Font *f = TTF_OpenFont(font_path, px);
    if (!f) {
        fprintf(stderr, "make_images: %s: %s\n", font_path, TTF_GetError());
        return -1;
    }
    SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *s = TTF_RenderUTF8_Blended(f, text, white);
    SDL_Surface *a = s ? SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    TTF_CloseFont(f);
    SDL_FreeSurface(s);
    if (!a)
        return -1;
    for (int j = 0; j < a->h; j++)
        for (int i = 0; i < a->w; i++) {
            int cx = x + i, cy = y + j;
            if (cx < 0 || cy < 0 || cx >= cv->w || cy >= cv->h)
                continue;
            Uint32 p = ((Uint32 *)((Uint8 *)a->pixels + (size_t)j * a->pitch))[i];
            float al = (float)(p >> 24) / 255.0f;
            rgb *d = &cv->px[(size_t)cy * cv->w + cx];
            d->r += (c.r - d->r) * al;
            d->g += (c.g - d->g) * al;
            d->b += (c.b - d->b) * al;
        }
    SDL_FreeSurface(a);
    return 0;
}

static Uint8 byte_of(float v)
{
    return (Uint8)lround(clampd(v, 0, 1) * 255);
}

int canvas_save_png(const canvas *cv, const char *path, bool grey)
{
    SDL_Surface *s =
        grey ? SDL_CreateRGBSurfaceWithFormat(0, cv->w, cv->h, 8, SDL_PIXELFORMAT_INDEX8)
             : SDL_CreateRGBSurfaceWithFormat(0, cv->w, cv->h, 24, SDL_PIXELFORMAT_RGB24);
    if (!s)
        return -1;
    if (grey) {
        SDL_Color ramp[256];
        for (int i = 0; i < 256; i++)
            ramp[i] = (SDL_Color){(Uint8)i, (Uint8)i, (Uint8)i, 255};
        SDL_SetPaletteColors(s->format->palette, ramp, 0, 256);
    }
    for (int y = 0; y < cv->h; y++) {
        Uint8 *row = (Uint8 *)s->pixels + (size_t)y * s->pitch;
        for (int x = 0; x < cv->w; x++) {
            rgb p = cv->px[(size_t)y * cv->w + x];
            if (grey) {
                row[x] = byte_of(p.r);
                continue;
            }
            row[3 * x] = byte_of(p.r);
            row[3 * x + 1] = byte_of(p.g);
            row[3 * x + 2] = byte_of(p.b);
        }
    }
    int rc = IMG_SavePNG(s, path);
    if (rc != 0)
        fprintf(stderr, "make_images: %s: %s\n", path, IMG_GetError());
    SDL_FreeSurface(s);
    return rc == 0 ? 0 : -1;
}
