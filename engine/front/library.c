/* library: scans a folder for cases and loads each to describe it. */
#include "library.h"
#include "library_played.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "case_load.h"
#include "case_model.h"
#include "mem.h"
#include "strbuf.h"

#define MAX_DEPTH 2

static char *join(const strlist *l, const char *sep)
{
    strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            strbuf_adds(&b, sep);
        strbuf_adds(&b, l->items[i]);
    }
    return strbuf_finish(&b);
}

static int add_entry(library *lib, const char *path)
{
    library_entry *p = mem_grow(lib->items, &lib->cap, lib->n + 1, sizeof *p);
    if (!p)
        return -1;
    lib->items = p;
    library_entry *en = &lib->items[lib->n++];
    *en = (library_entry){.path = mem_strdup(path)};
    case_def *c = NULL;
    apperr e;
    apperr_clear(&e);
    case_load_opts lo = {.seed = 1};
    if (case_load(&c, path, &lo, &e) != 0) {
        char buf[2048];
        const char *base = strrchr(path, '/');
        en->title = mem_strdup(base ? base + 1 : path);
        en->summary = mem_strdup("");
        en->tags = mem_strdup("");
        en->error = mem_strdup(apperr_format(&e, buf, sizeof buf));
        return en->path && en->title && en->summary && en->tags && en->error ? 0 : -1;
    }
    en->id = mem_strdup(c->id);
    en->title = mem_strdup(c->title);
    en->summary = mem_strdup(c->summary ? c->summary : "");
    en->minutes = c->minutes;
    en->tags = join(&c->tags, ", ");
    strbuf v = STRBUF_INIT;
    for (size_t i = 0; i < c->variants.n; i++)
        strbuf_addf(&v, "%s\n", c->variants.items[i]);
    en->variants = strbuf_finish(&v);
    case_free(c);
    return en->path && en->id && en->title && en->summary && en->tags && en->variants ? 0 : -1;
}

/* Adds the cases under dir; -1 with e filled when the top folder cannot be
 * read (a subfolder that cannot is skipped) or when out of memory. */
static int scan(library *lib, const char *dir, int depth, apperr *e)
{
    DIR *d = opendir(dir);
    if (!d) {
        if (depth > 0)
            return 0;
        apperr_set(e, APPERR_ENV, dir, 0, "cannot read the case library folder");
        return -1;
    }
    struct dirent *de;
    int rc = 0;
    while (rc == 0 && (de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (name[0] == '.' || strcmp(name, "lib") == 0 ||
            (depth == 0 && strcmp(name, "examples") == 0))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        size_t n = strlen(name);
        if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH)
            rc = scan(lib, path, depth + 1, e);
        else if (S_ISREG(st.st_mode) && n > 4 && strcmp(name + n - 4, ".lua") == 0 &&
                 (rc = add_entry(lib, path)) != 0)
            apperr_set(e, APPERR_ENV, path, 0, "out of memory while listing the case library");
    }
    closedir(d);
    return rc;
}

/* Teaching-path cases first, in path order; then the rest by title. */
static int by_path_then_title(const void *a, const void *b)
{
    const library_entry *x = a, *y = b;
    if (x->path_step != y->path_step) {
        if (x->path_step == 0 || y->path_step == 0)
            return x->path_step == 0 ? 1 : -1;
        return x->path_step < y->path_step ? -1 : 1;
    }
    int c = strcmp(x->title, y->title);
    return c ? c : strcmp(x->path, y->path);
}

/* Whether the entry's case has the variant. */
static bool has_variant(const library_entry *en, const char *variant)
{
    size_t n = strlen(variant);
    for (const char *p = en->variants; p && *p; p = strchr(p, '\n') + 1)
        if (strncmp(p, variant, n) == 0 && p[n] == '\n')
            return true;
    return false;
}

/* Puts the teaching path's step and variant on the entry of case id. A
 * variant the case does not have makes the case unplayable here, with the
 * line to mend: the path would otherwise play another variant unseen. -1
 * when out of memory. */
static int place_on_path(library *lib, const char *file, int line_no, const char *id,
                         const char *variant, int *step)
{
    for (size_t i = 0; i < lib->n; i++) {
        library_entry *en = &lib->items[i];
        if (!en->id || en->path_step != 0 || strcmp(en->id, id) != 0)
            continue;
        en->path_step = ++*step;
        if (!variant)
            return 0;
        if (!has_variant(en, variant)) {
            strbuf b = STRBUF_INIT;
            strbuf_addf(&b, "%s:%d: the case '%s' has no variant '%s' (", file, line_no, id,
                        variant);
            if (en->variants[0]) {
                strbuf_adds(&b, "it has: ");
                for (const char *p = en->variants; *p; p = strchr(p, '\n') + 1) {
                    if (p != en->variants)
                        strbuf_adds(&b, ", ");
                    strbuf_add(&b, p, (size_t)(strchr(p, '\n') - p));
                }
            } else {
                strbuf_adds(&b, "it has none");
            }
            strbuf_adds(&b, "): mend the teaching path");
            en->error = strbuf_finish(&b);
            return en->error ? 0 : -1;
        }
        en->path_variant = mem_strdup(variant);
        return en->path_variant ? 0 : -1;
    }
    return 0;
}

/* Reads dir/teaching-path.txt, if there is one, into each entry's path_step
 * and path_variant. */
static int read_teaching_path(library *lib, const char *dir)
{
    char path[4096], line[256];
    snprintf(path, sizeof path, "%s/teaching-path.txt", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    int step = 0, line_no = 0, rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        line_no++;
        line[strcspn(line, "#\r\n")] = '\0';
        char *save = NULL;
        const char *id = strtok_r(line, " \t", &save);
        const char *variant = id ? strtok_r(NULL, " \t", &save) : NULL;
        if (id)
            rc = place_on_path(lib, path, line_no, id, variant, &step);
    }
    fclose(f);
    lib->path_len = step;
    return rc;
}

int library_scan(library *lib, const char *dir, apperr *e)
{
    memset(lib, 0, sizeof *lib);
    if (scan(lib, dir, 0, e) != 0) {
        library_free(lib);
        return -1;
    }
    if (read_teaching_path(lib, dir) != 0) {
        library_free(lib);
        apperr_set(e, APPERR_ENV, dir, 0, "out of memory while listing the case library");
        return -1;
    }
    qsort(lib->items, lib->n, sizeof *lib->items, by_path_then_title);
    library_find_next(lib);
    return 0;
}

static void entry_free(library_entry *en)
{
    char *texts[] = {en->path, en->id,    en->title,        en->summary,
                     en->tags, en->error, en->path_variant, en->variants};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
        mem_free(texts[k]);
}

void library_free(library *lib)
{
    for (size_t i = 0; i < lib->n; i++)
        entry_free(&lib->items[i]);
    mem_free(lib->items);
    memset(lib, 0, sizeof *lib);
}
