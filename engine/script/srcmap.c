#include "srcmap.h"
#include "mem.h"

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum tok_kind { TOK_NAME, TOK_STRING, TOK_NUMBER, TOK_SYMBOL, TOK_EOF } tok_kind;

typedef struct token {
    tok_kind kind;
    int line;
    const char *start; /* NAME: the name; STRING: contents (no escapes decoded) */
    size_t len;
} token;

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
};

/* ---- tokens --------------------------------------------------------------- */

/* The lexer hands out one token at a time: the map never holds the whole
 * file's tokens (a 16 MiB file of "1," is eight million of them). */
typedef struct lexer {
    const char *p, *end;
    int line;
    int opened; /* brackets and blocks open now */
    int nest;   /* their weight: a function counts twice, as Lua's parser counts it */
    unsigned char weight[SRCMAP_NEST_MAX + 1]; /* of each open level, while under the limit */
    int deep_line;
} lexer;

/* At "[" of a long bracket: its level (count of '='), or -1 when not one. */
static int long_level(const char *p, const char *end)
{
    int level = 0;
    if (p >= end || *p != '[')
        return -1;
    p++;
    while (p < end && *p == '=') {
        level++;
        p++;
    }
    return (p < end && *p == '[') ? level : -1;
}

static void skip_long(lexer *lx, int level)
{
    lx->p += level + 2;
    while (lx->p < lx->end) {
        if (*lx->p == ']') {
            const char *q = lx->p + 1;
            int l = 0;
            while (q < lx->end && *q == '=') {
                l++;
                q++;
            }
            if (l == level && q < lx->end && *q == ']') {
                lx->p = q + 1;
                return;
            }
        }
        if (*lx->p == '\n')
            lx->line++;
        lx->p++;
    }
}

static void lex_string(lexer *lx, token *t)
{
    char quote = *lx->p++;
    const char *start = lx->p;
    int line = lx->line;
    while (lx->p < lx->end && *lx->p != quote && *lx->p != '\n') {
        if (*lx->p == '\\' && lx->p + 1 < lx->end) {
            if (lx->p[1] == '\n')
                lx->line++;
            lx->p++;
        }
        lx->p++;
    }
    *t = (token){TOK_STRING, line, start, (size_t)(lx->p - start)};
    if (lx->p < lx->end && *lx->p == quote)
        lx->p++;
}

static bool tok_is(const token *t, tok_kind k, const char *s)
{
    return t->kind == k && t->len == strlen(s) && memcmp(t->start, s, t->len) == 0;
}

/* Keeps count of open brackets and blocks, as Lua's parser nests them. */
static void count_nesting(lexer *lx, const token *t)
{
    bool open = false, close = false;
    if (t->kind == TOK_SYMBOL && t->len == 1) {
        open = strchr("{([", t->start[0]) != NULL;
        close = strchr("})]", t->start[0]) != NULL;
    } else if (t->kind == TOK_NAME) {
        open = tok_is(t, TOK_NAME, "function") || tok_is(t, TOK_NAME, "if") ||
               tok_is(t, TOK_NAME, "do") || tok_is(t, TOK_NAME, "repeat");
        close = tok_is(t, TOK_NAME, "end") || tok_is(t, TOK_NAME, "until");
    }
    if (open) {
        int w = tok_is(t, TOK_NAME, "function") ? 2 : 1;
        if (lx->opened <= SRCMAP_NEST_MAX)
            lx->weight[lx->opened] = (unsigned char)w;
        if (lx->opened < INT_MAX - 2) {
            lx->opened++;
            lx->nest += w;
        }
        if (lx->nest > SRCMAP_NEST_MAX && lx->deep_line == 0)
            lx->deep_line = t->line;
    } else if (close && lx->opened > 0) {
        lx->opened--;
        lx->nest -= lx->opened <= SRCMAP_NEST_MAX ? lx->weight[lx->opened] : 1;
    }
}

/* The next token into t (TOK_EOF at the end, and after it). */
static void lex_next(lexer *lx, token *t)
{
    while (lx->p < lx->end) {
        char c = *lx->p;
        if (c == '\n') {
            lx->line++;
            lx->p++;
        } else if (isspace((unsigned char)c)) {
            lx->p++;
        } else if (c == '-' && lx->p + 1 < lx->end && lx->p[1] == '-') {
            lx->p += 2;
            int level = long_level(lx->p, lx->end);
            if (level >= 0) {
                skip_long(lx, level);
            } else {
                while (lx->p < lx->end && *lx->p != '\n')
                    lx->p++;
            }
        } else if (c == '"' || c == '\'') {
            lex_string(lx, t);
            return;
        } else if (c == '[' && long_level(lx->p, lx->end) >= 0) {
            int line = lx->line, level = long_level(lx->p, lx->end);
            const char *start = lx->p + level + 2;
            skip_long(lx, level);
            *t = (token){TOK_STRING, line, start, 0};
            return;
        } else if (isalpha((unsigned char)c) || c == '_') {
            const char *s = lx->p;
            while (lx->p < lx->end && (isalnum((unsigned char)*lx->p) || *lx->p == '_'))
                lx->p++;
            *t = (token){TOK_NAME, lx->line, s, (size_t)(lx->p - s)};
            count_nesting(lx, t);
            return;
        } else if (isdigit((unsigned char)c)) {
            const char *s = lx->p;
            while (lx->p < lx->end &&
                   (isalnum((unsigned char)*lx->p) || *lx->p == '.' ||
                    ((*lx->p == '-' || *lx->p == '+') && (lx->p[-1] == 'e' || lx->p[-1] == 'E' ||
                                                          lx->p[-1] == 'p' || lx->p[-1] == 'P'))))
                lx->p++;
            *t = (token){TOK_NUMBER, lx->line, s, (size_t)(lx->p - s)};
            return;
        } else {
            /* "==" must not read as "=": keep two-character operators whole. */
            size_t len = 1;
            if (lx->p + 1 < lx->end && strchr("=~<>", c) && lx->p[1] == '=')
                len = 2;
            else if (c == '.' && lx->p + 1 < lx->end && lx->p[1] == '.')
                len = 2;
            *t = (token){TOK_SYMBOL, lx->line, lx->p, len};
            lx->p += len;
            count_nesting(lx, t);
            return;
        }
    }
    *t = (token){TOK_EOF, lx->line, lx->p, 0};
}

/* The walker looks at most three tokens ahead ('[ "key" ] ='). */
#define LOOKAHEAD 4

typedef struct stream {
    lexer lx;
    token win[LOOKAHEAD]; /* win[0] is the current token */
} stream;

static void stream_open(stream *st, const char *text, size_t len)
{
    memset(st, 0, sizeof *st);
    st->lx.p = text;
    st->lx.end = text + len;
    st->lx.line = 1;
    for (int i = 0; i < LOOKAHEAD; i++)
        lex_next(&st->lx, &st->win[i]);
}

static void stream_advance(stream *st)
{
    memmove(st->win, st->win + 1, (LOOKAHEAD - 1) * sizeof *st->win);
    lex_next(&st->lx, &st->win[LOOKAHEAD - 1]);
}

/* ---- structure ------------------------------------------------------------ */

static bool is_sym(const token *t, const char *s)
{
    return tok_is(t, TOK_SYMBOL, s);
}

static bool is_name(const token *t, const char *s)
{
    return tok_is(t, TOK_NAME, s);
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
    bool at_elem;  /* the next token starts an element */
    bool at_value; /* the next token is the first of a keyed/positional value */
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
static bool walk_key(walker *w, frame *f, const token *key, int line, int skip)
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

/* The current token t[0] inside the case table, with t[1..3] ahead (TOK_EOF
 * past the end). Returns false when out of memory. */
static bool walk_token(walker *w, const token *t)
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
        if (t->kind == TOK_NAME && is_sym(t + 1, "="))
            return walk_key(w, f, t, t->line, 1);
        if (is_sym(t, "[") && t[1].kind == TOK_STRING && is_sym(t + 2, "]") && is_sym(t + 3, "="))
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

/* Moves the stream to the token after the "{" of case { or case ( {;
 * false when the text has no such call. */
static bool find_case_call(stream *st)
{
    for (; st->win[0].kind != TOK_EOF; stream_advance(st)) {
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
        for (; ok && w->nf > 0 && st.win[0].kind != TOK_EOF; stream_advance(&st))
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
    while (st.win[0].kind != TOK_EOF)
        stream_advance(&st);
    m->deep_line = st.lx.deep_line;
    for (size_t i = 0; i < m->n; i++)
        m->items[i].path = m->paths + m->items[i].off;
    if (m->n > 1)
        qsort(m->items, m->n, sizeof *m->items, entry_cmp);
    return m;
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
