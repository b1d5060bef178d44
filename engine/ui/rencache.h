/* rencache: a retained canvas under the immediate-mode screens, after the
 * render cache of rxi/lite. A frame's fills and text copies are recorded,
 * not drawn; each command is hashed into the cells of a grid over the
 * window, and only the cells whose hashes differ from the last frame's are
 * redrawn, into a target texture that keeps the rest. The frame shown is
 * then one copy of that texture. A countdown tick so redraws the header's
 * corner, a focus move the two rows it leaves and enters; nothing needs to
 * say what changed, so the screens stay immediate-mode and hold no state.
 *
 * Commands must be drawn 1:1 (text textures at their own size), which lets
 * a command be cut to a dirty rectangle exactly, without a clip rectangle. */
#ifndef RENCACHE_H
#define RENCACHE_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "theme.h"

typedef struct rencache rencache;

/* NULL when the renderer cannot draw into textures (then draw directly) or
 * out of memory. */
rencache *rencache_new(SDL_Renderer *r);
void rencache_free(rencache *rc);

/* Starts recording a frame of w x h output pixels over background bg. */
void rencache_begin(rencache *rc, int w, int h, ui_rgba bg);
/* Commands after this are cut to clip (NULL: the whole window). */
void rencache_clip(rencache *rc, const SDL_Rect *clip);
/* n (1-4) rectangles filled in one colour (blended when alpha < 255). */
void rencache_fill(rencache *rc, const SDL_Rect *rects, int n, ui_rgba col);
/* tex copied at its own size to x, y; key names its content (text, size,
 * colour), so that equal keys mean equal pixels. */
void rencache_copy(rencache *rc, SDL_Texture *tex, int x, int y, int w, int h, uint32_t key);
/* Redraws what changed into the canvas and copies the canvas to the
 * renderer's output (not presented). Returns the draw calls issued, or -1
 * when the frame could not be drawn (out of memory, no target texture):
 * then draw this frame directly. */
int rencache_end(rencache *rc);

/* The next frame redraws everything: the canvas' pixels were lost
 * (SDL_RENDER_TARGETS_RESET) or a cold frame is wanted (the benchmark). */
void rencache_invalidate(rencache *rc);
/* The renderer lost all its textures (SDL_RENDER_DEVICE_RESET): the canvas
 * is made again at the next frame. */
void rencache_device_reset(rencache *rc);

/* Cells redrawn by the last rencache_end, of how many. */
void rencache_last_counts(const rencache *rc, int *dirty_cells, int *cells);

#endif
