/* ui_canvas: the window's screens drawn into a software renderer, for the
 * render tests (test_ui_timer, test_ui_flow). One canvas keeps its ui_ctx
 * from frame to frame, as the window does, so that what the window scrolls
 * into view on a new step is what the test sees. Include once per test. */
#ifndef UI_CANVAS_H
#define UI_CANVAS_H

#include <string.h>

#include <SDL.h>

#include "draw.h"
#include "screens.h"
#include "text_cache.h"

typedef struct canvas {
    SDL_Surface *surf;
    SDL_Renderer *r;
    text_cache *tc;
    ui_ctx ctx;
} canvas;

static inline void canvas_open(canvas *cv, int w, int h, int scale, const char *theme)
{
    memset(cv, 0, sizeof *cv);
    cv->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(cv->surf);
    cv->r = SDL_CreateSoftwareRenderer(cv->surf);
    assert_non_null(cv->r);
    apperr e;
    cv->tc = text_cache_new(cv->r, TEST_ASSETS_DIR "/fonts", &e);
    assert_non_null(cv->tc);
    ui_ctx *c = &cv->ctx;
    c->r = cv->r;
    c->tc = cv->tc;
    c->th = ui_theme_find(theme);
    assert_non_null(c->th);
    c->scale = scale;
    c->density = 1.0;
    c->w = w;
    c->h = h;
    c->audit = true;
    ui_ctx_metrics(c);
}

static inline void canvas_close(canvas *cv)
{
    text_cache_free(cv->tc);
    SDL_DestroyRenderer(cv->r);
    SDL_FreeSurface(cv->surf);
}

/* One frame of the app's screen at now, as window.c draws it. */
static inline void canvas_frame(canvas *cv, app *a, int64_t now)
{
    ui_ctx *c = &cv->ctx;
    SDL_SetRenderDrawColor(cv->r, c->th->bg.r, c->th->bg.g, c->th->bg.b, 255);
    SDL_RenderClear(cv->r);
    screens_frame(c, a, now);
    SDL_RenderPresent(cv->r);
    text_cache_end_frame(cv->tc);
}

/* The first text drawn in region that contains s (audit records keep 47
 * bytes of each run), or NULL. */
static inline const ui_text_rec *canvas_find(const canvas *cv, ui_region region, const char *s)
{
    for (int i = 0; i < cv->ctx.n_texts; i++)
        if (cv->ctx.texts[i].region == region && strstr(cv->ctx.texts[i].what, s))
            return &cv->ctx.texts[i];
    return NULL;
}

/* The first text drawn in region that starts with s, or NULL. */
static inline const ui_text_rec *canvas_find_start(const canvas *cv, ui_region region,
                                                   const char *s)
{
    for (int i = 0; i < cv->ctx.n_texts; i++)
        if (cv->ctx.texts[i].region == region && strncmp(cv->ctx.texts[i].what, s, strlen(s)) == 0)
            return &cv->ctx.texts[i];
    return NULL;
}

/* The pixel at x, y as 0xRRGGBB. */
static inline uint32_t canvas_pixel(const canvas *cv, int x, int y)
{
    const uint32_t *p = cv->surf->pixels;
    return p[(size_t)y * (size_t)(cv->surf->pitch / 4) + (size_t)x] & 0xFFFFFFu;
}

static inline uint32_t rgb(ui_rgba c)
{
    return (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b;
}

#endif
