/* prefs: what the window remembers between starts (its last size and
 * position, whether it speaks, the time limits setting), in a small file
 * under the user's config folder, and where the window opens. No SDL: the geometry is a pure
 * function of what was saved and the screen's usable bounds.
 *
 * The file is $XDG_CONFIG_HOME/appraise/window.conf (or
 * ~/.config/appraise/window.conf): a line "appraise-window 1", then lines
 * "x y w h", "speak 0" or "speak 1", and "time_limits NAME" (normal,
 * double or off), each optional; a line not understood is skipped (a file
 * of an older version has only the first two). It is written whole to a temporary file and renamed
 * over the old one, so a crash leaves the old file or the new, never half of one. A file that is
 * missing, unreadable, foreign or damaged is ignored. */
#ifndef PREFS_H
#define PREFS_H

#include <stdbool.h>
#include <stddef.h>

#include "apperr.h"
#include "layout.h"
#include "time_limits.h"

typedef struct prefs {
    bool have_geom;
    ui_rect geom; /* the window's last position and size, in window pixels */
    bool have_speak;
    bool speak; /* self-voicing was on when the window closed */
    bool have_time_limits;
    time_limits time_limits;
} prefs;

/* The prefs file's path into buf; false when neither XDG_CONFIG_HOME nor
 * HOME is set (absolute), or it does not fit. */
bool prefs_path(char *buf, size_t size);

/* Reads path into p; p is left empty (every have_ false) when the file is
 * missing or not a prefs file of this version; a line holding a size that
 * is not a window's, a speak other than 0 or 1, or an unknown time limits
 * setting leaves that one out. Never fails. */
void prefs_read(const char *path, prefs *p);

/* Writes p to path atomically, making its folder (one level) when needed.
 * -1 with APPERR_ENV when it cannot. */
int prefs_write(const char *path, const prefs *p, apperr *e);

/* The smallest window the screens are laid out for. */
enum { PREFS_MIN_W = 480, PREFS_MIN_H = 360 };

/* Where the window opens in usable (the display's usable bounds): the
 * saved geometry kept within usable (made smaller when larger, moved in
 * when off it), else a default size (at most 1280x800, less a margin for
 * the window's frame) centred in usable. */
ui_rect prefs_window_geometry(const prefs *saved, ui_rect usable);

#endif
