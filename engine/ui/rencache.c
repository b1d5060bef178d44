/* rencache: recorded commands, cell hashes and a target texture. */
#include "rencache.h"

#include <string.h>

#include "mem.h"

/* Cells of 96 output pixels: 20 x 12 at 1920 x 1080. Smaller cells redraw
 * less around a change but cost more hashing; lite uses the same size. */
#define CELL 96

typedef enum rc_kind { RC_FILL, RC_COPY } rc_kind;

typedef struct rc_cmd {
    rc_kind kind;
    int n;
    SDL_Rect rect[4]; /* fill: already cut to the clip; copy: rect[0] is dst */
    SDL_Rect cut;     /* copy: dst cut to the clip */
    SDL_Rect bounds;
    ui_rgba col;
    SDL_Texture *tex;
    uint32_t hash;
} rc_cmd;

struct rencache {
    SDL_Renderer *r;
    SDL_Texture *canvas;
    int canvas_w, canvas_h;
    int w, h;
    ui_rgba bg;
    SDL_Rect clip;
    rc_cmd *cmds;
    size_t n, cap;
    bool lost; /* a command could not be recorded this frame */
    uint32_t *prev, *cur;
    int cols, rows;
    bool all_dirty;
    SDL_Rect *dirty;
    int n_dirty;
    int dirty_cells;
};

rencache *rencache_new(SDL_Renderer *r)
{
    if (!SDL_RenderTargetSupported(r))
        return NULL;
    rencache *rc = mem_calloc(1, sizeof *rc);
    if (!rc)
        return NULL;
    rc->r = r;
    rc->all_dirty = true;
    return rc;
}

static void free_grid(rencache *rc)
{
    mem_free(rc->prev);
    mem_free(rc->cur);
    mem_free(rc->dirty);
    rc->prev = rc->cur = NULL;
    rc->dirty = NULL;
    rc->cols = rc->rows = 0;
}

void rencache_free(rencache *rc)
{
    if (!rc)
        return;
    if (rc->canvas)
        SDL_DestroyTexture(rc->canvas);
    free_grid(rc);
    mem_free(rc->cmds);
    mem_free(rc);
}

void rencache_invalidate(rencache *rc)
{
    rc->all_dirty = true;
}

void rencache_device_reset(rencache *rc)
{
    if (rc->canvas)
        SDL_DestroyTexture(rc->canvas);
    rc->canvas = NULL;
    rc->all_dirty = true;
}

void rencache_last_counts(const rencache *rc, int *dirty_cells, int *cells)
{
    if (dirty_cells)
        *dirty_cells = rc->dirty_cells;
    if (cells)
        *cells = rc->cols * rc->rows;
}

/* ---- recording ---------------------------------------------------------------- */

static uint32_t mix(uint32_t h, uint32_t v)
{
    for (int i = 0; i < 4; i++, v >>= 8)
        h = (h ^ (v & 0xFFu)) * 0x01000193u;
    return h;
}

static uint32_t mix_rect(uint32_t h, SDL_Rect r)
{
    return mix(mix(mix(mix(h, (uint32_t)r.x), (uint32_t)r.y), (uint32_t)r.w), (uint32_t)r.h);
}

static uint32_t pack(ui_rgba c)
{
    return (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a;
}

void rencache_begin(rencache *rc, int w, int h, ui_rgba bg)
{
    rc->w = w;
    rc->h = h;
    rc->bg = bg;
    rc->n = 0;
    rc->lost = false;
    rencache_clip(rc, NULL);
}

void rencache_clip(rencache *rc, const SDL_Rect *clip)
{
    SDL_Rect all = {0, 0, rc->w, rc->h};
    if (!clip || !SDL_IntersectRect(clip, &all, &rc->clip))
        rc->clip = clip ? (SDL_Rect){0, 0, 0, 0} : all;
}

static rc_cmd *push(rencache *rc)
{
    rc_cmd *cmds = mem_grow(rc->cmds, &rc->cap, rc->n + 1, sizeof *cmds);
    if (!cmds) {
        rc->lost = true;
        return NULL;
    }
    rc->cmds = cmds;
    return &rc->cmds[rc->n++];
}

void rencache_fill(rencache *rc, const SDL_Rect *rects, int n, ui_rgba col)
{
    rc_cmd cmd = {.kind = RC_FILL, .col = col};
    cmd.hash = mix(0x811c9dc5u ^ RC_FILL, pack(col));
    for (int i = 0; i < n && i < 4; i++) {
        SDL_Rect cut;
        if (!SDL_IntersectRect(&rects[i], &rc->clip, &cut))
            continue;
        cmd.rect[cmd.n++] = cut;
        cmd.hash = mix_rect(cmd.hash, cut);
        if (cmd.n == 1)
            cmd.bounds = cut;
        else
            SDL_UnionRect(&cmd.bounds, &cut, &cmd.bounds);
    }
    if (cmd.n == 0)
        return;
    rc_cmd *slot = push(rc);
    if (slot)
        *slot = cmd;
}

void rencache_copy(rencache *rc, SDL_Texture *tex, int x, int y, int w, int h, uint32_t key)
{
    rc_cmd cmd = {.kind = RC_COPY, .tex = tex, .n = 1};
    cmd.rect[0] = (SDL_Rect){x, y, w, h};
    if (!SDL_IntersectRect(&cmd.rect[0], &rc->clip, &cmd.cut))
        return;
    cmd.bounds = cmd.cut;
    cmd.hash = mix_rect(mix_rect(mix(0x811c9dc5u ^ RC_COPY, key), cmd.rect[0]), cmd.cut);
    rc_cmd *slot = push(rc);
    if (slot)
        *slot = cmd;
}

/* ---- redrawing ------------------------------------------------------------------ */

/* The grid and the canvas for the frame's size; a new one redraws all. */
static int fit(rencache *rc)
{
    int cols = (rc->w + CELL - 1) / CELL, rows = (rc->h + CELL - 1) / CELL;
    if (cols != rc->cols || rows != rc->rows || !rc->prev) {
        free_grid(rc);
        size_t n = (size_t)cols * (size_t)rows;
        rc->prev = mem_calloc(n, sizeof *rc->prev);
        rc->cur = mem_calloc(n, sizeof *rc->cur);
        rc->dirty = mem_calloc(n, sizeof *rc->dirty);
        if (!rc->prev || !rc->cur || !rc->dirty) {
            free_grid(rc);
            return -1;
        }
        rc->cols = cols;
        rc->rows = rows;
        rc->all_dirty = true;
    }
    if (!rc->canvas || rc->canvas_w != rc->w || rc->canvas_h != rc->h) {
        if (rc->canvas)
            SDL_DestroyTexture(rc->canvas);
        rc->canvas = SDL_CreateTexture(rc->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                       rc->w, rc->h);
        if (!rc->canvas)
            return -1;
        SDL_SetTextureBlendMode(rc->canvas, SDL_BLENDMODE_NONE);
        rc->canvas_w = rc->w;
        rc->canvas_h = rc->h;
        rc->all_dirty = true;
    }
    return 0;
}

static void hash_cells(rencache *rc)
{
    uint32_t seed = mix(0x811c9dc5u, pack(rc->bg));
    for (int i = 0; i < rc->cols * rc->rows; i++)
        rc->cur[i] = seed;
    for (size_t k = 0; k < rc->n; k++) {
        const SDL_Rect *b = &rc->cmds[k].bounds;
        int x0 = b->x / CELL, x1 = (b->x + b->w - 1) / CELL;
        int y0 = b->y / CELL, y1 = (b->y + b->h - 1) / CELL;
        for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++)
                rc->cur[y * rc->cols + x] = mix(rc->cur[y * rc->cols + x], rc->cmds[k].hash);
    }
}

/* Runs of changed cells in a row become rectangles; a run under one of the
 * same columns in the row above extends it. */
static void dirty_rects(rencache *rc)
{
    rc->n_dirty = 0;
    rc->dirty_cells = 0;
    for (int y = 0; y < rc->rows; y++) {
        for (int x = 0; x < rc->cols;) {
            int i = y * rc->cols + x;
            if (!rc->all_dirty && rc->cur[i] == rc->prev[i]) {
                x++;
                continue;
            }
            int x0 = x;
            while (x < rc->cols &&
                   (rc->all_dirty || rc->cur[y * rc->cols + x] != rc->prev[y * rc->cols + x]))
                x++;
            rc->dirty_cells += x - x0;
            SDL_Rect r = {x0 * CELL, y * CELL, (x - x0) * CELL, CELL};
            bool merged = false;
            for (int k = 0; k < rc->n_dirty && !merged; k++) {
                SDL_Rect *d = &rc->dirty[k];
                if (d->x == r.x && d->w == r.w && d->y + d->h == r.y) {
                    d->h += CELL;
                    merged = true;
                }
            }
            if (!merged)
                rc->dirty[rc->n_dirty++] = r;
        }
    }
}

static int redraw_rect(rencache *rc, SDL_Rect d)
{
    int calls = 1;
    SDL_Rect all = {0, 0, rc->w, rc->h};
    SDL_IntersectRect(&d, &all, &d);
    SDL_SetRenderDrawBlendMode(rc->r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(rc->r, rc->bg.r, rc->bg.g, rc->bg.b, 255);
    SDL_RenderFillRect(rc->r, &d);
    for (size_t k = 0; k < rc->n; k++) {
        const rc_cmd *c = &rc->cmds[k];
        SDL_Rect part;
        if (!SDL_HasIntersection(&c->bounds, &d))
            continue;
        if (c->kind == RC_COPY) {
            SDL_IntersectRect(&c->cut, &d, &part);
            SDL_Rect src = {part.x - c->rect[0].x, part.y - c->rect[0].y, part.w, part.h};
            SDL_RenderCopy(rc->r, c->tex, &src, &part);
            calls++;
            continue;
        }
        SDL_Rect parts[4];
        int n = 0;
        for (int i = 0; i < c->n; i++)
            if (SDL_IntersectRect(&c->rect[i], &d, &parts[n]))
                n++;
        SDL_SetRenderDrawColor(rc->r, c->col.r, c->col.g, c->col.b, c->col.a);
        SDL_SetRenderDrawBlendMode(rc->r,
                                   c->col.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
        SDL_RenderFillRects(rc->r, parts, n);
        calls++;
    }
    return calls;
}

int rencache_end(rencache *rc)
{
    if (rc->w <= 0 || rc->h <= 0)
        return 0;
    if (rc->lost || fit(rc) != 0) {
        rc->all_dirty = true;
        return -1;
    }
    hash_cells(rc);
    dirty_rects(rc);
    if (SDL_SetRenderTarget(rc->r, rc->canvas) != 0) {
        rc->all_dirty = true;
        return -1;
    }
    int calls = 1;
    for (int k = 0; k < rc->n_dirty; k++)
        calls += redraw_rect(rc, rc->dirty[k]);
    SDL_SetRenderTarget(rc->r, NULL);
    SDL_RenderCopy(rc->r, rc->canvas, NULL, NULL);
    uint32_t *t = rc->prev;
    rc->prev = rc->cur;
    rc->cur = t;
    rc->all_dirty = false;
    return calls;
}
