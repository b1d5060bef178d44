#include "srcmap.h"
#include "lua_lex.h"
#include "mem.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    const char *path; /* into the map's path bytes, set once the map is built */
    uint32_t off;     /* offset of the path in those bytes while building */
    int line;
    uint32_t order; /* position in the source, to keep the first of equal paths */
} entry;

struct srcmap {
    entry *items;
    size_t n, cap;
    char *paths; /* every path, NUL-terminated, one after another */
    size_t paths_len, paths_cap;
    bool full;     /* a limit was reached: later keys are left unmapped */
    int deep_line; /* where nesting first went past SRCMAP_NEST_MAX, 0 if never */
    size_t twice;  /* 1 + the index of the first of a path given twice; 0 if none */
};

/* The walker looks at most three tokens ahead ('[ "key" ] ='). */
#define LOOKAHEAD 4

typedef struct stream {
    lua_lexer lx;
    lex_token win[LOOKAHEAD]; /* win[0] is the current lex_token */
} stream;

static void stream_open(stream *st, const char *text, size_t len)
{
    memset(st, 0, sizeof *st);
    lua_lex_open(&st->lx, text, len);
    for (int i = 0; i < LOOKAHEAD; i++)
        lua_lex_next(&st->lx, &st->win[i]);
}

static void stream_advance(stream *st)
{
    memmove(st->win, st->win + 1, (LOOKAHEAD - 1) * sizeof *st->win);
    lua_lex_next(&st->lx, &st->win[LOOKAHEAD - 1]);
}

/* ---- structure ------------------------------------------------------------ */

static bool is_sym(const lex_token *t, const char *s)
{
    return lua_lex_is(t, LEX_SYMBOL, s);
}

static bool is_name(const lex_token *t, const char *s)
{
    return lua_lex_is(t, LEX_NAME, s);
}

/* Records path at line. False only when out of memory; past the map's
 * limits the key is left unmapped (its errors name the nearest mapped
 * ancestor's line, or the key path). */
static bool add_entry(srcmap *m, const char *path, int line)
{
    size_t len = strlen(path) + 1;
    if (m->full || m->n >= SRCMAP_MAX_KEYS || m->paths_len + len > SRCMAP_MAX_PATH_BYTES) {
        m->full = true;
        return true;
    }
    entry *e = mem_grow(m->items, &m->cap, m->n + 1, sizeof *e);
    if (!e)
        return false;
    m->items = e;
    char *p = mem_grow(m->paths, &m->paths_cap, m->paths_len + len, 1);
    if (!p)
        return false;
    m->paths = p;
    memcpy(m->paths + m->paths_len, path, len);
    m->items[m->n] = (entry){NULL, (uint32_t)m->paths_len, line, (uint32_t)m->n};
    m->paths_len += len;
    m->n++;
    return true;
}

typedef struct frame {
    char path[256];
    bool opaque;   /* a table inside code, or the value of an x_ key: no keys recorded */
    int index;     /* positional values so far */
    int depth;     /* block/paren depth when the frame opened */
    bool at_elem;  /* the next lex_token starts an element */
    bool at_value; /* the next lex_token is the first of a keyed/positional value */
    bool own_key;  /* the value's key begins with x_: the engine never reads inside it */
    int skip;      /* tokens of a key still to pass over ("=", or "str ] =") */
    char value_path[256];
} frame;

/* Paths are at most 255 bytes, so no mapped key is much deeper than this. */
#define MAX_FRAMES 64

typedef struct walker {
    srcmap *m;
    frame frames[MAX_FRAMES];
    int nf;    /* open tables, counted past MAX_FRAMES too */
    int depth; /* open blocks (function/if/do/repeat) plus parentheses */
} walker;

/* parent.key into out (plain copies: this runs for every key of a case). */
static void join(char *out, size_t size, const char *parent, const char *key, size_t klen)
{
    size_t plen = strlen(parent);
    if (plen + 1 + klen + 1 > size) {
        out[0] = '\0'; /* too long to keep: leave it unmapped */
        return;
    }
    memmove(out, parent, plen);
    if (plen)
        out[plen++] = '.';
    memcpy(out + plen, key, klen);
    out[plen + klen] = '\0';
}

static void push_frame(walker *w, const char *path, bool opaque)
{
    if (w->nf >= MAX_FRAMES) {
        /* Too deep to map: count the level so that its "}" closes it, and
         * record nothing inside. (Lua refuses a few hundred levels, and
         * srcmap_too_deep reports them first.) */
        if (w->nf < INT_MAX)
            w->nf++;
        return;
    }
    frame *f = &w->frames[w->nf++];
    memset(f, 0, sizeof *f);
    size_t len = path ? strlen(path) : 0;
    if (len >= sizeof f->path)
        len = 0; /* cannot happen: paths are built no longer than the buffer */
    memcpy(f->path, path ? path : "", len);
    f->path[len] = '\0';
    f->opaque = opaque;
    f->depth = w->depth;
    f->at_elem = true;
}

/* A key (name or string) of the frame's table: records PATH.key. */
static bool walk_key(walker *w, frame *f, const lex_token *key, int line, int skip)
{
    f->own_key = key->len >= 2 && key->start[0] == 'x' && key->start[1] == '_';
    f->skip = skip;
    f->value_path[0] = '\0';
    if (w->m->full) /* past the limits: the frame's path no longer matters */
        return true;
    join(f->value_path, sizeof f->value_path, f->path, key->start, key->len);
    return f->value_path[0] ? add_entry(w->m, f->value_path, line) : true;
}

/* A positional value of the frame's table: records PATH[i]. */
static bool walk_position(walker *w, frame *f, int line)
{
    f->own_key = false;
    f->index++;
    f->value_path[0] = '\0';
    if (w->m->full)
        return true;
    char indexed[sizeof f->value_path];
    int len = snprintf(indexed, sizeof indexed, "%s[%d]", f->path, f->index);
    if (len < 0 || (size_t)len >= sizeof indexed)
        return true; /* a path too long to keep: leave it unmapped */
    memcpy(f->value_path, indexed, (size_t)len + 1);
    return add_entry(w->m, f->value_path, line);
}

/* The current lex_token t[0] inside the case table, with t[1..3] ahead (LEX_EOF
 * past the end). Returns false when out of memory. */
static bool walk_token(walker *w, const lex_token *t)
{
    frame *f = w->nf > 0 && w->nf <= MAX_FRAMES ? &w->frames[w->nf - 1] : NULL;
    bool live = f && !f->opaque && w->depth == f->depth;

    if (live && f->skip > 0) {
        f->skip--;
        return true;
    }
    if (live && f->at_elem && !is_sym(t, "}")) {
        f->at_elem = false;
        f->at_value = true;
        if (t->kind == LEX_NAME && is_sym(t + 1, "="))
            return walk_key(w, f, t, t->line, 1);
        if (is_sym(t, "[") && t[1].kind == LEX_STRING && is_sym(t + 2, "]") && is_sym(t + 3, "="))
            return walk_key(w, f, t + 1, t->line, 3);
        if (!walk_position(w, f, t->line))
            return false;
    }

    if (is_sym(t, "{")) {
        /* A table that is a value of this one is mapped below its path,
         * unless that path could not be kept or belongs to an x_ key. */
        bool mapped = live && f->at_value && f->value_path[0] && !f->own_key;
        if (f)
            f->at_value = false;
        push_frame(w, mapped ? f->value_path : NULL, !mapped);
        return true;
    }
    if (live)
        f->at_value = false;
    if (is_sym(t, "}")) {
        if (w->nf > 0)
            w->nf--;
        return true;
    }
    if (live && (is_sym(t, ",") || is_sym(t, ";"))) {
        f->at_elem = true;
        return true;
    }
    if (is_sym(t, "(") || is_name(t, "function") || is_name(t, "if") || is_name(t, "do") ||
        is_name(t, "repeat"))
        w->depth++;
    else if ((is_sym(t, ")") || is_name(t, "end") || is_name(t, "until")) && w->depth > 0)
        w->depth--;
    return true;
}

static int entry_cmp(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    if (c)
        return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Moves the stream to the lex_token after the "{" of case { or case ( {;
 * false when the text has no such call. */
static bool find_case_call(stream *st)
{
    for (; st->win[0].kind != LEX_EOF; stream_advance(st)) {
        if (!is_name(&st->win[0], "case"))
            continue;
        int skip = 0;
        if (is_sym(&st->win[1], "{"))
            skip = 2;
        else if (is_sym(&st->win[1], "(") && is_sym(&st->win[2], "{"))
            skip = 3;
        if (skip) {
            while (skip-- > 0)
                stream_advance(st);
            return true;
        }
    }
    return false;
}

/* Among paths given more than once, the one whose second comes first in
 * the text: when a table's key is repeated, the keys inside its two values
 * repeat too, later. Entries are sorted by path, then source order. */
static void find_twice(srcmap *m)
{
    uint32_t best = UINT32_MAX;
    for (size_t i = 0; i + 1 < m->n; i++)
        if (strcmp(m->items[i].path, m->items[i + 1].path) == 0 && m->items[i + 1].order < best &&
            (i == 0 || strcmp(m->items[i - 1].path, m->items[i].path) != 0)) {
            best = m->items[i + 1].order;
            m->twice = i + 1;
        }
}

srcmap *srcmap_build(const char *text, size_t len)
{
    srcmap *m = mem_calloc(1, sizeof *m);
    if (!m)
        return NULL;
    /* The walker is about 33 KiB: keep it off the stack. */
    walker *w = mem_calloc(1, sizeof *w);
    stream st;
    bool ok = w != NULL;
    stream_open(&st, text, len);
    if (ok && find_case_call(&st)) {
        w->m = m;
        push_frame(w, "", false);
        for (; ok && w->nf > 0 && st.win[0].kind != LEX_EOF; stream_advance(&st))
            ok = walk_token(w, st.win);
    }
    mem_free(w);
    if (!ok) {
        /* Out of memory while mapping: an empty map still works. */
        mem_free(m->items);
        mem_free(m->paths);
        memset(m, 0, sizeof *m);
    }
    /* The rest of the file, for its nesting only. */
    while (st.win[0].kind != LEX_EOF)
        stream_advance(&st);
    m->deep_line = st.lx.deep_line;
    for (size_t i = 0; i < m->n; i++)
        m->items[i].path = m->paths + m->items[i].off;
    if (m->n > 1)
        qsort(m->items, m->n, sizeof *m->items, entry_cmp);
    find_twice(m);
    return m;
}

bool srcmap_twice(const srcmap *m, const char **path, int *first, int *second)
{
    if (!m || m->twice == 0)
        return false;
    *path = m->items[m->twice - 1].path;
    *first = m->items[m->twice - 1].line;
    *second = m->items[m->twice].line;
    return true;
}

int srcmap_too_deep(const srcmap *m)
{
    return m ? m->deep_line : 0;
}

size_t srcmap_count(const srcmap *m)
{
    return m ? m->n : 0;
}

int srcmap_line_exact(const srcmap *m, const char *path)
{
    if (!m)
        return 0;
    /* Entries are sorted by path, then source order: find the first match. */
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(m->items[mid].path, path) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < m->n && strcmp(m->items[lo].path, path) == 0)
        return m->items[lo].line;
    return 0;
}

int srcmap_line(const srcmap *m, const char *path)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    for (;;) {
        int line = srcmap_line_exact(m, buf);
        if (line > 0 || buf[0] == '\0')
            return line;
        char *dot = strrchr(buf, '.');
        char *br = strrchr(buf, '[');
        char *cut = dot > br ? dot : br;
        if (!cut)
            return 0;
        *cut = '\0';
    }
}

void srcmap_free(srcmap *m)
{
    if (!m)
        return;
    mem_free(m->items);
    mem_free(m->paths);
    mem_free(m);
}
