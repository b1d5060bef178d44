/* lua_lex: a forgiving reader of Lua source text, one token at a time, for
 * what looks at a case file's text without running it: the source map
 * (srcmap.c) and the explanations of syntax errors (slips.c). It never
 * fails: text Lua would refuse still comes out as tokens (a byte it does not
 * know as a one-byte symbol, a string cut at the end of its line as a string
 * that is not closed). Comments are skipped. */
#ifndef LUA_LEX_H
#define LUA_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include "srcmap.h"

typedef enum lex_kind { LEX_NAME, LEX_STRING, LEX_NUMBER, LEX_SYMBOL, LEX_EOF } lex_kind;

typedef struct lex_token {
    lex_kind kind;
    int line;          /* where the token starts */
    const char *start; /* NAME: the name; STRING: contents (no escapes decoded) */
    size_t len;
    const char *at; /* its first byte in the text (a string's quote) */
    bool closed;    /* false for a string that its line or the text ends inside */
} lex_token;

typedef struct lua_lexer {
    const char *p, *end;
    int line;
    int opened; /* brackets and blocks open now */
    int nest;   /* their weight: a function counts twice, as Lua's parser counts it */
    unsigned char weight[SRCMAP_NEST_MAX + 1]; /* of each open level, while under the limit */
    int deep_line; /* where they first nested deeper than SRCMAP_NEST_MAX; 0: never */
} lua_lexer;

/* Starts reading len bytes at text (line 1). */
void lua_lex_open(lua_lexer *lx, const char *text, size_t len);

/* The next token into t (LEX_EOF at the end, and after it). */
void lua_lex_next(lua_lexer *lx, lex_token *t);

/* t is of kind k and its text is s. */
bool lua_lex_is(const lex_token *t, lex_kind k, const char *s);

#endif
