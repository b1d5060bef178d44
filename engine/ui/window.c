/* window: SDL2 set-up, input mapping (cli.md "Keyboard") and the loop. */
#include "window.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "announce.h"
#include "app_preview.h"
#include "draw.h"
#include "format.h"
#include "image.h"
#include "mem.h"
#include "prefs.h"
#include "rencache.h"
#include "screens.h"
#include "text_cache.h"
#include "theme.h"
#include "voicing.h"

typedef struct win {
    SDL_Window *w;
    SDL_Renderer *r;
    text_cache *tc;
    ui_images *images;
    rencache *rc; /* NULL: every frame drawn in full, straight to the window */
    ui_ctx ctx;
    app *a;
    bool fullscreen;
    int64_t skew;   /* added to the clock: the benchmark's countdown ticks */
    int last_calls; /* draw calls the renderer was given in the last frame */
    /* Keys handled (not counting modifiers or repeats), shown in the title
     * when APPRAISE_UI_TITLE_KEYS=1, so that a test driving the window
     * sends each key once the one before has been acted on. */
    bool title_keys;
    long keys, keys_titled;
    bool ending_enter; /* Enter went down on the ending screen: it acts when let go */
    voicing voice;     /* self-voicing (V): what changed, said after each frame */
    int64_t countdown_at; /* when the countdown's text changes next; -1: none runs */
} win;

static int64_t now_ms(void)
{
    return (int64_t)SDL_GetTicks64();
}

static void draw_direct(win *w)
{
    ui_ctx *c = &w->ctx;
    c->rc = NULL;
    SDL_SetRenderDrawColor(w->r, c->th->bg.r, c->th->bg.g, c->th->bg.b, 255);
    SDL_RenderClear(w->r);
    screens_frame(c, w->a, now_ms() + w->skew);
    w->last_calls = c->draw_calls + 1;
}

/* The screen recorded, and only the cells that changed since the last frame
 * redrawn (rencache.h); a frame the cache cannot draw is drawn directly. */
static void draw_cached(win *w)
{
    ui_ctx *c = &w->ctx;
    c->rc = w->rc;
    rencache_begin(w->rc, c->w, c->h, c->th->bg);
    screens_frame(c, w->a, now_ms() + w->skew);
    c->rc = NULL;
    w->last_calls = rencache_end(w->rc);
    if (w->last_calls < 0) { /* its texts are in the draw log already */
        draw_log *log = c->log;
        c->log = NULL;
        draw_direct(w);
        c->log = log;
    }
}

/* Draws the screen; returns the ms spent laying out and issuing the draw
 * calls, before the renderer rasterises and presents them. */
static double frame(win *w)
{
    int ow, oh, ww, wh;
    SDL_GetRendererOutputSize(w->r, &ow, &oh);
    SDL_GetWindowSize(w->w, &ww, &wh);
    ui_ctx *c = &w->ctx;
    c->w = ow;
    c->h = oh;
    c->density = ww > 0 ? (double)ow / ww : 1.0;
    ui_ctx_metrics(c);
    uint64_t t0 = SDL_GetPerformanceCounter();
    if (w->rc)
        draw_cached(w);
    else
        draw_direct(w);
    double ms =
        (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
    SDL_RenderPresent(w->r);
    text_cache_end_frame(w->tc);
    draw_log_frame_end(c->log);
    return ms;
}

/* ---- input ------------------------------------------------------------------- */

static bool run(win *w, ui_cmd cmd)
{
    return cmd.kind != CMD_NONE && app_command(w->a, cmd, now_ms());
}

static bool move_focus(win *w, int dir)
{
    int n = 0, cur = ui_focus_index(&w->ctx, w->a->focus, &n);
    int next = ui_focus_move(cur, n, dir);
    if (next < 0)
        return false;
    w->a->focus = ui_focus_at(&w->ctx, next);
    return true;
}

/* Whether the focused command is on screen now (a stale focus is ignored). */
static bool focus_live(win *w)
{
    return w->a->focus.kind != CMD_NONE && ui_focus_index(&w->ctx, w->a->focus, NULL) >= 0;
}

static bool enter(win *w)
{
    app *a = w->a;
    /* In the leave dialog Enter presses the focused button: Stay unless
     * the trainee moved to Leave. */
    if (!focus_live(w) || a->focus.kind == CMD_FIELD)
        return run(w, (ui_cmd){CMD_COMMIT, 0});
    ui_cmd f = a->focus;
    if (f.kind == CMD_PICK) {
        run(w, f);
        return run(w, (ui_cmd){CMD_COMMIT, 0}) || true;
    }
    return run(w, f);
}

static bool scroll_by(win *w, int dy)
{
    int before = w->ctx.scroll;
    w->ctx.scroll = ui_scroll_clamp(before + dy, w->ctx.content_h, w->ctx.view.h);
    return w->ctx.scroll != before;
}

static bool set_scale(win *w, int percent)
{
    int before = w->ctx.scale;
    w->ctx.scale = ui_scale_clamp(percent);
    w->ctx.refocus = true;
    return w->ctx.scale != before;
}

/* ---- self-voicing and the clipboard ---------------------------------------------- */

static void voice_toggle(win *w)
{
    voicing_set(&w->voice, w->a, !w->voice.on, app_time_left(w->a, now_ms()));
}

/* After a frame: what changed is said, and the trainee is told once, at
 * the foot of the screen, when speech is unavailable. */
static bool voice_after_frame(win *w)
{
    voicing_update(&w->voice, w->a, app_time_left(w->a, now_ms()));
    const char *why = voicing_take_unavailable(&w->voice);
    if (!why)
        return false;
    snprintf(w->a->notice, sizeof w->a->notice, "%s", why);
    /* Seen already: not news for the voice, which cannot say it anyway. */
    snprintf(w->voice.notice, sizeof w->voice.notice, "%s", w->a->notice);
    return true;
}

/* Ctrl+Shift+C: the screen's text on the clipboard (announce_copy). */
static bool copy_screen(win *w)
{
    char *text = announce_copy(w->a);
    bool ok = text && SDL_SetClipboardText(text) == 0;
    mem_free(text);
    snprintf(w->a->notice, sizeof w->a->notice, "%s",
             ok ? "The screen's text is on the clipboard." : "Could not copy the screen's text.");
    voicing_say(&w->voice, w->a->notice);
    snprintf(w->voice.notice, sizeof w->voice.notice, "%s", w->a->notice);
    return true;
}

static bool global_key(win *w, SDL_Keycode k, bool ctrl, bool shift)
{
    if (ctrl && shift && k == SDLK_v) {
        voice_toggle(w);
        return true;
    }
    if (ctrl && shift && k == SDLK_c)
        return copy_screen(w);
    if (ctrl && !shift && k == SDLK_r) {
        voicing_repeat(&w->voice);
        return false;
    }
    if (ctrl && (k == SDLK_EQUALS || k == SDLK_PLUS || k == SDLK_KP_PLUS))
        return set_scale(w, ui_scale_step(w->ctx.scale, +1));
    if (ctrl && (k == SDLK_MINUS || k == SDLK_KP_MINUS))
        return set_scale(w, ui_scale_step(w->ctx.scale, -1));
    if (ctrl && (k == SDLK_0 || k == SDLK_KP_0))
        return set_scale(w, 100);
    if (ctrl && k == SDLK_q) /* as Esc: leaves the library, asks in a case */
        return run(w, (ui_cmd){CMD_ESCAPE, 0});
    if (w->a->confirm_leave && k == SDLK_l)
        return run(w, (ui_cmd){CMD_LEAVE, 0});
    switch (k) {
    case SDLK_F11:
        w->fullscreen = !w->fullscreen;
        SDL_SetWindowFullscreen(w->w, w->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        return true;
    case SDLK_TAB:
        return move_focus(w, shift ? -1 : 1);
    case SDLK_PAGEUP:
        return scroll_by(w, -w->ctx.view.h * 9 / 10);
    case SDLK_PAGEDOWN:
        return scroll_by(w, w->ctx.view.h * 9 / 10);
    case SDLK_ESCAPE:
        return run(w, (ui_cmd){CMD_ESCAPE, 0});
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return enter(w);
    default:
        return false;
    }
}

static int digit_of(SDL_Keycode k)
{
    if (k >= SDLK_1 && k <= SDLK_9)
        return (int)(k - SDLK_1) + 1;
    if (k >= SDLK_KP_1 && k <= SDLK_KP_9)
        return (int)(k - SDLK_KP_1) + 1;
    return 0;
}

/* Keys that mean something only outside a text field. */
static bool command_key(win *w, SDL_Keycode k)
{
    int d = digit_of(k);
    if (d)
        return run(w, app_digit(w->a, d));
    switch (k) {
    case SDLK_a:
        return run(w, (ui_cmd){CMD_ASK, 0});
    case SDLK_e:
        return run(w, (ui_cmd){CMD_EXPLANATION, 0});
    case SDLK_m:
        return run(w, (ui_cmd){CMD_MODEL_CARD, 0});
    case SDLK_r:
        return run(w, (ui_cmd){CMD_RESULTS, 0});
    case SDLK_t: /* the library's time limits setting */
        return run(w, (ui_cmd){CMD_TIME_LIMITS, 0});
    case SDLK_i:
    case SDLK_RIGHT:
        return (k == SDLK_i || w->a->image_view) && run(w, (ui_cmd){CMD_IMAGE, -1});
    case SDLK_LEFT:
        return w->a->image_view && run(w, (ui_cmd){CMD_IMAGE, -2});
    case SDLK_UP:
        return move_focus(w, -1);
    case SDLK_DOWN:
        return move_focus(w, 1);
    case SDLK_HOME:
        return scroll_by(w, -w->ctx.content_h);
    case SDLK_END:
        return scroll_by(w, w->ctx.content_h);
    case SDLK_SPACE:
        return focus_live(w) && run(w, w->a->focus);
    case SDLK_v:
        voice_toggle(w);
        return true;
    default:
        return false;
    }
}

/* The ending must be seen: Enter there acts when it is let go, and only
 * when it went down there (not a key held from the screen before). */
static bool is_enter(SDL_Keycode k)
{
    return k == SDLK_RETURN || k == SDLK_KP_ENTER;
}

static bool key_up(win *w, const SDL_KeyboardEvent *ev)
{
    if (!is_enter(ev->keysym.sym) || !w->ending_enter)
        return false;
    w->ending_enter = false;
    return enter(w);
}

static bool key(win *w, const SDL_KeyboardEvent *ev)
{
    SDL_Keycode k = ev->keysym.sym;
    bool ctrl = (ev->keysym.mod & KMOD_CTRL) != 0, shift = (ev->keysym.mod & KMOD_SHIFT) != 0;
    bool repeatable = k == SDLK_TAB || k == SDLK_BACKSPACE || k == SDLK_PAGEUP ||
                      k == SDLK_PAGEDOWN || k == SDLK_UP || k == SDLK_DOWN;
    if (ev->repeat && !repeatable)
        return false; /* a held key must not commit twice */
    if (is_enter(k) && w->a->screen == SCR_ENDING) {
        w->ending_enter = true;
        return false;
    }
    if (global_key(w, k, ctrl, shift))
        return true;
    size_t cap;
    char *field = app_text_field(w->a, &cap);
    if (field) {
        if (k == SDLK_BACKSPACE)
            return ui_utf8_pop(field);
        if (k == SDLK_UP || k == SDLK_DOWN)
            return move_focus(w, k == SDLK_UP ? -1 : 1);
        return false; /* letters arrive as SDL_TEXTINPUT */
    }
    if (ctrl)
        return false;
    return command_key(w, k);
}

static bool text_input(win *w, const char *text)
{
    return app_type(w->a, text);
}

static bool click(win *w, int x, int y)
{
    const ui_target *t = ui_target_at(&w->ctx, x, y);
    if (!t)
        return false;
    ui_cmd cmd = t->cmd;
    if (t->focusable)
        w->a->focus = cmd;
    run(w, cmd);
    return true;
}

static bool hover(win *w, int x, int y)
{
    const ui_target *before = ui_target_at(&w->ctx, w->ctx.mouse_x, w->ctx.mouse_y);
    w->ctx.mouse_x = x;
    w->ctx.mouse_y = y;
    return before != ui_target_at(&w->ctx, x, y);
}

/* Window coordinates to output pixels (they differ on HiDPI screens). */
static void to_output(win *w, int *x, int *y)
{
    *x = (int)(*x * w->ctx.density);
    *y = (int)(*y * w->ctx.density);
}

static bool handle(win *w, const SDL_Event *ev)
{
    int x, y;
    if (w->a->screen != SCR_ENDING)
        w->ending_enter = false;
    switch (ev->type) {
    case SDL_QUIT:
        return run(w, (ui_cmd){CMD_CLOSE, 0}) || true;
    case SDL_RENDER_TARGETS_RESET: /* the canvas' pixels are gone */
        if (w->rc)
            rencache_invalidate(w->rc);
        return true;
    case SDL_RENDER_DEVICE_RESET: /* every texture is gone */
        text_cache_drop_textures(w->tc);
        ui_images_drop_textures(w->images);
        if (w->rc)
            rencache_device_reset(w->rc);
        return true;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            w->ctx.refocus = true;
        return ev->window.event != SDL_WINDOWEVENT_MOVED;
    case SDL_KEYDOWN:
        if (!ev->key.repeat && (ev->key.keysym.scancode < SDL_SCANCODE_LCTRL ||
                                ev->key.keysym.scancode > SDL_SCANCODE_RGUI))
            w->keys++;
        return key(w, &ev->key);
    case SDL_KEYUP:
        return key_up(w, &ev->key);
    case SDL_TEXTINPUT:
        return text_input(w, ev->text.text);
    case SDL_MOUSEMOTION:
        x = ev->motion.x, y = ev->motion.y;
        to_output(w, &x, &y);
        return hover(w, x, y);
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.button != SDL_BUTTON_LEFT)
            return false;
        if (ev->button.clicks > 1 && w->a->screen == SCR_ENDING)
            return false; /* a double click begun on the screen before */
        x = ev->button.x, y = ev->button.y;
        to_output(w, &x, &y);
        return click(w, x, y);
    case SDL_MOUSEWHEEL:
        return scroll_by(w, -ev->wheel.y * 3 * w->ctx.line_h);
    default:
        return false;
    }
}

/* Text input is on only while a text field takes it, so that letters are
 * shortcuts elsewhere and no stray text arrives after a shortcut. */
static void sync_text_input(win *w)
{
    size_t cap;
    bool want = app_text_field(w->a, &cap) != NULL;
    if (want && !SDL_IsTextInputActive())
        SDL_StartTextInput();
    else if (!want && SDL_IsTextInputActive())
        SDL_StopTextInput();
}

/* ---- the loop ------------------------------------------------------------------ */

/* "Appraise (keys N)" once the keys so far are acted on and drawn. */
static void title_keys(win *w)
{
    if (!w->title_keys || w->keys == w->keys_titled)
        return;
    char title[64];
    snprintf(title, sizeof title, "Appraise (keys %ld)", w->keys);
    SDL_SetWindowTitle(w->w, title);
    w->keys_titled = w->keys;
}

/* play --watch: how often the case's files are asked after (watch.h). */
#define WATCH_FRAME_MS 100

static int timeout_ms(win *w)
{
    int64_t now = now_ms();
    int64_t left = app_time_left(w->a, now);
    int watch = w->a->preview ? WATCH_FRAME_MS : -1;
    w->countdown_at = -1;
    if (left < 0 || w->a->o.replay) /* a replay's clock only moves on Enter */
        return watch;
    int next = ui_countdown_next_change(left);
    if (left < next)
        next = (int)left;
    w->countdown_at = now + next + 1;
    return watch >= 0 && watch < next + 1 ? watch : next + 1;
}

static long long realtime_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static double elapsed_ms(uint64_t t0)
{
    return (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
           (double)SDL_GetPerformanceFrequency();
}

typedef enum bench_kind { BENCH_COLD, BENCH_TICK, BENCH_FOCUS } bench_kind;

/* One frame after the change the kind names: cold invalidates everything
 * drawn (the text cache stays: a first frame pays for that); a tick moves
 * the countdown on a second; a focus move goes to the next focusable thing
 * and back, in turns. Never a frame with nothing changed. */
static void bench_change(win *w, bench_kind kind, int i)
{
    if (kind == BENCH_COLD && w->rc)
        rencache_invalidate(w->rc);
    if (kind == BENCH_TICK)
        w->skew += 1000;
    if (kind == BENCH_FOCUS)
        move_focus(w, i % 2 ? -1 : 1);
}

static void bench_kind_run(win *w, bench_kind kind, int frames)
{
    static const char *const names[] = {"cold", "tick", "focus"};
    double total = 0, worst = 0, build = 0;
    long calls = 0;
    for (int i = 0; i < frames; i++) {
        bench_change(w, kind, i);
        uint64_t t0 = SDL_GetPerformanceCounter();
        build += frame(w);
        double ms = elapsed_ms(t0);
        total += ms;
        worst = ms > worst ? ms : worst;
        calls += w->last_calls;
    }
    SDL_RendererInfo info;
    SDL_GetRendererInfo(w->r, &info);
    fprintf(stderr,
            "appraise-ui: bench %s frames %d mean_ms %.3f max_ms %.3f build_ms %.3f size %dx%d "
            "renderer %s draw_calls %ld cached %s\n",
            names[kind], frames, total / frames, worst, build / frames, w->ctx.w, w->ctx.h,
            info.name, calls / frames, w->rc ? "yes" : "no");
}

static void bench(win *w, int frames)
{
    ui_cmd focus = w->a->focus;
    int64_t skew = w->skew;
    bench_kind_run(w, BENCH_COLD, frames);
    if (app_time_left(w->a, now_ms()) >= 0)
        bench_kind_run(w, BENCH_TICK, frames);
    bench_kind_run(w, BENCH_FOCUS, frames);
    w->a->focus = focus;
    w->skew = skew;
    fprintf(stderr, "appraise-ui: frames %d done\n", frames);
}

static void loop(win *w, const window_opts *o)
{
    bool dirty = true, first = true;
    while (w->a->running) {
        sync_text_input(w);
        if (dirty) {
            frame(w);
            dirty = voice_after_frame(w); /* a notice that speech is unavailable */
            if (first && o->trace)
                fprintf(stderr, "appraise-ui: first_frame_realtime_ns %lld\n", realtime_ns());
            first = false;
        }
        title_keys(w);
        SDL_Event ev;
        int to = timeout_ms(w);
        int got = to < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, to);
        if (!got) {
            /* The countdown's text moved on; or a saved case reloaded. */
            dirty = w->countdown_at >= 0 && now_ms() >= w->countdown_at;
            dirty |= app_tick(w->a, now_ms());
            dirty |= app_preview_poll(w->a, now_ms());
            continue;
        }
        do {
            if (o->bench_frames > 0 && ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_F12)
                bench(w, o->bench_frames); /* the benchmark's own key */
            dirty |= handle(w, &ev);
        } while (w->a->running && SDL_PollEvent(&ev));
        dirty |= app_tick(w->a, now_ms());
        dirty |= app_preview_poll(w->a, now_ms());
    }
}

/* The display whose bounds hold the point, else the first. */
static int display_at(int x, int y)
{
    int n = SDL_GetNumVideoDisplays();
    for (int i = 0; i < n; i++) {
        SDL_Rect b;
        if (SDL_GetDisplayBounds(i, &b) == 0 && x >= b.x && y >= b.y && x < b.x + b.w &&
            y < b.y + b.h)
            return i;
    }
    return 0;
}

/* Where the window opens: the size asked for, else the last (prefs.h),
 * kept within the usable bounds of its display (no panel or dock over it). */
static ui_rect initial_geometry(const window_opts *o)
{
    prefs p;
    memset(&p, 0, sizeof p);
    if (o->prefs_path && !(o->width > 0 && o->height > 0))
        prefs_read(o->prefs_path, &p);
    int d = p.have_geom ? display_at(p.geom.x + p.geom.w / 2, p.geom.y + p.geom.h / 2) : 0;
    SDL_Rect u;
    if (SDL_GetDisplayUsableBounds(d, &u) != 0 && SDL_GetDisplayBounds(d, &u) != 0)
        u = (SDL_Rect){0, 0, 1280, 800};
    if (o->width > 0 && o->height > 0) {
        p.have_geom = true;
        p.geom =
            (ui_rect){u.x + (u.w - o->width) / 2, u.y + (u.h - o->height) / 2, o->width, o->height};
    }
    return prefs_window_geometry(&p, (ui_rect){u.x, u.y, u.w, u.h});
}

/* What to open with next time: the size and position (not of a full-screen
 * window: the last kept), whether the window speaks, the time limits. */
static void remember(win *w, const char *path)
{
    if (!path || !w->w)
        return;
    prefs p;
    prefs_read(path, &p);
    if (!w->fullscreen &&
        !(SDL_GetWindowFlags(w->w) & (SDL_WINDOW_MINIMIZED | SDL_WINDOW_MAXIMIZED))) {
        p.have_geom = true;
        SDL_GetWindowPosition(w->w, &p.geom.x, &p.geom.y);
        SDL_GetWindowSize(w->w, &p.geom.w, &p.geom.h);
    }
    p.have_speak = true;
    p.speak = w->voice.on;
    if (!w->a->o.replay) { /* a replay's setting is the trainee's, from the log */
        p.have_time_limits = true;
        p.time_limits = w->a->time_limits;
    }
    apperr e;
    apperr_clear(&e);
    (void)prefs_write(path, &p, &e); /* not worth stopping for: the next start opens centred */
}

static void close_win(win *w)
{
    voicing_free(&w->voice);
    draw_log_close(w->ctx.log);
    rencache_free(w->rc);
    ui_images_free(w->images);
    text_cache_free(w->tc);
    if (w->r)
        SDL_DestroyRenderer(w->r);
    if (w->w)
        SDL_DestroyWindow(w->w);
    if (TTF_WasInit())
        TTF_Quit();
    SDL_Quit();
}

static int open_win(win *w, const window_opts *o, apperr *e)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "cannot open a window (no display?): %s",
                   SDL_GetError());
        return -1;
    }
    /* With no display SDL falls back to drivers that show nothing: a trainee
     * would wait on an invisible window. Only tests ask for them by name. */
    const char *driver = SDL_GetCurrentVideoDriver();
    const char *asked = SDL_getenv("SDL_VIDEODRIVER");
    if (driver && (!asked || !asked[0]) &&
        (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0)) {
        apperr_set(e, APPERR_ENV, NULL, 0,
                   "cannot open a window: no display (set DISPLAY or WAYLAND_DISPLAY, or use "
                   "'appraise run' without a window)");
        return -1;
    }
    if (TTF_Init() != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "cannot start SDL_ttf: %s", TTF_GetError());
        return -1;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    ui_rect g = initial_geometry(o);
    w->w = SDL_CreateWindow("Appraise", g.x, g.y, g.w, g.h, flags);
    if (w->w)
        w->r = SDL_CreateRenderer(w->w, -1, SDL_RENDERER_ACCELERATED);
    if (w->w && !w->r)
        w->r = SDL_CreateRenderer(w->w, -1, SDL_RENDERER_SOFTWARE);
    if (!w->w || !w->r) {
        apperr_set(e, APPERR_ENV, NULL, 0, "cannot open a window: %s", SDL_GetError());
        return -1;
    }
    SDL_SetWindowMinimumSize(w->w, PREFS_MIN_W, PREFS_MIN_H);
    w->fullscreen = o->fullscreen;
    w->tc = text_cache_new(w->r, o->font_dir, e);
    w->images = ui_images_new(w->r);
    /* The retained canvas (rencache.h) only when asked for: on a software
     * OpenGL (llvmpipe, as on Xvfb) copying a window-sized texture costs
     * more than drawing the whole screen (bench/window.sh shows both), and
     * on a GPU a full redraw is nearly free. Without target textures it is
     * not made, and every frame is drawn in full, as without it. */
    const char *on = getenv("APPRAISE_UI_CACHE");
    if (on && strcmp(on, "1") == 0)
        w->rc = rencache_new(w->r);
    const char *keys = getenv("APPRAISE_UI_TITLE_KEYS");
    w->title_keys = keys && strcmp(keys, "1") == 0;
    w->keys_titled = -1;
    const char *dl = getenv("APPRAISE_DRAW_LOG");
    if (dl && dl[0])
        w->ctx.log = draw_log_open(dl);
    return w->tc ? 0 : -1;
}

int window_run(app *a, const window_opts *o, apperr *e)
{
    win w;
    memset(&w, 0, sizeof w);
    w.a = a;
    voicing_init(&w.voice, NULL);
    voicing_start(&w.voice, o->speak);
    int rc = open_win(&w, o, e);
    if (rc == 0) {
        w.ctx.r = w.r;
        w.ctx.tc = w.tc;
        w.ctx.images = w.images;
        w.ctx.th = ui_theme_find(o->theme);
        w.ctx.scale = ui_scale_clamp(o->scale);
        w.ctx.density = 1.0;
        SDL_StopTextInput();
        loop(&w, o);
        remember(&w, o->prefs_path);
    }
    close_win(&w);
    return rc;
}
