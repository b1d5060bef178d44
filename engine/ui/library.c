/* library: scans a folder for cases and loads each to describe it. */
#include "library.h"

#include <dirent.h>
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
    case_free(c);
    return en->path && en->id && en->title && en->summary && en->tags ? 0 : -1;
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

/* Reads dir/teaching-path.txt, if there is one, into each entry's path_step. */
static void read_teaching_path(library *lib, const char *dir)
{
    char path[4096], line[256];
    snprintf(path, sizeof path, "%s/teaching-path.txt", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    int step = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, " \t\r\n#")] = '\0';
        if (!line[0])
            continue;
        for (size_t i = 0; i < lib->n; i++) {
            library_entry *en = &lib->items[i];
            if (en->id && en->path_step == 0 && strcmp(en->id, line) == 0) {
                en->path_step = ++step;
                break;
            }
        }
    }
    fclose(f);
    lib->path_len = step;
}

int library_scan(library *lib, const char *dir, apperr *e)
{
    memset(lib, 0, sizeof *lib);
    if (scan(lib, dir, 0, e) != 0) {
        library_free(lib);
        return -1;
    }
    read_teaching_path(lib, dir);
    qsort(lib->items, lib->n, sizeof *lib->items, by_path_then_title);
    return 0;
}

static void entry_free(library_entry *en)
{
    char *texts[] = {en->path, en->id, en->title, en->summary, en->tags, en->error};
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
