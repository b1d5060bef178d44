/* prefs: the remembered window geometry, speech and time limits, and where
 * the window opens. */
#include "prefs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PREFS_MAGIC "appraise-window 1"
#define PREFS_MAX_SIDE 100000 /* larger is not a window: the file is damaged */

bool prefs_path(char *buf, size_t size)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    int n;
    /* The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored. */
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, size, "%s/appraise/window.conf", xdg);
    else if (home && home[0] == '/')
        n = snprintf(buf, size, "%s/.config/appraise/window.conf", home);
    else
        return false;
    return n > 0 && (size_t)n < size;
}

/* "x y w h" of a window that could be on a screen. */
static bool geometry_line(const char *line, prefs *p)
{
    int x, y, w, h;
    char extra;
    if (sscanf(line, "%d %d %d %d %c", &x, &y, &w, &h, &extra) != 4 || w <= 0 || h <= 0 ||
        w > PREFS_MAX_SIDE || h > PREFS_MAX_SIDE || abs(x) > PREFS_MAX_SIDE ||
        abs(y) > PREFS_MAX_SIDE)
        return false;
    p->have_geom = true;
    p->geom = (ui_rect){x, y, w, h};
    return true;
}

/* "speak 0|1" or "time_limits NAME". */
static void setting_line(const char *line, prefs *p)
{
    char name[32], extra;
    int on;
    if (sscanf(line, "speak %d %c", &on, &extra) == 1 && (on == 0 || on == 1) &&
        strncmp(line, "speak ", 6) == 0) {
        p->have_speak = true;
        p->speak = on == 1;
    } else if (sscanf(line, "time_limits %31s %c", name, &extra) == 1 &&
               time_limits_parse(name, &p->time_limits))
        p->have_time_limits = true;
}

void prefs_read(const char *path, prefs *p)
{
    memset(p, 0, sizeof *p);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[128];
    if (fgets(line, sizeof line, f) && strcmp(line, PREFS_MAGIC "\n") == 0) {
        while (fgets(line, sizeof line, f))
            if (!geometry_line(line, p))
                setting_line(line, p);
    }
    fclose(f);
}

/* The folder holding path, made when missing (its parent must exist, or be
 * made the same way: ~/.config may not exist yet). */
static int make_parent(const char *path, int levels)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return 0;
    *slash = '\0';
    if (mkdir(dir, 0700) == 0 || errno == EEXIST)
        return 0;
    if (errno != ENOENT || levels <= 0 || make_parent(dir, levels - 1) != 0)
        return -1;
    return mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

int prefs_write(const char *path, const prefs *p, apperr *e)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    if (make_parent(path, 1) != 0) {
        apperr_set(e, APPERR_ENV, path, 0, "cannot make the folder for the window settings: %s",
                   strerror(errno));
        return -1;
    }
    FILE *f = fopen(tmp, "w");
    if (!f) {
        apperr_set(e, APPERR_ENV, tmp, 0, "cannot write the window settings: %s", strerror(errno));
        return -1;
    }
    fprintf(f, PREFS_MAGIC "\n");
    if (p->have_geom)
        fprintf(f, "%d %d %d %d\n", p->geom.x, p->geom.y, p->geom.w, p->geom.h);
    if (p->have_speak)
        fprintf(f, "speak %d\n", p->speak ? 1 : 0);
    if (p->have_time_limits)
        fprintf(f, "time_limits %s\n", time_limits_name(p->time_limits));
    bool ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        apperr_set(e, APPERR_ENV, path, 0, "cannot write the window settings: %s", strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}

/* v within lo..hi, lo winning when hi < lo (a screen smaller than the
 * smallest window: its top left corner stays on screen). */
static int clamp(int v, int lo, int hi)
{
    if (v > hi)
        v = hi;
    return v < lo ? lo : v;
}

ui_rect prefs_window_geometry(const prefs *saved, ui_rect usable)
{
    ui_rect r;
    if (saved && saved->have_geom) {
        r = saved->geom;
    } else {
        /* Room for the frame a window manager draws around the window. */
        r.w = usable.w - 32 < 1280 ? usable.w - 32 : 1280;
        r.h = usable.h - 48 < 800 ? usable.h - 48 : 800;
        r.x = usable.x + (usable.w - r.w) / 2;
        r.y = usable.y + (usable.h - r.h) / 2;
    }
    int max_w = usable.w > PREFS_MIN_W ? usable.w : PREFS_MIN_W;
    int max_h = usable.h > PREFS_MIN_H ? usable.h : PREFS_MIN_H;
    r.w = clamp(r.w, PREFS_MIN_W, max_w);
    r.h = clamp(r.h, PREFS_MIN_H, max_h);
    r.x = clamp(r.x, usable.x, usable.x + usable.w - r.w);
    r.y = clamp(r.y, usable.y, usable.y + usable.h - r.h);
    return r;
}
