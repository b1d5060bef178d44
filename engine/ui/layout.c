/* layout: rectangles, text scale, paragraph wrapping, focus order and
 * scrolling, all pure so that tests/test_ui_layout.c pins them without SDL. */
#include "layout.h"

#include <math.h>
#include <string.h>

#include "mem.h"
#include "strbuf.h"

bool ui_rect_contains(ui_rect outer, ui_rect inner)
{
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
           inner.y + inner.h <= outer.y + outer.h;
}

bool ui_rect_overlaps(ui_rect a, ui_rect b)
{
    return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 && a.x < b.x + b.w && b.x < a.x + a.w &&
           a.y < b.y + b.h && b.y < a.y + a.h;
}

bool ui_rect_hit(ui_rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

ui_rect ui_rect_inset(ui_rect r, int by)
{
    ui_rect o = {r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by};
    if (o.w < 0)
        o.w = 0;
    if (o.h < 0)
        o.h = 0;
    return o;
}

int ui_scale_clamp(int percent)
{
    if (percent <= 0)
        return 100;
    if (percent < UI_SCALE_MIN)
        return UI_SCALE_MIN;
    return percent > UI_SCALE_MAX ? UI_SCALE_MAX : percent;
}

int ui_scale_step(int percent, int dir)
{
    percent = ui_scale_clamp(percent);
    /* Snap onto the 25% grid first, so that --scale 110 steps to 125 / 100. */
    int below = percent - (percent - UI_SCALE_MIN) % UI_SCALE_STEP;
    if (dir > 0)
        return ui_scale_clamp(below + UI_SCALE_STEP);
    if (dir < 0)
        return ui_scale_clamp(below == percent ? percent - UI_SCALE_STEP : below);
    return percent;
}

int ui_font_px(int base_px, double density, int percent)
{
    if (density < 1.0)
        density = 1.0;
    int px = (int)lround(base_px * density * ui_scale_clamp(percent) / 100.0);
    return px < 6 ? 6 : px;
}

size_t ui_utf8_len(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return 1; /* a cut or bad sequence: one byte at a time */
    return n;
}

bool ui_utf8_pop(char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return false;
    size_t i = n - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    s[i] = '\0';
    return true;
}

/* ---- wrapping ----------------------------------------------------------- */

/* One style run of the line being built. */
typedef struct run {
    strbuf text;
    bool bold;
    int x;
} run;

/* The line being built, the word being read, and where the output stands.
 * An append that runs out of memory leaves its strbuf's oom set: each run's
 * is checked when its line ends, the output text's once at the end. */
typedef struct wrapper {
    const ui_text_metrics *m;
    int max_w;
    run *runs;
    size_t n_runs, runs_cap;
    strbuf scratch;
    strbuf text; /* the segments' text, each NUL-ended: becomes out->buf */
    int y;
    bool failed;
    ui_wrapped *out;
} wrapper;

static int measure(const wrapper *w, const char *s, size_t n, bool bold)
{
    return n ? w->m->measure(w->m->ctx, s, n, bold) : 0;
}

static int run_width(const wrapper *w, const run *r)
{
    return measure(w, strbuf_str(&r->text), r->text.len, r->bold);
}

/* Width of the line if piece (n bytes, bold) were appended, with a space
 * before it when space is set. */
static int width_with(wrapper *w, const char *piece, size_t n, bool bold, bool space)
{
    if (w->n_runs == 0)
        return measure(w, piece, n, bold);
    const run *last = &w->runs[w->n_runs - 1];
    strbuf_reset(&w->scratch);
    strbuf_add(&w->scratch, strbuf_str(&last->text), last->text.len);
    if (space)
        strbuf_addc(&w->scratch, ' ');
    if (last->bold == bold)
        strbuf_add(&w->scratch, piece, n);
    if (strbuf_oom(&w->scratch)) {
        w->failed = true;
        return 0;
    }
    int x = last->x + measure(w, strbuf_str(&w->scratch), w->scratch.len, last->bold);
    return last->bold == bold ? x : x + measure(w, piece, n, bold);
}

static void append(wrapper *w, const char *piece, size_t n, bool bold, bool space)
{
    run *last = w->n_runs ? &w->runs[w->n_runs - 1] : NULL;
    if (last && space)
        strbuf_addc(&last->text, ' ');
    if (last && last->bold == bold) {
        strbuf_add(&last->text, piece, n);
        return;
    }
    /* Where the new run starts, read before growing w->runs: the realloc
     * may move the array, and last with it. */
    int x = last ? last->x + run_width(w, last) : 0;
    run *p = mem_grow(w->runs, &w->runs_cap, w->n_runs + 1, sizeof *p);
    if (!p) {
        w->failed = true;
        return;
    }
    w->runs = p;
    run *r = &w->runs[w->n_runs++];
    *r = (run){.text = STRBUF_INIT, .bold = bold, .x = x};
    strbuf_add(&r->text, piece, n);
}

/* The run becomes a segment at the current y: its text, NUL and all, goes
 * to the end of the output text. */
static int add_seg(wrapper *w, const run *r, int width)
{
    ui_wrapped *o = w->out;
    ui_seg *p = mem_grow(o->segs, &o->segs_cap, o->n_segs + 1, sizeof *p);
    if (!p)
        return -1;
    o->segs = p;
    o->segs[o->n_segs++] = (ui_seg){w->text.len, r->bold, r->x, w->y, width};
    strbuf_add(&w->text, r->text.s, r->text.len + 1);
    return 0;
}

/* Ends the line: its runs become segments at the current y. */
static void flush_line(wrapper *w)
{
    int line_w = 0;
    for (size_t i = 0; i < w->n_runs; i++) {
        run *r = &w->runs[i];
        int rw = run_width(w, r);
        if (strbuf_oom(&r->text) || (r->text.len && add_seg(w, r, rw) != 0))
            w->failed = true;
        if (r->x + rw > line_w)
            line_w = r->x + rw;
        strbuf_free(&r->text);
    }
    w->n_runs = 0;
    if (line_w > w->out->w)
        w->out->w = line_w;
    w->out->n_lines++;
    w->out->h = w->y + w->m->line_h;
    w->y += w->m->line_h;
}

/* A word is pieces of alternating style with no space between them. */
typedef struct piece {
    const char *s;
    size_t n;
    bool bold;
} piece;

static int word_width(wrapper *w, const piece *p, size_t n)
{
    int total = 0;
    for (size_t i = 0; i < n; i++)
        total += measure(w, p[i].s, p[i].n, p[i].bold);
    return total;
}

/* A word wider than a whole line: character by character. */
static void place_broken(wrapper *w, const piece *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < p[i].n;) {
            size_t cn = ui_utf8_len(p[i].s + k);
            if (w->n_runs && width_with(w, p[i].s + k, cn, p[i].bold, false) > w->max_w)
                flush_line(w);
            append(w, p[i].s + k, cn, p[i].bold, false);
            k += cn;
        }
}

static void place_word(wrapper *w, const piece *p, size_t n)
{
    if (n == 0)
        return;
    bool space = w->n_runs > 0;
    int x = width_with(w, p[0].s, p[0].n, p[0].bold, space);
    if (space && x + word_width(w, p + 1, n - 1) > w->max_w) {
        flush_line(w);
        space = false;
    }
    if (!space && word_width(w, p, n) > w->max_w) {
        place_broken(w, p, n);
        return;
    }
    for (size_t i = 0; i < n; i++)
        append(w, p[i].s, p[i].n, p[i].bold, space && i == 0);
}

#define MAX_PIECES 64

/* Reads one word at text (no leading space), following **; returns its end. */
static const char *read_word(const char *t, bool *bold, piece *p, size_t *n)
{
    *n = 0;
    const char *start = t;
    while (*t && *t != ' ' && *t != '\t' && *t != '\n' && *t != '\r') {
        if (t[0] == '\\' && t[1] == '*' && t[2] == '*') { /* "\**": the stars as written */
            if (t > start && *n < MAX_PIECES)
                p[(*n)++] = (piece){start, (size_t)(t - start), *bold};
            start = t + 1;
            t += 3;
            continue;
        }
        if (t[0] == '*' && t[1] == '*') {
            if (t > start && *n < MAX_PIECES)
                p[(*n)++] = (piece){start, (size_t)(t - start), *bold};
            *bold = !*bold;
            t += 2;
            start = t;
            continue;
        }
        t += ui_utf8_len(t);
    }
    if (t > start && *n < MAX_PIECES)
        p[(*n)++] = (piece){start, (size_t)(t - start), *bold};
    return t;
}

/* Counts the newlines in the whitespace at t, moving past it. */
static const char *skip_space(const char *t, int *newlines)
{
    *newlines = 0;
    while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r') {
        *newlines += *t == '\n';
        t++;
    }
    return t;
}

/* After a line break: one newline ends the line, two or more the paragraph. */
static void line_break(wrapper *w, int newlines, bool had_text)
{
    if (newlines == 0)
        return;
    if (w->n_runs)
        flush_line(w);
    else if (newlines == 1 && had_text)
        w->y += w->m->line_h; /* an empty line kept as written */
    if (newlines >= 2 && had_text)
        w->y += w->m->para_gap;
}

void ui_add_literal(strbuf *b, const char *text)
{
    for (const char *t = text ? text : ""; *t; t++) {
        if (t[0] == '*' && t[1] == '*') {
            strbuf_adds(b, "\\**");
            t++;
        } else {
            strbuf_addc(b, *t);
        }
    }
}

int ui_wrap(ui_wrapped *out, const char *text, int max_w, const ui_text_metrics *m)
{
    memset(out, 0, sizeof *out);
    wrapper w = {.m = m, .max_w = max_w > 1 ? max_w : 1, .out = out};
    bool bold = false;
    int newlines;
    const char *t = skip_space(text ? text : "", &newlines);
    while (*t && !w.failed) {
        piece p[MAX_PIECES];
        size_t n;
        t = read_word(t, &bold, p, &n);
        place_word(&w, p, n);
        t = skip_space(t, &newlines);
        if (*t)
            line_break(&w, newlines, true);
    }
    if (w.n_runs)
        flush_line(&w);
    mem_free(w.runs);
    strbuf_free(&w.scratch);
    out->buf = strbuf_finish(&w.text);
    if (w.failed || !out->buf) {
        ui_wrapped_free(out);
        return -1;
    }
    return 0;
}

void ui_wrapped_free(ui_wrapped *w)
{
    mem_free(w->buf);
    mem_free(w->segs);
    memset(w, 0, sizeof *w);
}

int ui_ellipsize(const char *text, int max_w, bool bold, const ui_text_metrics *m, char *buf,
                 size_t size)
{
    static const char ELLIPSIS[] = "\xe2\x80\xa6";
    size_t n = strlen(text);
    buf[0] = '\0';
    if (size == 0)
        return 0;
    int full = n ? m->measure(m->ctx, text, n, bold) : 0;
    if (full <= max_w && n < size) {
        memcpy(buf, text, n + 1);
        return full;
    }
    int best = 0;
    size_t cut = 0;
    char tmp[1024];
    for (size_t k = 0; k < n;) {
        k += ui_utf8_len(text + k);
        if (k + sizeof ELLIPSIS > sizeof tmp || k + sizeof ELLIPSIS > size)
            break;
        memcpy(tmp, text, k);
        memcpy(tmp + k, ELLIPSIS, sizeof ELLIPSIS);
        int wk = m->measure(m->ctx, tmp, k + sizeof ELLIPSIS - 1, bold);
        if (wk > max_w)
            break;
        cut = k;
        best = wk;
    }
    if (cut == 0) {
        int we = m->measure(m->ctx, ELLIPSIS, sizeof ELLIPSIS - 1, bold);
        if (we > max_w || size < sizeof ELLIPSIS)
            return 0;
        memcpy(buf, ELLIPSIS, sizeof ELLIPSIS);
        return we;
    }
    memcpy(buf, text, cut);
    memcpy(buf + cut, ELLIPSIS, sizeof ELLIPSIS);
    return best;
}

/* ---- focus, scrolling, columns ------------------------------------------- */

int ui_focus_move(int cur, int n, int dir)
{
    if (n <= 0)
        return -1;
    if (cur < 0 || cur >= n)
        return dir >= 0 ? 0 : n - 1;
    return ((cur + (dir >= 0 ? 1 : -1)) % n + n) % n;
}

int ui_scroll_clamp(int scroll, int content_h, int view_h)
{
    int max = content_h - view_h;
    if (max < 0)
        max = 0;
    return scroll < 0 ? 0 : scroll > max ? max : scroll;
}

int ui_scroll_to_show(int scroll, int top, int bottom, int view_h)
{
    if (bottom - top > view_h || top < scroll)
        return top;
    if (bottom > scroll + view_h)
        return bottom - view_h;
    return scroll;
}

bool ui_two_columns(int width, int em)
{
    return width >= 54 * em;
}

int ui_side_width(int width, int em)
{
    int w = 20 * em;
    return w > width * 2 / 5 ? width * 2 / 5 : w;
}

int ui_flow(const int *w, size_t n, int max_w, int gap, int *x, int *row)
{
    int rows = n ? 1 : 0, cx = 0;
    for (size_t i = 0; i < n; i++) {
        if (cx > 0 && cx + w[i] > max_w) {
            rows++;
            cx = 0;
        }
        x[i] = cx;
        row[i] = rows - 1;
        cx += w[i] + gap;
    }
    return rows;
}
