/* slips: Lua's syntax errors told as the slip a case author made, with the
 * line to look at (scenario-format.md "Errors authors must get"): a missing
 * comma, a curly quote or dash pasted from a word processor, a string or a
 * bracket that is never closed. Reads the text again with lua_lex; knows
 * nothing of the Lua state. */
#ifndef SLIPS_H
#define SLIPS_H

#include <stdbool.h>
#include <stddef.h>

/* lua_msg is Lua's message for the syntax error of the len bytes at text
 * ("'}' expected (to close '{' at line 4) near 'text'", without its
 * CHUNK:LINE:), lua_line its line. When a known slip fits, writes the
 * author's message into out (size bytes), its line into *line, and returns
 * true; else false, and Lua's message stands. */
bool slips_explain(const char *text, size_t len, int lua_line, const char *lua_msg, int *line,
                   char *out, size_t size);

/* Lua's "unknown name" for name on lua_line of the len bytes at text: when
 * it stands first in a table entry followed by == (outcome == "good"), the
 * author meant =. Writes the message into out and returns true; else false. */
bool slips_explain_unknown(const char *text, size_t len, int lua_line, const char *name, char *out,
                           size_t size);

#endif
