/* image: decoding a case's images with SDL2_image, and the window's cache
 * of them (image.h). */
#include "image.h"

#include <stdio.h>
#include <string.h>

#include <SDL_image.h>

#include "case_image.h"
#include "mem.h"

/* ---- decoding ------------------------------------------------------------------ */

SDL_Surface *ui_image_decode(const char *case_file, const case_image *im, apperr *e)
{
    case_image_data d;
    if (case_image_read(case_file, im, &d, e) != 0)
        return NULL;
    SDL_RWops *rw = SDL_RWFromConstMem(d.bytes, (int)d.len);
    SDL_Surface *raw = NULL;
    if (rw)
        raw = d.kind == CASE_IMAGE_PNG ? IMG_LoadPNG_RW(rw) : IMG_LoadJPG_RW(rw);
    if (rw)
        SDL_RWclose(rw);
    SDL_Surface *s = raw ? SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    if (!raw)
        case_image_fail(e, case_file, im,
                        "the %s cannot be decoded (%s): the file may be cut short or damaged; "
                        "save the image again",
                        d.kind == CASE_IMAGE_PNG ? "PNG" : "JPEG", IMG_GetError());
    else if (!s)
        apperr_set(e, APPERR_ENV, case_file, im->line, "cannot convert image \"%s\": %s", im->file,
                   SDL_GetError());
    else if (s->w != d.width || s->h != d.height) {
        case_image_fail(e, case_file, im,
                        "its header says %d x %d pixels, but it decodes to %d x %d: save the "
                        "image again",
                        d.width, d.height, s->w, s->h);
        SDL_FreeSurface(s);
        s = NULL;
    }
    SDL_FreeSurface(raw);
    case_image_data_free(&d);
    return s;
}

int ui_image_check(const char *case_file, const case_image *im, apperr *e)
{
    SDL_Surface *s = ui_image_decode(case_file, im, e);
    SDL_FreeSurface(s);
    return s ? 0 : -1;
}

void ui_image_fit(int iw, int ih, int max_w, int max_h, double most, int *w, int *h)
{
    double k = most;
    if (iw > 0 && (double)max_w / iw < k)
        k = (double)max_w / iw;
    if (ih > 0 && (double)max_h / ih < k)
        k = (double)max_h / ih;
    *w = (int)(iw * k);
    *h = (int)(ih * k);
    *w = *w < 1 ? 1 : *w;
    *h = *h < 1 ? 1 : *h;
}

/* src scaled to w x h: each pixel the average of the source pixels it
 * covers when smaller (thin lines of an ECG stay visible), bilinear when
 * larger. ARGB8888 in and out. */
static SDL_Surface *scaled(SDL_Surface *src, int w, int h)
{
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!dst)
        return NULL;
    if (w >= src->w || h >= src->h) {
        if (SDL_SoftStretchLinear(src, NULL, dst, NULL) != 0 &&
            SDL_BlitScaled(src, NULL, dst, NULL) != 0) {
            SDL_FreeSurface(dst);
            return NULL;
        }
        return dst;
    }
    for (int y = 0; y < h; y++) {
        int y0 = (int)((long long)y * src->h / h), y1 = (int)((long long)(y + 1) * src->h / h);
        y1 = y1 > y0 ? y1 : y0 + 1;
        Uint32 *out = (Uint32 *)((Uint8 *)dst->pixels + (size_t)y * dst->pitch);
        for (int x = 0; x < w; x++) {
            int x0 = (int)((long long)x * src->w / w), x1 = (int)((long long)(x + 1) * src->w / w);
            x1 = x1 > x0 ? x1 : x0 + 1;
            unsigned long sum[4] = {0, 0, 0, 0}, n = 0;
            for (int sy = y0; sy < y1; sy++) {
                const Uint32 *row =
                    (const Uint32 *)((const Uint8 *)src->pixels + (size_t)sy * src->pitch);
                for (int sx = x0; sx < x1; sx++, n++)
                    for (int ch = 0; ch < 4; ch++)
                        sum[ch] += (row[sx] >> (8 * ch)) & 0xFF;
            }
            Uint32 p = 0;
            for (int ch = 0; ch < 4; ch++)
                p |= (Uint32)((sum[ch] + n / 2) / n) << (8 * ch);
            out[x] = p;
        }
    }
    return dst;
}

/* ---- the cache ----------------------------------------------------------------- */

#define CACHE_IMAGES 16
#define SIZES 2 /* textures kept per image: the panel's and the full view's */

typedef struct sized {
    SDL_Texture *tex;
    int w, h;
    unsigned long used;
} sized;

typedef struct entry {
    char *key; /* case file, a newline, the image's file */
    SDL_Surface *surf;
    char why[1100]; /* when it cannot be shown */
    sized tex[SIZES];
    unsigned long used;
} entry;

struct ui_images {
    SDL_Renderer *r;
    entry e[CACHE_IMAGES];
    unsigned long clock;
};

ui_images *ui_images_new(SDL_Renderer *r)
{
    ui_images *ims = mem_calloc(1, sizeof *ims);
    if (ims)
        ims->r = r;
    return ims;
}

static void drop_textures(entry *en)
{
    for (int i = 0; i < SIZES; i++) {
        if (en->tex[i].tex)
            SDL_DestroyTexture(en->tex[i].tex);
        memset(&en->tex[i], 0, sizeof en->tex[i]);
    }
}

static void entry_free(entry *en)
{
    drop_textures(en);
    SDL_FreeSurface(en->surf);
    mem_free(en->key);
    memset(en, 0, sizeof *en);
}

void ui_images_free(ui_images *ims)
{
    if (!ims)
        return;
    for (int i = 0; i < CACHE_IMAGES; i++)
        entry_free(&ims->e[i]);
    mem_free(ims);
}

void ui_images_drop_textures(ui_images *ims)
{
    for (int i = 0; ims && i < CACHE_IMAGES; i++)
        for (int k = 0; k < SIZES; k++)
            memset(&ims->e[i].tex[k], 0, sizeof ims->e[i].tex[k]); /* gone with the device */
}

/* The entry of the image, decoded on first use (the least used one makes
 * room); NULL when out of memory. */
static entry *find(ui_images *ims, const char *case_file, const case_image *im)
{
    size_t n = strlen(case_file) + strlen(im->file) + 2;
    char *key = mem_malloc(n);
    if (!key)
        return NULL;
    snprintf(key, n, "%s\n%s", case_file, im->file);
    entry *lru = &ims->e[0];
    for (int i = 0; i < CACHE_IMAGES; i++) {
        entry *en = &ims->e[i];
        if (en->key && strcmp(en->key, key) == 0) {
            mem_free(key);
            en->used = ++ims->clock;
            return en;
        }
        if (!en->key || (lru->key && en->used < lru->used))
            lru = en;
    }
    entry_free(lru);
    lru->key = key;
    lru->used = ++ims->clock;
    apperr e;
    apperr_clear(&e);
    lru->surf = ui_image_decode(case_file, im, &e);
    if (!lru->surf) /* for the trainee: the reason, not the file and line */
        snprintf(lru->why, sizeof lru->why, "%s", e.msg);
    return lru;
}

bool ui_images_size(ui_images *ims, const char *case_file, const case_image *im, int *w, int *h,
                    const char **why)
{
    entry *en = ims && im->file ? find(ims, case_file, im) : NULL;
    *w = *h = 0;
    *why = en ? en->why : "out of memory";
    if (!en || !en->surf)
        return false;
    *w = en->surf->w;
    *h = en->surf->h;
    return true;
}

static uint32_t pixels_key(const char *key, int w, int h)
{
    uint32_t x = 0x811c9dc5u;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        x = (x ^ *p) * 0x01000193u;
    x = (x ^ (uint32_t)w) * 0x01000193u;
    return (x ^ (uint32_t)h) * 0x01000193u;
}

SDL_Texture *ui_images_texture(ui_images *ims, const char *case_file, const case_image *im, int w,
                               int h, uint32_t *key)
{
    entry *en = ims && im->file ? find(ims, case_file, im) : NULL;
    if (!en || !en->surf || w <= 0 || h <= 0)
        return NULL;
    *key = pixels_key(en->key, w, h);
    sized *slot = &en->tex[0];
    for (int i = 0; i < SIZES; i++) {
        sized *t = &en->tex[i];
        if (t->tex && t->w == w && t->h == h) {
            t->used = ++ims->clock;
            return t->tex;
        }
        if (!t->tex || (slot->tex && t->used < slot->used))
            slot = t;
    }
    if (slot->tex)
        SDL_DestroyTexture(slot->tex);
    memset(slot, 0, sizeof *slot);
    SDL_Surface *s = w == en->surf->w && h == en->surf->h ? en->surf : scaled(en->surf, w, h);
    if (!s)
        return NULL;
    slot->tex = SDL_CreateTextureFromSurface(ims->r, s);
    if (s != en->surf)
        SDL_FreeSurface(s);
    if (!slot->tex)
        return NULL;
    slot->w = w;
    slot->h = h;
    slot->used = ++ims->clock;
    return slot->tex;
}
