/* text_cache: SDL_ttf fonts opened from the bundled files (read once into
 * memory, then opened at each pixel size the screen needs), textures of
 * rendered strings and wrapped paragraphs in two small hash tables. */
#include "text_cache.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_ttf.h>

#include "mem.h"

#define N_BUCKETS 1024
#define MAX_FACES 8
/* Budgets: beyond these, entries unused in the last frames are dropped. */
#define TEXTURE_BUDGET 1500
#define TEXTURE_BYTES_BUDGET (24u << 20) /* typing a rationale makes a texture a key */
#define WRAP_BUDGET 400
#define KEEP_FRAMES 2

typedef struct face {
    text_cache *tc;
    int px;
    TTF_Font *font[2]; /* regular, bold */
    unsigned long used;
} face;

typedef struct entry {
    struct entry *next;
    uint32_t hash;
    int px, max_w;
    bool bold;
    uint32_t colour;
    char *text;
    SDL_Texture *tex;
    int w, h;
    ui_wrapped wrap;
    unsigned long used;
} entry;

typedef struct table {
    entry *b[N_BUCKETS];
    size_t n;
    size_t bytes; /* pixels held by its textures, 4 bytes each */
} table;

struct text_cache {
    SDL_Renderer *r;
    void *file[2];
    size_t file_len[2];
    face faces[MAX_FACES];
    table textures, wraps;
    unsigned long frame;
    face none; /* measures without a font (a wide guess) when none opens */
};

static void *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n > 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n)) != NULL &&
            fread(buf, 1, (size_t)n, f) != (size_t)n) {
            free(buf);
            buf = NULL;
        }
        *len = n > 0 ? (size_t)n : 0;
    }
    fclose(f);
    return buf;
}

text_cache *text_cache_new(SDL_Renderer *r, const char *font_dir, apperr *e)
{
    static const char *const names[2] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
    text_cache *tc = calloc(1, sizeof *tc);
    if (!tc) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return NULL;
    }
    tc->r = r;
    for (int i = 0; i < 2; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", font_dir, names[i]);
        tc->file[i] = read_file(path, &tc->file_len[i]);
        if (!tc->file[i]) {
            apperr_set(e, APPERR_ENV, path, 0, "cannot read the window's font");
            text_cache_free(tc);
            return NULL;
        }
    }
    return tc;
}

static void entry_free(entry *en)
{
    if (en->tex)
        SDL_DestroyTexture(en->tex);
    ui_wrapped_free(&en->wrap);
    mem_free(en->text);
    free(en);
}

static void table_clear(table *t)
{
    for (size_t i = 0; i < N_BUCKETS; i++)
        while (t->b[i]) {
            entry *en = t->b[i];
            t->b[i] = en->next;
            entry_free(en);
        }
    t->n = 0;
    t->bytes = 0;
}

void text_cache_free(text_cache *tc)
{
    if (!tc)
        return;
    table_clear(&tc->textures);
    table_clear(&tc->wraps);
    for (int i = 0; i < MAX_FACES; i++)
        for (int k = 0; k < 2; k++)
            if (tc->faces[i].font[k])
                TTF_CloseFont(tc->faces[i].font[k]);
    free(tc->file[0]);
    free(tc->file[1]);
    free(tc);
}

/* ---- faces ---------------------------------------------------------------- */

static void face_close(face *f)
{
    for (int k = 0; k < 2; k++)
        if (f->font[k])
            TTF_CloseFont(f->font[k]);
    memset(f, 0, sizeof *f);
}

/* The face at px, opened when first asked for; the least recently used goes
 * when all slots are taken (text scale changes open new sizes). */
static face *get_face(text_cache *tc, int px)
{
    face *oldest = &tc->faces[0];
    for (int i = 0; i < MAX_FACES; i++) {
        face *f = &tc->faces[i];
        if (f->font[0] && f->px == px) {
            f->used = tc->frame;
            return f;
        }
        if (!f->font[0] || f->used < oldest->used)
            oldest = f;
    }
    face_close(oldest);
    for (int k = 0; k < 2; k++) {
        SDL_RWops *rw = SDL_RWFromConstMem(tc->file[k], (int)tc->file_len[k]);
        oldest->font[k] = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
        if (!oldest->font[k]) {
            face_close(oldest);
            return NULL;
        }
    }
    oldest->tc = tc;
    oldest->px = px;
    oldest->used = tc->frame;
    return oldest;
}

int text_cache_measure(text_cache *tc, int px, bool bold, const char *s, size_t len)
{
    face *f = get_face(tc, px);
    char small[512];
    char *buf = len < sizeof small ? small : malloc(len + 1);
    int w = 0;
    if (!f || !buf)
        return (int)len * px; /* no font: a wide guess keeps layout safe */
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (TTF_SizeUTF8(f->font[bold ? 1 : 0], buf, &w, NULL) != 0)
        w = (int)len * px;
    if (buf != small)
        free(buf);
    return w;
}

int text_cache_line_h(text_cache *tc, int px)
{
    face *f = get_face(tc, px);
    int h = f ? TTF_FontLineSkip(f->font[0]) : px * 5 / 4;
    return h > px ? h : px;
}

static int measure_thunk(void *ctx, const char *text, size_t len, bool bold)
{
    face *f = ctx;
    return text_cache_measure(f->tc, f->px, bold, text, len);
}

void text_cache_metrics(text_cache *tc, int px, ui_text_metrics *m)
{
    face *f = get_face(tc, px);
    m->measure = measure_thunk;
    m->ctx = f;
    m->line_h = text_cache_line_h(tc, px);
    m->para_gap = m->line_h / 2;
    if (!f) {
        tc->none.tc = tc;
        tc->none.px = px;
        m->ctx = &tc->none;
    }
}

/* ---- tables --------------------------------------------------------------- */

/* What an entry holds the texture or the wrap of. */
typedef struct key {
    const char *text;
    int px, max_w; /* max_w: 0 for a texture of one line */
    bool bold;
    uint32_t colour;
    uint32_t hash;
} key;

static key make_key(const char *text, int px, int max_w, bool bold, uint32_t colour)
{
    uint32_t h = 0x811c9dc5u;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        h = (h ^ *p) * 0x01000193u;
    uint32_t extra[4] = {(uint32_t)px, (uint32_t)max_w, bold, colour};
    for (int i = 0; i < 4; i++)
        h = (h ^ extra[i]) * 0x01000193u;
    return (key){text, px, max_w, bold, colour, h};
}

static entry *table_find(table *t, const key *k)
{
    for (entry *en = t->b[k->hash % N_BUCKETS]; en; en = en->next)
        if (en->hash == k->hash && en->px == k->px && en->max_w == k->max_w &&
            en->bold == k->bold && en->colour == k->colour && strcmp(en->text, k->text) == 0)
            return en;
    return NULL;
}

static entry *table_add(table *t, const key *k)
{
    entry *en = calloc(1, sizeof *en);
    if (en)
        en->text = mem_strdup(k->text);
    if (!en || !en->text) {
        free(en);
        return NULL;
    }
    en->hash = k->hash;
    en->px = k->px;
    en->max_w = k->max_w;
    en->bold = k->bold;
    en->colour = k->colour;
    en->next = t->b[k->hash % N_BUCKETS];
    t->b[k->hash % N_BUCKETS] = en;
    t->n++;
    return en;
}

/* Drops entries not used in the last KEEP_FRAMES frames. */
static void table_trim(table *t, unsigned long frame)
{
    for (size_t i = 0; i < N_BUCKETS; i++) {
        entry **link = &t->b[i];
        while (*link) {
            entry *en = *link;
            if (en->used + KEEP_FRAMES < frame) {
                *link = en->next;
                t->bytes -= (size_t)en->w * (size_t)en->h * 4;
                entry_free(en);
                t->n--;
            } else {
                link = &en->next;
            }
        }
    }
}

static uint32_t pack(ui_rgba c)
{
    return (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a;
}

/* A new texture entry for k, uploaded from surf (freed here); NULL when
 * either cannot be made. */
static entry *add_texture(text_cache *tc, const key *k, SDL_Surface *surf)
{
    SDL_Texture *tex = SDL_CreateTextureFromSurface(tc->r, surf);
    int sw = surf->w, sh = surf->h;
    SDL_FreeSurface(surf);
    entry *en = tex ? table_add(&tc->textures, k) : NULL;
    if (!en) {
        if (tex)
            SDL_DestroyTexture(tex);
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    en->tex = tex;
    en->w = sw;
    en->h = sh;
    tc->textures.bytes += (size_t)sw * (size_t)sh * 4;
    return en;
}

/* en's texture and its size, marked as used this frame; NULL for no en. */
static SDL_Texture *use_texture(text_cache *tc, entry *en, int *w, int *h)
{
    if (!en)
        return NULL;
    en->used = tc->frame;
    *w = en->w;
    *h = en->h;
    return en->tex;
}

SDL_Texture *text_cache_texture(text_cache *tc, int px, bool bold, ui_rgba colour, const char *s,
                                int *w, int *h)
{
    key k = make_key(s, px, 0, bold, pack(colour));
    entry *en = table_find(&tc->textures, &k);
    if (!en) {
        face *f = get_face(tc, px);
        SDL_Color c = {colour.r, colour.g, colour.b, colour.a};
        SDL_Surface *surf = f && s[0] ? TTF_RenderUTF8_Blended(f->font[bold], s, c) : NULL;
        en = surf ? add_texture(tc, &k, surf) : NULL;
    }
    return use_texture(tc, en, w, h);
}

/* Each run of the paragraph rendered and copied (not blended) into place:
 * runs do not overlap, and copying keeps the glyphs' own alpha. */
static SDL_Surface *paragraph_surface(text_cache *tc, int px, ui_rgba colour, const ui_wrapped *wr)
{
    face *f = get_face(tc, px);
    if (!f || wr->w <= 0 || wr->h <= 0)
        return NULL;
    SDL_Surface *out =
        SDL_CreateRGBSurfaceWithFormat(0, wr->w, wr->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out)
        return NULL;
    SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, colour.r, colour.g, colour.b, 0));
    int lh = text_cache_line_h(tc, px);
    SDL_Color c = {colour.r, colour.g, colour.b, colour.a};
    for (size_t i = 0; i < wr->n_segs; i++) {
        const ui_seg *sg = &wr->segs[i];
        const char *str = wr->buf + sg->off;
        if (strspn(str, " ") == strlen(str))
            continue;
        SDL_Surface *s = TTF_RenderUTF8_Blended(f->font[sg->bold], str, c);
        if (!s)
            continue;
        SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_NONE);
        SDL_Rect dst = {sg->x, sg->y + (lh - s->h) / 2, s->w, s->h};
        SDL_BlitSurface(s, NULL, out, &dst);
        SDL_FreeSurface(s);
    }
    return out;
}

SDL_Texture *text_cache_paragraph(text_cache *tc, int px, ui_rgba colour, const char *text,
                                  int max_w, int *w, int *h)
{
    key k = make_key(text, px, max_w, false, pack(colour));
    entry *en = table_find(&tc->textures, &k);
    if (!en) {
        const ui_wrapped *wr = text_cache_wrap(tc, px, text, max_w);
        SDL_Surface *surf = wr ? paragraph_surface(tc, px, colour, wr) : NULL;
        en = surf ? add_texture(tc, &k, surf) : NULL;
    }
    return use_texture(tc, en, w, h);
}

const ui_wrapped *text_cache_wrap(text_cache *tc, int px, const char *text, int max_w)
{
    key k = make_key(text, px, max_w, false, 0);
    entry *en = table_find(&tc->wraps, &k);
    if (!en) {
        ui_text_metrics m;
        text_cache_metrics(tc, px, &m);
        en = table_add(&tc->wraps, &k);
        if (!en)
            return NULL;
        if (ui_wrap(&en->wrap, text, max_w, &m) != 0) {
            en->used = 0; /* dropped at the next trim */
            return NULL;
        }
    }
    en->used = tc->frame;
    return &en->wrap;
}

void text_cache_drop_textures(text_cache *tc)
{
    table_clear(&tc->textures);
}

void text_cache_end_frame(text_cache *tc)
{
    tc->frame++;
    if (tc->textures.n > TEXTURE_BUDGET || tc->textures.bytes > TEXTURE_BYTES_BUDGET)
        table_trim(&tc->textures, tc->frame);
    if (tc->wraps.n > WRAP_BUDGET)
        table_trim(&tc->wraps, tc->frame);
}

void text_cache_counts(const text_cache *tc, size_t *textures, size_t *wraps, size_t *faces)
{
    size_t nf = 0;
    for (int i = 0; i < MAX_FACES; i++)
        nf += tc->faces[i].font[0] != NULL;
    if (textures)
        *textures = tc->textures.n;
    if (wraps)
        *wraps = tc->wraps.n;
    if (faces)
        *faces = nf;
}

size_t text_cache_bytes(const text_cache *tc)
{
    return tc->textures.bytes;
}
