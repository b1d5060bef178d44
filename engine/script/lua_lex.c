#include "lua_lex.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

/* The lexer hands out one token at a time: no caller holds the whole
 * file's tokens (a 16 MiB file of "1," is eight million of them). */

void lua_lex_open(lua_lexer *lx, const char *text, size_t len)
{
    memset(lx, 0, sizeof *lx);
    lx->p = text;
    lx->end = text + len;
    lx->line = 1;
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

/* Past a long bracket of level; false when the text ends inside it. */
static bool skip_long(lua_lexer *lx, int level)
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
                return true;
            }
        }
        if (*lx->p == '\n')
            lx->line++;
        lx->p++;
    }
    return false;
}

static void lex_string(lua_lexer *lx, lex_token *t)
{
    const char *at = lx->p;
    char quote = *lx->p++;
    const char *start = lx->p;
    int line = lx->line;
    while (lx->p < lx->end && *lx->p != quote && *lx->p != '\n') {
        if (*lx->p == '\\' && lx->p + 1 < lx->end && lx->p[1] == 'z') {
            /* \z skips the spaces and line breaks that follow it */
            lx->p += 2;
            while (lx->p < lx->end && isspace((unsigned char)*lx->p))
                lx->line += *lx->p++ == '\n';
            continue;
        }
        if (*lx->p == '\\' && lx->p + 1 < lx->end) {
            if (lx->p[1] == '\n')
                lx->line++;
            lx->p++;
        }
        lx->p++;
    }
    bool closed = lx->p < lx->end && *lx->p == quote;
    *t = (lex_token){LEX_STRING, line, start, (size_t)(lx->p - start), at, closed};
    if (closed)
        lx->p++;
}

bool lua_lex_is(const lex_token *t, lex_kind k, const char *s)
{
    return t->kind == k && t->len == strlen(s) && memcmp(t->start, s, t->len) == 0;
}

/* Keeps count of open brackets and blocks, as Lua's parser nests them. */
static void count_nesting(lua_lexer *lx, const lex_token *t)
{
    bool open = false, close = false;
    if (t->kind == LEX_SYMBOL && t->len == 1) {
        open = strchr("{([", t->start[0]) != NULL;
        close = strchr("})]", t->start[0]) != NULL;
    } else if (t->kind == LEX_NAME) {
        open = lua_lex_is(t, LEX_NAME, "function") || lua_lex_is(t, LEX_NAME, "if") ||
               lua_lex_is(t, LEX_NAME, "do") || lua_lex_is(t, LEX_NAME, "repeat");
        close = lua_lex_is(t, LEX_NAME, "end") || lua_lex_is(t, LEX_NAME, "until");
    }
    if (open) {
        int w = lua_lex_is(t, LEX_NAME, "function") ? 2 : 1;
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

void lua_lex_next(lua_lexer *lx, lex_token *t)
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
            const char *at = lx->p, *start = lx->p + level + 2;
            bool closed = skip_long(lx, level);
            *t = (lex_token){LEX_STRING, line, start, 0, at, closed};
            return;
        } else if (isalpha((unsigned char)c) || c == '_') {
            const char *s = lx->p;
            while (lx->p < lx->end && (isalnum((unsigned char)*lx->p) || *lx->p == '_'))
                lx->p++;
            *t = (lex_token){LEX_NAME, lx->line, s, (size_t)(lx->p - s), s, true};
            count_nesting(lx, t);
            return;
        } else if (isdigit((unsigned char)c)) {
            const char *s = lx->p;
            while (lx->p < lx->end &&
                   (isalnum((unsigned char)*lx->p) || *lx->p == '.' ||
                    ((*lx->p == '-' || *lx->p == '+') && (lx->p[-1] == 'e' || lx->p[-1] == 'E' ||
                                                          lx->p[-1] == 'p' || lx->p[-1] == 'P'))))
                lx->p++;
            *t = (lex_token){LEX_NUMBER, lx->line, s, (size_t)(lx->p - s), s, true};
            return;
        } else {
            /* "==" must not read as "=": keep two-character operators whole. */
            size_t len = 1;
            if (lx->p + 1 < lx->end && strchr("=~<>", c) && lx->p[1] == '=')
                len = 2;
            else if (c == '.' && lx->p + 1 < lx->end && lx->p[1] == '.')
                len = 2;
            *t = (lex_token){LEX_SYMBOL, lx->line, lx->p, len, lx->p, true};
            lx->p += len;
            count_nesting(lx, t);
            return;
        }
    }
    *t = (lex_token){LEX_EOF, lx->line, lx->p, 0, lx->p, true};
}
