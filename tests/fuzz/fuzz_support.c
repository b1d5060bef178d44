#define _XOPEN_SOURCE 700
#include "fuzz_support.h"

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[4096];

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

static void remove_scratch(void)
{
    if (scratch[0])
        nftw(scratch, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void die(const char *what, const char *path)
{
    fprintf(stderr, "fuzz: %s %s\n", what, path);
    abort();
}

const char *fuzz_scratch(void)
{
    if (scratch[0])
        return scratch;
    const char *base = getenv("TMPDIR");
    snprintf(scratch, sizeof scratch, "%s/appraise-fuzz-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(scratch))
        die("cannot make a scratch folder", scratch);
    atexit(remove_scratch);
    return scratch;
}

void fuzz_write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        die("cannot write", path);
}

void fuzz_copy_dir(const char *from, const char *to)
{
    if (mkdir(to, 0700) != 0 && access(to, W_OK) != 0)
        die("cannot make", to);
    DIR *d = opendir(from);
    if (!d)
        die("cannot list", from);
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        char src[4096], dst[4096];
        struct stat st;
        snprintf(src, sizeof src, "%s/%s", from, ent->d_name);
        snprintf(dst, sizeof dst, "%s/%s", to, ent->d_name);
        if (stat(src, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        FILE *f = fopen(src, "rb");
        char *buf = malloc((size_t)st.st_size + 1);
        if (!f || !buf || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size)
            die("cannot read", src);
        fclose(f);
        fuzz_write_file(dst, buf, (size_t)st.st_size);
        free(buf);
    }
    closedir(d);
}

char *fuzz_text(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

uint64_t fuzz_hash(const uint8_t *data, size_t size)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 1099511628211ULL;
    return h;
}

/* ---- known bugs: TEMPORARY ---------------------------------------------------
 *
 * Bugs that the fuzzers reach and whose fixes are being made apart from the
 * fuzzing (in the loader, the sandbox, the log reader). An input that
 * reaches one is skipped by the harness, both while fuzzing and when ctest
 * replays the regression inputs, so that the fuzzing in CI keeps looking for
 * new bugs instead of stopping at these. Each entry names its regression
 * input: remove the entry once the fix is merged, and the replay then checks
 * the fix. This list should be empty. */

typedef struct known_bug {
    const char *target; /* harness name, e.g. "srcmap" */
    const char *name;   /* the bug, and its regression input */
    bool (*reaches)(const uint8_t *data, size_t size);
} known_bug;

/* At "[" of a Lua long bracket: its level, else -1. */
static int long_level(const uint8_t *p, const uint8_t *end)
{
    int level = 0;
    if (p >= end || *p != '[')
        return -1;
    for (p++; p < end && *p == '='; p++)
        level++;
    return p < end && *p == '[' ? level : -1;
}

/* Past the long bracket of level at p (or to the end). */
static const uint8_t *skip_long(const uint8_t *p, const uint8_t *end, int level)
{
    for (p += level + 2; p < end; p++) {
        if (*p != ']')
            continue;
        const uint8_t *q = p + 1;
        int l = 0;
        while (q < end && *q == '=')
            q++, l++;
        if (l == level && q < end && *q == ']')
            return q + 1;
    }
    return end;
}

/* The source map overflows its frame stack when case{ } nests tables 65
 * deep (srcmap.c push_frame checks == where it needs >=). The depth of
 * braces outside strings and comments, as Lua reads them; 60 or more is
 * taken as the bug. Regressions: regressions/{case,srcmap}/known-srcmap-65-deep*. */
static bool nests_deep(const uint8_t *data, size_t size)
{
    const uint8_t *p = data, *end = data + size;
    int depth = 0, level;
    while (p < end) {
        if (p + 1 < end && p[0] == '-' && p[1] == '-') {
            p += 2;
            if ((level = long_level(p, end)) >= 0)
                p = skip_long(p, end, level);
            else
                while (p < end && *p != '\n')
                    p++;
        } else if ((level = long_level(p, end)) >= 0) {
            p = skip_long(p, end, level);
        } else if (*p == '"' || *p == '\'') {
            uint8_t q = *p++;
            while (p < end && *p != q && *p != '\n')
                p += *p == '\\' && p + 1 < end ? 2 : 1;
            p += p < end; /* past the closing quote */
        } else {
            depth += *p == '{';
            depth -= *p == '}' && depth > 0;
            if (depth >= 60)
                return true;
            p++;
        }
    }
    return false;
}

/* Whether the input holds text (a crude test: in code, strings or comments). */
static bool has(const uint8_t *data, size_t size, const char *text)
{
    size_t n = strlen(text);
    for (size_t i = 0; n <= size && i <= size - n; i++)
        if (memcmp(data + i, text, n) == 0)
            return true;
    return false;
}

static bool has_any(const uint8_t *data, size_t size, const char *const *texts)
{
    for (; *texts; texts++)
        if (has(data, size, *texts))
            return true;
    return false;
}

/* Reading the case table runs metamethods outside the protected call: an
 * __index that errors is a Lua panic (abort), one that loops never ends.
 * Regressions: regressions/case/known-metamethod-*.case. */
static bool case_metamethods(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"__index", "__len", NULL};
    return has(data, size, "setmetatable") && has_any(data, size, names);
}

/* A __gc finalizer runs with the budget's hook off: a loop in it never
 * ends. Regression: regressions/case/known-gc-loop.case. */
static bool gc_finalizer(const uint8_t *data, size_t size)
{
    return has(data, size, "__gc");
}

/* Library functions that work without allocating or counting against the
 * budget: string.rep of "", table.move over a huge range, backtracking
 * patterns. Regressions: regressions/case/known-{rep,move,pattern}-*.case. */
static bool unbounded_library_work(const uint8_t *data, size_t size)
{
    static const char *const names[] = {".rep",   ":rep",   ".move",  ".find", ":find",
                                        ".match", ":match", "gmatch", "gsub",  NULL};
    return has_any(data, size, names);
}

/* An elapsed function returning NaN converts it to an integer before the
 * range check (undefined behaviour, case_runtime.c). Regression:
 * regressions/case/known-elapsed-nan.case. */
static bool elapsed_nan(const uint8_t *data, size_t size)
{
    static const char *const nans[] = {"0/0", "0 / 0", "huge", "e999", "e309", NULL};
    return has(data, size, "elapsed") && has_any(data, size, nans);
}

static const known_bug KNOWN[] = {
    {"srcmap", "srcmap frame overflow at 65 levels of tables", nests_deep},
    {"case", "srcmap frame overflow at 65 levels of tables", nests_deep},
    {"case", "case table metamethods run unprotected", case_metamethods},
    {"case", "__gc finalizer outside the budget", gc_finalizer},
    {"case", "unbounded work in string.rep, table.move, patterns", unbounded_library_work},
    {"case", "elapsed returning NaN", elapsed_nan},
    {NULL, NULL, NULL},
};

const char *fuzz_skipped;

const char *fuzz_known_bug(const char *target, const uint8_t *data, size_t size)
{
    for (size_t i = 0; KNOWN[i].target; i++)
        if (strcmp(KNOWN[i].target, target) == 0 && KNOWN[i].reaches(data, size))
            return fuzz_skipped = KNOWN[i].name;
    return NULL;
}
