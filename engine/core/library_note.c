/* library_note: library.txt, a few `key: value` lines beside the cases. */
#include "library_note.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "utf8.h"

#define KNOWN_KEYS "ai_errors, ai_errors_note"

/* What one reading has seen so far. */
typedef struct reader {
    const char *path;
    int line;
    int errors_line, note_line; /* where each key was given, 0: not yet */
    library_note *n;
    apperr *e;
} reader;

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t len = strlen(s);
    while (len && isspace((unsigned char)s[len - 1]))
        s[--len] = '\0';
    return s;
}

static int wrong(reader *r, int line, const char *msg, const char *arg)
{
    apperr_set(r->e, APPERR_INPUT, r->path, line, msg, arg);
    return -1;
}

static int twice(reader *r, const char *key, int first)
{
    apperr_set(r->e, APPERR_INPUT, r->path, r->line,
               "%s is given twice (first at line %d): keep one", key, first);
    return -1;
}

static int set_ai_errors(reader *r, const char *value)
{
    if (r->errors_line)
        return twice(r, "ai_errors", r->errors_line);
    r->errors_line = r->line;
    if (strcmp(value, "enriched") == 0)
        r->n->ai_errors = LIBRARY_AI_ERRORS_ENRICHED;
    else if (strcmp(value, "typical") == 0)
        r->n->ai_errors = LIBRARY_AI_ERRORS_TYPICAL;
    else
        return wrong(r, r->line, "ai_errors must be enriched or typical, not '%s'", value);
    return 0;
}

static int set_note(reader *r, const char *value)
{
    if (r->note_line)
        return twice(r, "ai_errors_note", r->note_line);
    r->note_line = r->line;
    if (!value[0])
        return wrong(r, r->line, "%s is empty: write the note after the colon", "ai_errors_note");
    r->n->note = mem_strdup(value);
    if (!r->n->note) {
        apperr_set(r->e, APPERR_ENV, r->path, r->line, "out of memory");
        return LIBRARY_NOTE_OOM;
    }
    return 0;
}

/* One line, without its newline. */
static int take_line(reader *r, char *text)
{
    char *s = trim(text);
    if (!s[0] || s[0] == '#')
        return 0;
    if (!utf8_valid(s, strlen(s), NULL))
        return wrong(r, r->line, "%s", "the line is not UTF-8 text: save the file as UTF-8");
    char *colon = strchr(s, ':');
    if (!colon)
        return wrong(r, r->line, "expected 'key: value', got '%s' (keys: " KNOWN_KEYS ")", s);
    *colon = '\0';
    char *key = trim(s), *value = trim(colon + 1);
    if (strcmp(key, "ai_errors") == 0)
        return set_ai_errors(r, value);
    if (strcmp(key, "ai_errors_note") == 0)
        return set_note(r, value);
    return wrong(r, r->line, "unknown key '%s' (known: " KNOWN_KEYS ")", key);
}

static int read_lines(reader *r, FILE *f)
{
    char buf[LIBRARY_NOTE_LINE_MAX + 2];
    while (fgets(buf, sizeof buf, f)) {
        r->line++;
        size_t len = strlen(buf);
        bool whole = len && buf[len - 1] == '\n';
        if (!whole && !feof(f)) {
            apperr_set(r->e, APPERR_INPUT, r->path, r->line,
                       "the line is longer than %d bytes: shorten it", LIBRARY_NOTE_LINE_MAX);
            return -1;
        }
        buf[strcspn(buf, "\r\n")] = '\0';
        int rc = take_line(r, buf);
        if (rc != 0)
            return rc;
    }
    if (ferror(f)) {
        apperr_set(r->e, APPERR_ENV, r->path, 0, "cannot read: %s", strerror(errno));
        return -1;
    }
    if (r->note_line && r->n->ai_errors != LIBRARY_AI_ERRORS_ENRICHED)
        return wrong(r, r->note_line,
                     "%s is shown only when the cases are enriched for the AI's errors: add "
                     "'ai_errors: enriched', or remove the note",
                     "ai_errors_note");
    return 0;
}

int library_note_read(library_note *n, const char *case_file, apperr *e)
{
    n->ai_errors = LIBRARY_AI_ERRORS_UNSAID;
    n->note = NULL;
    char path[4096];
    const char *slash = case_file ? strrchr(case_file, '/') : NULL;
    int dir_len = slash ? (int)(slash - case_file) : 1;
    int len =
        snprintf(path, sizeof path, "%.*s/%s", dir_len, slash ? case_file : ".", LIBRARY_NOTE_FILE);
    if (len < 0 || (size_t)len >= sizeof path) {
        apperr_set(e, APPERR_ENV, case_file, 0, "the folder's path is too long");
        return -1;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT || errno == ENOTDIR)
            return 0;
        apperr_set(e, APPERR_ENV, path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    reader r = {.path = path, .n = n, .e = e};
    int rc = read_lines(&r, f);
    fclose(f);
    if (rc != 0)
        library_note_free(n);
    return rc;
}

void library_note_free(library_note *n)
{
    mem_free(n->note);
    n->note = NULL;
    n->ai_errors = LIBRARY_AI_ERRORS_UNSAID;
}

const char *library_note_text(const library_note *n)
{
    if (n->ai_errors != LIBRARY_AI_ERRORS_ENRICHED)
        return NULL;
    if (n->note)
        return n->note;
    return "The cases in this library are chosen so that the AI is wrong more often than real "
           "tools are, so that its errors can be practised. Do not take how often it was wrong "
           "here as how often any real tool is.";
}
