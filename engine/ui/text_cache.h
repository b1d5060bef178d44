/* text_cache: fonts, rendered text and laid-out paragraphs, kept between
 * frames so that an unchanged screen costs a few texture copies. Textures
 * are keyed by text, pixel size, face and colour; paragraphs by text, size
 * and width. Entries unused for a while go when the cache grows past its
 * budget. */
#ifndef TEXT_CACHE_H
#define TEXT_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "apperr.h"
#include "layout.h"
#include "theme.h"

typedef struct text_cache text_cache;

/* Loads DejaVuSans.ttf and DejaVuSans-Bold.ttf from font_dir (TTF_Init must
 * have been called). APPERR_ENV naming the file when one cannot be read. */
text_cache *text_cache_new(SDL_Renderer *r, const char *font_dir, apperr *e);
void text_cache_free(text_cache *tc);

/* Width of len bytes of s at px in the regular or bold face. */
int text_cache_measure(text_cache *tc, int px, bool bold, const char *s, size_t len);
/* Line height at px. */
int text_cache_line_h(text_cache *tc, int px);
/* Metrics for layout.h at px (valid until text_cache_end_frame). */
void text_cache_metrics(text_cache *tc, int px, ui_text_metrics *m);

/* The texture of s (non-empty) at px in colour; NULL when it cannot be
 * rendered. w and h are its size. The texture stays the cache's. */
SDL_Texture *text_cache_texture(text_cache *tc, int px, bool bold, ui_rgba colour, const char *s,
                                int *w, int *h);

/* text wrapped to max_w at px (layout.h ui_wrap), cached; NULL when out of
 * memory. Valid until text_cache_end_frame. */
const ui_wrapped *text_cache_wrap(text_cache *tc, int px, const char *text, int max_w);

/* text wrapped to max_w at px (as text_cache_wrap) and drawn into one
 * texture in colour: one draw call for a whole paragraph. NULL when empty
 * or it cannot be rendered. */
SDL_Texture *text_cache_paragraph(text_cache *tc, int px, ui_rgba colour, const char *text,
                                  int max_w, int *w, int *h);

/* Forgets every texture (the renderer lost them: SDL_RENDER_DEVICE_RESET);
 * they are made again when next asked for. */
void text_cache_drop_textures(text_cache *tc);

/* Marks the end of a frame: entries not used lately may now be dropped. */
void text_cache_end_frame(text_cache *tc);

/* Entries held now, for tests and the benchmark. */
void text_cache_counts(const text_cache *tc, size_t *textures, size_t *wraps, size_t *faces);
/* Bytes of pixels the cached textures hold. */
size_t text_cache_bytes(const text_cache *tc);

#endif
