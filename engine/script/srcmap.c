#include "srcmap.h"

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
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
    char *path;
    int line;
    size_t order; /* position in the source, to keep the first of equal paths */
} entry;

struct srcmap {
    entry *items;
    size_t n, cap;
};

/* ---- tokens --------------------------------------------------------------- */

typedef struct lexer {
    const char *p, *end;
    int line;
    token *toks;
    size_t n, cap;
} lexer;

static bool push_tok(lexer *lx, tok_kind k, int line, const char *s, size_t len)
{
    if (lx->n == lx->cap) {
        size_t cap = lx->cap ? lx->cap * 2 : 256;
        token *t = realloc(lx->toks, cap * sizeof *t);
        if (!t)
            return false;
        lx->toks = t;
        lx->cap = cap;
    }
    lx->toks[lx->n++] = (token){k, line, s, len};
    return true;
}

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

static bool lex_string(lexer *lx)
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
    bool ok = push_tok(lx, TOK_STRING, line, start, (size_t)(lx->p - start));
    if (lx->p < lx->end && *lx->p == quote)
        lx->p++;
    return ok;
}

static bool lex_all(lexer *lx)
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
            if (!lex_string(lx))
                return false;
        } else if (c == '[' && long_level(lx->p, lx->end) >= 0) {
            int line = lx->line, level = long_level(lx->p, lx->end);
            const char *start = lx->p + level + 2;
            skip_long(lx, level);
            if (!push_tok(lx, TOK_STRING, line, start, 0))
                return false;
        } else if (isalpha((unsigned char)c) || c == '_') {
            const char *s = lx->p;
            while (lx->p < lx->end && (isalnum((unsigned char)*lx->p) || *lx->p == '_'))
                lx->p++;
            if (!push_tok(lx, TOK_NAME, lx->line, s, (size_t)(lx->p - s)))
                return false;
        } else if (isdigit((unsigned char)c)) {
            const char *s = lx->p;
            while (lx->p < lx->end && (isalnum((unsigned char)*lx->p) || *lx->p == '.' ||
                                       ((*lx->p == '-' || *lx->p == '+') &&
                                        (lx->p[-1] == 'e' || lx->p[-1] == 'E' ||
                                         lx->p[-1] == 'p' || lx->p[-1] == 'P'))))
                lx->p++;
            if (!push_tok(lx, TOK_NUMBER, lx->line, s, (size_t)(lx->p - s)))
                return false;
        } else {
            /* "==" must not read as "=": keep two-character operators whole. */
            size_t len = 1;
            if (lx->p + 1 < lx->end && strchr("=~<>", c) && lx->p[1] == '=')
                len = 2;
            else if (c == '.' && lx->p + 1 < lx->end && lx->p[1] == '.')
                len = 2;
            if (!push_tok(lx, TOK_SYMBOL, lx->line, lx->p, len))
                return false;
            lx->p += len;
        }
    }
    return push_tok(lx, TOK_EOF, lx->line, lx->p, 0);
}

/* ---- structure ------------------------------------------------------------ */

static bool is_sym(const token *t, const char *s)
{
    return t->kind == TOK_SYMBOL && t->len == strlen(s) && memcmp(t->start, s, t->len) == 0;
}

static bool is_name(const token *t, const char *s)
{
    return t->kind == TOK_NAME && t->len == strlen(s) && memcmp(t->start, s, t->len) == 0;
}

static bool add_entry(srcmap *m, const char *path, int line)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 128;
        entry *e = realloc(m->items, cap * sizeof *e);
        if (!e)
            return false;
        m->items = e;
        m->cap = cap;
    }
    char *p = strdup(path);
    if (!p)
        return false;
    m->items[m->n] = (entry){p, line, m->n};
    m->n++;
    return true;
}

typedef struct frame {
    char path[256];
    bool opaque;   /* a table inside code: no keys recorded */
    int index;     /* positional values so far */
    int depth;     /* block/paren depth when the frame opened */
    bool at_elem;  /* the next token starts an element */
    bool at_value; /* the next token is the first of a keyed/positional value */
    int skip;      /* tokens of a key still to pass over ("=", or "str ] =") */
    char value_path[256];
} frame;

#define MAX_FRAMES 64

typedef struct walker {
    srcmap *m;
    frame frames[MAX_FRAMES];
    int nf;
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
        /* Too deep to map (Lua itself refuses a few hundred levels): count
         * the level so that its "}" closes it, record nothing inside. */
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

/* One token inside the case table; `left` counts the tokens from t to the
 * end. Returns false when out of memory. */
static bool walk_token(walker *w, const token *t, size_t left)
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
        if (left > 1 && t->kind == TOK_NAME && is_sym(t + 1, "=")) {
            join(f->value_path, sizeof f->value_path, f->path, t->start, t->len);
            f->skip = 1;
            return add_entry(w->m, f->value_path, t->line);
        }
        if (left > 3 && is_sym(t, "[") && t[1].kind == TOK_STRING && is_sym(t + 2, "]") &&
            is_sym(t + 3, "=")) {
            join(f->value_path, sizeof f->value_path, f->path, t[1].start, t[1].len);
            f->skip = 3;
            return add_entry(w->m, f->value_path, t->line);
        }
        f->index++;
        char indexed[sizeof f->value_path];
        int len = snprintf(indexed, sizeof indexed, "%s[%d]", f->path, f->index);
        if (len < 0 || (size_t)len >= sizeof indexed)
            return true; /* a path too long to keep: leave it unmapped */
        memcpy(f->value_path, indexed, (size_t)len + 1);
        if (!add_entry(w->m, f->value_path, t->line))
            return false;
    }

    if (is_sym(t, "{")) {
        bool keyed = live && f->at_value;
        if (f)
            f->at_value = false;
        push_frame(w, keyed ? f->value_path : NULL, !keyed);
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

srcmap *srcmap_build(const char *text, size_t len)
{
    srcmap *m = calloc(1, sizeof *m);
    lexer lx = {text, text + len, 1, NULL, 0, 0};
    walker w;
    bool ok = m != NULL;
    if (!ok)
        return NULL;
    if (!lex_all(&lx)) {
        free(lx.toks);
        return m; /* out of memory while scanning: an empty map still works */
    }
    memset(&w, 0, sizeof w);
    w.m = m;
    /* The root: case { or case ( { */
    size_t i = 0;
    for (; i + 1 < lx.n; i++) {
        if (is_name(&lx.toks[i], "case")) {
            if (is_sym(&lx.toks[i + 1], "{")) {
                i += 1;
                break;
            }
            if (is_sym(&lx.toks[i + 1], "(") && i + 2 < lx.n && is_sym(&lx.toks[i + 2], "{")) {
                i += 2;
                break;
            }
        }
    }
    if (i + 1 < lx.n) {
        push_frame(&w, "", false);
        for (i++; i < lx.n && w.nf > 0 && lx.toks[i].kind != TOK_EOF && ok; i++)
            ok = walk_token(&w, &lx.toks[i], lx.n - i);
    }
    free(lx.toks);
    if (m->n > 1)
        qsort(m->items, m->n, sizeof *m->items, entry_cmp);
    return m;
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
    for (size_t i = 0; i < m->n; i++)
        free(m->items[i].path);
    free(m->items);
    free(m);
}
