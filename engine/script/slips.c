#include "slips.h"

#include <stdio.h>
#include <string.h>

#include "lua_lex.h"
#include "utf8.h"

/* Characters a word processor or a web page puts where the file's language
 * wants plain ones, and what to type instead. */
typedef struct pasted {
    const char *bytes; /* UTF-8 */
    const char *what;  /* "a curly quote “", as the message names it */
    const char *fix;   /* "use straight quotes \"" */
    bool quote;        /* it stands for a quote mark: it may close a text */
} pasted;

static const pasted PASTED[] = {
    {"\xE2\x80\x9C", "a curly quote “", "use straight quotes \"", true},
    {"\xE2\x80\x9D", "a curly quote ”", "use straight quotes \"", true},
    {"\xE2\x80\x9E", "a curly quote „", "use straight quotes \"", true},
    {"\xE2\x80\x98", "a curly quote ‘", "use straight quotes \"", true},
    {"\xE2\x80\x99", "a curly quote ’", "use straight quotes \"", true},
    {"\xE2\x80\x9A", "a curly quote ‚", "use straight quotes \"", true},
    {"\xC2\xAB", "a quote mark «", "use straight quotes \"", true},
    {"\xC2\xBB", "a quote mark »", "use straight quotes \"", true},
    {"\xE2\x80\x93", "a long dash (–)", "use a plain minus -", false},
    {"\xE2\x80\x94", "a long dash (—)", "use a plain minus -", false},
    {"\xE2\x88\x92", "a minus sign (−)", "use a plain minus -", false},
    {"\xE2\x80\xA6", "an ellipsis (…)", "use three dots ... inside quotes, or none", false},
};

/* Blocks and brackets still open while the text is read again. Lua's own
 * parser gives up near 200 levels; past this many only the count is kept. */
#define OPEN_MAX 256

/* What one reading of the text finds that Lua's message does not say. */
typedef struct scan {
    int lua_line;
    const char *near; /* the token Lua stopped at, as Lua shows it ("text", "\"two\"") */
    size_t near_len;
    const char *odd; /* the first byte outside strings and comments that Lua cannot read */
    int odd_line;
    lex_token unclosed; /* the first short string that its line ends inside */
    bool has_unclosed;
    const char *unclosed_line_at; /* the first token of its line */
    lex_token open[OPEN_MAX];
    int open_indent[OPEN_MAX]; /* of the line each opener stands on */
    int depth;
    lex_token mismatch; /* the first opener closed on a line indented less than its own */
    bool has_mismatch;
    lex_token deeper; /* the first closer first on a line indented more than its opener's */
    bool has_deeper;
    int deeper_opened; /* the line of the opener it closes */
    lex_token touch;   /* the first name or number right after a text's closing quote */
    char touch_quote;  /* that quote */
    bool has_touch;
    lex_token stray; /* the first closer with nothing open */
    bool has_stray;
    lex_token complaint, before; /* the token Lua stopped at and the one before it */
    lex_token before2;           /* and the one before that */
    const char *before_end;      /* the byte after before */
    int before_end_line;         /* the line before ends on */
    bool has_complaint;
} scan;

/* When at is the first token of its line (only spaces and tabs before it),
 * their number; else -1. Reads back over the spaces alone: each line's
 * first token costs its indentation, whatever the length of the line. */
static int indent_before(const char *text, const char *at)
{
    const char *s = at;
    while (s > text && (s[-1] == ' ' || s[-1] == '\t' || s[-1] == '\r'))
        s--;
    return s == text || s[-1] == '\n' ? (int)(at - s) : -1;
}

static bool is_opener(const lex_token *t)
{
    if (t->kind == LEX_SYMBOL)
        return t->len == 1 && strchr("{([", t->start[0]);
    return lua_lex_is(t, LEX_NAME, "function") || lua_lex_is(t, LEX_NAME, "if") ||
           lua_lex_is(t, LEX_NAME, "do") || lua_lex_is(t, LEX_NAME, "repeat");
}

static bool is_closer(const lex_token *t)
{
    if (t->kind == LEX_SYMBOL)
        return t->len == 1 && strchr("})]", t->start[0]);
    return lua_lex_is(t, LEX_NAME, "end") || lua_lex_is(t, LEX_NAME, "until");
}

/* Keeps the stack of open brackets and blocks, and notes the first closer
 * that stands first on a line indented less than its opener's line: the
 * opener whose own closer was forgotten, as the indentation tells it.
 * indent: of the line of t; first: t is the first token of its line. */
static void track_nesting(scan *s, const lex_token *t, int indent, bool first)
{
    if (is_opener(t)) {
        if (s->depth < OPEN_MAX) {
            s->open[s->depth] = *t;
            s->open_indent[s->depth] = indent;
        }
        s->depth++;
    } else if (is_closer(t) && s->depth > 0) {
        s->depth--;
        if (s->depth < OPEN_MAX && !s->has_mismatch && first && indent < s->open_indent[s->depth]) {
            s->mismatch = s->open[s->depth];
            s->has_mismatch = true;
        }
        if (s->depth < OPEN_MAX && !s->has_deeper && first && indent > s->open_indent[s->depth]) {
            s->deeper = *t;
            s->deeper_opened = s->open[s->depth].line;
            s->has_deeper = true;
        }
    } else if (is_closer(t) && !s->has_stray) {
        s->stray = *t;
        s->has_stray = true;
    }
}

/* The token Lua shows as near: a name or number as it is, a string from its
 * opening quote. */
static bool is_near(const scan *s, const char *end, const lex_token *t)
{
    if (!s->near || t->line != s->lua_line || (size_t)(end - t->at) < s->near_len)
        return false;
    if (memcmp(t->at, s->near, s->near_len) != 0)
        return false;
    return t->kind == LEX_STRING || t->len == s->near_len;
}

/* The contents of the string t hold no = { or }: prose, not fields that
 * a forgotten closing quote swallowed ("chest pain., ending = { outcome = "). */
static bool reads_as_text(const lex_token *t)
{
    for (size_t i = 0; i < t->len; i++)
        if (strchr("={}", t->start[i]))
            return false;
    return true;
}

static void read_text(scan *s, const char *text, size_t len)
{
    lua_lexer lx;
    lex_token t, prev = {LEX_EOF, 0, text, 0, text, true}, prev2 = prev;
    int prev_end = 0, indent = 0; /* the line the last token ended on; its indentation */
    const char *prev_endp = text, *line_at = text; /* the byte after it; its line's first token */
    lua_lex_open(&lx, text, len);
    for (lua_lex_next(&lx, &t); t.kind != LEX_EOF; lua_lex_next(&lx, &t)) {
        int first = t.line > prev_end ? indent_before(text, t.at) : -1;
        int before_end_line = prev_end;
        if (first >= 0)
            indent = first;
        if (t.line > prev_end)
            line_at = t.at;
        prev_end = lx.line;
        if (t.kind == LEX_SYMBOL && (unsigned char)t.start[0] >= 0x80 && !s->odd) {
            s->odd = t.start;
            s->odd_line = t.line;
        }
        if (t.kind == LEX_STRING && !t.closed && (t.at[0] == '"' || t.at[0] == '\'') &&
            !s->has_unclosed) {
            s->unclosed = t;
            s->unclosed_line_at = line_at;
            s->has_unclosed = true;
        }
        if (!s->has_touch && prev.kind == LEX_STRING && prev.closed && t.at == prev_endp &&
            (prev.at[0] == '"' || prev.at[0] == '\'') &&
            (t.kind == LEX_NAME || t.kind == LEX_NUMBER) && reads_as_text(&prev)) {
            s->touch = t;
            s->touch_quote = prev.at[0];
            s->has_touch = true;
        }
        if (!s->has_complaint && is_near(s, text + len, &t)) {
            s->complaint = t;
            s->before = prev;
            s->before2 = prev2;
            s->before_end = prev_endp;
            s->before_end_line = before_end_line;
            s->has_complaint = true;
        }
        track_nesting(s, &t, indent, first >= 0);
        prev2 = prev;
        prev = t;
        prev_endp = lx.p;
    }
}

/* ---- the messages ------------------------------------------------------------ */

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The byte at p (and what follows it, up to end) read as one character:
 * which pasted character it is, or NULL; its bytes into shown. */
static const pasted *pasted_at(const char *p, const char *end, char *shown, size_t size)
{
    size_t avail = (size_t)(end - p), n = 1;
    unsigned char c = (unsigned char)*p;
    if (c >= 0xF0)
        n = 4;
    else if (c >= 0xE0)
        n = 3;
    else if (c >= 0xC0)
        n = 2;
    size_t bad;
    shown[0] = '\0';
    if (n > avail || n >= size || !utf8_valid(p, n, &bad))
        return NULL;
    memcpy(shown, p, n);
    shown[n] = '\0';
    for (size_t i = 0; i < sizeof PASTED / sizeof PASTED[0]; i++)
        if (strlen(PASTED[i].bytes) == n && memcmp(PASTED[i].bytes, p, n) == 0)
            return &PASTED[i];
    return NULL;
}

/* A character outside quotes that Lua cannot read, at p on line. */
static void odd_message(const char *p, const char *end, int line, char *out, size_t size)
{
    char shown[8];
    const pasted *k = pasted_at(p, end, shown, sizeof shown);
    if (k)
        snprintf(out, size, "line %d has %s — %s", line, k->what, k->fix);
    else if (strcmp(shown, "\xC2\xA0") == 0)
        snprintf(out, size,
                 "line %d has a non-breaking space (pasted from a word processor or a web "
                 "page) — retype it as a plain space",
                 line);
    else if (shown[0])
        snprintf(out, size,
                 "line %d has the character %s outside quotes, where the file takes only plain "
                 "letters, digits and signs — retype it, or put it inside quotes if it is text",
                 line, shown);
    else
        snprintf(out, size,
                 "line %d has byte 0x%02X, which is not UTF-8 — save the case file as UTF-8 (in "
                 "most editors: Save As, then Encoding: UTF-8)",
                 line, (unsigned)(unsigned char)*p);
}

/* The line from p reads with every string closed when the pasted quote mark
 * at q closes the string it stands in (and only then). */
static bool closes_with(const char *p, const char *end, const char *q, size_t q_len)
{
    char open = 0;
    bool used = false;
    for (; p < end && *p != '\n'; p++) {
        if (!open) {
            if (p[0] == '-' && p + 1 < end && p[1] == '-')
                break; /* a comment: the rest of the line is no text */
            if (*p == '"' || *p == '\'')
                open = *p;
        } else if (p == q) {
            open = 0;
            used = true;
            p += q_len - 1;
        } else if (*p == '\\' && p + 1 < end && p[1] != '\n') {
            p++;
        } else if (*p == open) {
            open = 0;
        }
    }
    return used && !open;
}

/* What follows p can follow the end of a text: , } ) .. or the end of the
 * line (or a comment). */
static bool ends_a_text(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    return p == end || (*p && strchr(",})\n", *p)) || (p + 1 < end && p[0] == '.' && p[1] == '.') ||
           (p + 1 < end && p[0] == '-' && p[1] == '-');
}

/* A pasted quote mark on the line from p that, read as the straight quote
 * it stands for, closes every string on the line: a text closed with a
 * curly quote, more fields after it. Curly quotes inside a text closed
 * straight never fit: the line would still end inside a string, or the
 * mark is not where a text ends. */
static const char *curly_closer(const char *p, const char *end)
{
    char shown[8];
    for (const char *q = p; q < end && *q != '\n'; q++) {
        const pasted *k = (unsigned char)*q >= 0x80 ? pasted_at(q, end, shown, sizeof shown) : NULL;
        if (k && k->quote && ends_a_text(q + strlen(shown), end) &&
            closes_with(p, end, q, strlen(shown)))
            return q;
    }
    return NULL;
}

/* The word that opens what the closer t closes (a block's end: its if,
 * do or function, said as "block"). */
static const char *opener_of(const lex_token *t)
{
    if (t->kind == LEX_SYMBOL)
        return t->start[0] == '}' ? "{" : t->start[0] == ')' ? "(" : "[";
    return lua_lex_is(t, LEX_NAME, "until") ? "repeat" : "block";
}

/* The word that closes what t opens. */
static const char *closer_of(const lex_token *t)
{
    if (t->kind == LEX_SYMBOL)
        return t->start[0] == '{' ? "}" : t->start[0] == '(' ? ")" : "]";
    return lua_lex_is(t, LEX_NAME, "repeat") ? "until" : "end";
}

static void unclosed_message(const lex_token *t, char *out, size_t size)
{
    snprintf(out, size, "the %.*s on line %d is never closed — add the %s that closes it",
             (int)t->len, t->start, t->line, closer_of(t));
}

/* "'end' expected (to close 'if' at line 8) near 'return'": a block that
 * Lua wanted closed before that token, named with its line. */
static bool block_unclosed(const scan *s, const char *lua_msg, int *line, char *out, size_t size)
{
    char word[16], closer[16];
    int from = 0;
    if (sscanf(lua_msg, "'%15[a-z]' expected (to close '%15[a-z]' at line %d)", closer, word,
               &from) != 3)
        return false;
    if (s->has_mismatch && s->mismatch.line <= s->lua_line) {
        *line = s->mismatch.line;
        unclosed_message(&s->mismatch, out, size);
    } else {
        *line = from;
        snprintf(out, size, "the %s on line %d is never closed — add the %s that closes it", word,
                 from, closer);
    }
    return true;
}

/* A token that can end a value or a field ("text", 5, x, true, }, ), ]). */
static bool ends_value(const lex_token *t)
{
    static const char *const NOT[] = {
        "and", "break", "do",     "else",   "elseif", "for",   "goto",  "if",       "in", "local",
        "not", "or",    "repeat", "return", "then",   "until", "while", "function", NULL};
    if (t->kind == LEX_STRING || t->kind == LEX_NUMBER)
        return t->closed;
    if (t->kind == LEX_SYMBOL)
        return t->len == 1 && strchr("})]", t->start[0]);
    if (t->kind != LEX_NAME)
        return false;
    for (int i = 0; NOT[i]; i++)
        if (lua_lex_is(t, LEX_NAME, NOT[i]))
            return false;
    return true;
}

/* A token that can begin the next field or entry (text = …, "two", {). */
static bool starts_value(const lex_token *t)
{
    if (t->kind == LEX_SYMBOL)
        return t->len == 1 && strchr("{[", t->start[0]);
    return t->kind == LEX_NAME || t->kind == LEX_STRING || t->kind == LEX_NUMBER;
}

/* "He said "no" to it": a straight quote inside a text ends it; word is
 * what follows that quote. */
static void quote_message(char quote, const char *word, size_t word_len, char *out, size_t size)
{
    int n = (int)utf8_prefix(word, word_len, 40);
    if (quote == '"')
        snprintf(out, size,
                 "the \" before %.*s ends the text early \xE2\x80\x94 for quote marks inside a "
                 "text, write \\\" instead of \" (or use ' ' around the quoted words)",
                 n, word);
    else
        snprintf(out, size,
                 "the ' before %.*s ends the text early \xE2\x80\x94 for an apostrophe inside "
                 "a text, write \\' instead of ' (or put the whole text in \" \")",
                 n, word);
}

/* Lua stopped at the word that touches the quote closing the text before
 * it. */
static bool quote_inside(const scan *s, int *line, char *out, size_t size)
{
    const lex_token *b = &s->before;
    if (!s->has_complaint || b->kind != LEX_STRING || !b->closed ||
        (b->at[0] != '"' && b->at[0] != '\'') || s->complaint.at != s->before_end)
        return false;
    *line = s->complaint.line;
    quote_message(b->at[0], s->near, s->near_len, out, size);
    return true;
}

/* The token before Lua's complaint is followed by a comment on its line:
 * a comma added at the very end of the line would go inside the comment. */
static bool comment_after(const scan *s, const char *end)
{
    const char *p = s->before_end;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p + 1 < end && p[0] == '-' && p[1] == '-';
}

static bool missing_comma(const scan *s, const char *text, size_t len, int *line, char *out,
                          size_t size)
{
    if (!s->has_complaint || !ends_value(&s->before) || !starts_value(&s->complaint))
        return false;
    /* A field's text followed by another text: a long text split over
     * lines wants .. between its parts (a list of texts wants the comma). */
    bool field_text =
        s->before.kind == LEX_STRING && s->complaint.kind == LEX_STRING &&
        (lua_lex_is(&s->before2, LEX_SYMBOL, "=") || lua_lex_is(&s->before2, LEX_SYMBOL, ".."));
    const char *join = field_text ? "; or, if the two texts are one, join them with .." : "";
    if (indent_before(text, s->complaint.at) >= 0 && s->before_end_line < s->complaint.line &&
        comment_after(s, text + len)) {
        const char *b = s->before.at;
        *line = s->before_end_line;
        snprintf(out, size,
                 "missing comma after %.*s%s on line %d, before its comment? (entries and "
                 "fields in { } are separated by commas, and line %d starts another%s)",
                 (int)utf8_prefix(b, (size_t)(s->before_end - b), 40), b,
                 utf8_prefix(b, (size_t)(s->before_end - b), 40) < (size_t)(s->before_end - b)
                     ? "\xE2\x80\xA6"
                     : "",
                 *line, s->complaint.line, join);
    } else if (indent_before(text, s->complaint.at) >= 0 &&
               s->before_end_line < s->complaint.line) {
        *line = s->before_end_line;
        snprintf(out, size,
                 "missing comma at the end of line %d? (entries and fields in { } are "
                 "separated by commas, and line %d starts another%s)",
                 *line, s->complaint.line, join);
    } else {
        *line = s->complaint.line;
        snprintf(out, size,
                 "missing comma before %.*s on line %d? (entries and fields in { } are "
                 "separated by commas%s)",
                 (int)utf8_prefix(s->near, s->near_len, 40), s->near, *line, join);
    }
    return true;
}

/* A closer with nothing open: one too many. The first closer indented
 * deeper than its opener, when it comes earlier, is most likely the one. */
static void stray_message(const scan *s, int *line, char *out, size_t size)
{
    const lex_token *c = &s->stray;
    if (s->has_deeper && s->deeper.line < c->line) {
        const lex_token *d = &s->deeper;
        *line = d->line;
        snprintf(out, size,
                 "one %.*s too many on line %d or just above it? Counting brackets, the %.*s on "
                 "line %d closes the %s on line %d, and the %.*s on line %d has nothing left to "
                 "close: remove the extra %.*s",
                 (int)d->len, d->start, d->line, (int)d->len, d->start, d->line, opener_of(d),
                 s->deeper_opened, (int)c->len, c->start, c->line, (int)d->len, d->start);
    } else {
        *line = c->line;
        snprintf(out, size,
                 "the %.*s on line %d has nothing left to close \xE2\x80\x94 one %.*s too many, "
                 "on this line or above it: remove it",
                 (int)c->len, c->start, c->line, (int)c->len, c->start);
    }
}

/* The JSON habit: id: "slip" (Lua reads a method call and wants a name
 * after the colon) or "id": "slip" (a text, then a colon). */
static bool colon_for_equals(const scan *s, const char *lua_msg, int *line, char *out, size_t size)
{
    if (!s->has_complaint)
        return false;
    const lex_token *key = NULL, *colon = NULL;
    if (starts_with(lua_msg, "<name> expected") && lua_lex_is(&s->before, LEX_SYMBOL, ":") &&
        s->before2.kind == LEX_NAME) {
        key = &s->before2;
        colon = &s->before;
    } else if (starts_with(lua_msg, "'}' expected") && lua_lex_is(&s->complaint, LEX_SYMBOL, ":") &&
               s->before.kind == LEX_STRING && s->before.closed && s->before.at[0] != '[') {
        key = &s->before;
        colon = &s->complaint;
    }
    if (!key || key->len == 0 || key->len > 60)
        return false;
    *line = colon->line;
    snprintf(out, size,
             "line %d has %.*s \xE2\x80\x94 write %.*s = instead (a field takes its value "
             "with =, not a colon%s)",
             *line, (int)(colon->at + 1 - key->at), key->at, (int)key->len, key->start,
             key->kind == LEX_STRING ? ", and its name needs no quotes" : "");
    return true;
}

/* ---- Lua's message ----------------------------------------------------------- */

/* Lua ends a syntax error with " near TOKEN": the token as Lua shows it,
 * without the quotes around it; NULL at the end of the text (<eof>). */
static const char *near_of(const char *msg, size_t *len)
{
    const char *n = NULL;
    for (const char *p = strstr(msg, " near "); p; p = strstr(p + 1, " near "))
        n = p + 6;
    if (!n || n[0] != '\'')
        return NULL;
    size_t l = strlen(n);
    if (l < 2 || n[l - 1] != '\'')
        return NULL;
    *len = l - 2;
    return n + 1;
}

/* "unfinished long string (starting at line 4)": 4, else 0. */
static int long_start(const char *msg, const char *what)
{
    int line = 0;
    char form[80];
    snprintf(form, sizeof form, "unfinished long %s (starting at line %%d)", what);
    return sscanf(msg, form, &line) == 1 ? line : 0;
}

bool slips_explain(const char *text, size_t len, int lua_line, const char *lua_msg, int *line,
                   char *out, size_t size)
{
    scan s; /* about 12 KiB, on the C stack (no allocation that could fail) */
    memset(&s, 0, sizeof s);
    s.lua_line = lua_line;
    s.near = near_of(lua_msg, &s.near_len);
    read_text(&s, text, len);

    if (s.odd && s.odd_line <= lua_line) {
        *line = s.odd_line;
        odd_message(s.odd, text + len, s.odd_line, out, size);
        return true;
    }
    if (s.has_unclosed && s.unclosed.line <= lua_line) {
        const char *curly = curly_closer(s.unclosed_line_at, text + len);
        *line = s.unclosed.line;
        if (curly)
            odd_message(curly, text + len, *line, out, size);
        else if (s.has_touch && s.touch.line == s.unclosed.line)
            quote_message(s.touch_quote, s.touch.start, s.touch.len, out, size);
        else
            snprintf(out, size,
                     "the string that starts on line %d is never closed — add its "
                     "closing %c",
                     *line, s.unclosed.at[0]);
        return true;
    }
    int from = long_start(lua_msg, "string");
    if (from > 0 || (from = long_start(lua_msg, "comment")) > 0) {
        *line = from;
        snprintf(out, size, "the long %s that starts on line %d is never closed — end it with ]]",
                 long_start(lua_msg, "string") ? "text [[" : "comment --[[", from);
        return true;
    }
    /* At the end of the text with brackets or blocks still open: one of
     * them lacks its closer, whatever Lua expected there. */
    if (!s.near && strstr(lua_msg, " near <eof>") && s.depth > 0) {
        const lex_token *o = s.has_mismatch        ? &s.mismatch
                             : s.depth <= OPEN_MAX ? &s.open[s.depth - 1]
                                                   : NULL;
        if (!o)
            return false;
        *line = o->line;
        unclosed_message(o, out, size);
        return true;
    }
    if (s.has_stray && s.stray.line <= lua_line) {
        stray_message(&s, line, out, size);
        return true;
    }
    if (colon_for_equals(&s, lua_msg, line, out, size))
        return true;
    if (starts_with(lua_msg, "'}' expected") || starts_with(lua_msg, "')' expected"))
        return quote_inside(&s, line, out, size) || missing_comma(&s, text, len, line, out, size);
    if (starts_with(lua_msg, "'end' expected") || starts_with(lua_msg, "'until' expected"))
        return block_unclosed(&s, lua_msg, line, out, size);
    return false;
}

bool slips_explain_unknown(const char *text, size_t len, int lua_line, const char *name, char *out,
                           size_t size)
{
    lua_lexer lx;
    lex_token t, prev = {LEX_EOF, 0, text, 0, text, true};
    lua_lex_open(&lx, text, len);
    for (lua_lex_next(&lx, &t); t.kind != LEX_EOF && t.line <= lua_line; lua_lex_next(&lx, &t)) {
        bool entry = lua_lex_is(&prev, LEX_SYMBOL, "{") || lua_lex_is(&prev, LEX_SYMBOL, ",") ||
                     lua_lex_is(&prev, LEX_SYMBOL, ";");
        if (t.line == lua_line && entry && lua_lex_is(&t, LEX_NAME, name)) {
            lex_token next;
            lua_lex_next(&lx, &next);
            if (lua_lex_is(&next, LEX_SYMBOL, "==")) {
                snprintf(out, size,
                         "%s == compares, and gives %s no value \xE2\x80\x94 write %s = "
                         "(with a single =) to set it",
                         name, name, name);
                return true;
            }
            t = next;
        }
        prev = t;
    }
    return false;
}
