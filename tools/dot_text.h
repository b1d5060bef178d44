/* dot_text: author text made safe for a Graphviz DOT quoted string.
 *
 * Case text is whatever bytes an author typed: quotes, backslashes, '&',
 * control characters, invalid UTF-8. Each would make `dot` warn, fail or
 * show something else than was written, so all of it is rewritten here. */
#ifndef DOT_TEXT_H
#define DOT_TEXT_H

#include <stddef.h>

/* The inside of a DOT quoted string showing text s: valid UTF-8 (invalid
 * bytes become U+FFFD), control characters and runs of white space become one
 * space, '"' and '\' are escaped, '&' is written as "&amp;" (dot reads HTML
 * entities even in plain labels). With width > 0 the text is wrapped at word
 * boundaries into lines of at most width characters (longer words are
 * split), joined by "\n"; with max_lines > 0 lines beyond it are dropped and
 * the last kept line ends with "…". NULL s gives "". Returns a string to
 * free with mem_free (mem.h), or NULL when out of memory. */
char *dot_text(const char *s, size_t width, size_t max_lines);

#endif
