/* d_type in struct dirent (glibc and the BSDs have it): the folder walk then
 * needs no stat() for each file. */
#define _DEFAULT_SOURCE

#include "log_reader.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log_parse.h"
#include "mem.h"
#include "strmap.h"

/* Folders nested deeper than this are not entered. (A folder is read once
 * whatever the links to it, so link loops end anyway; this bounds the
 * recursion of a tree that is merely deep.) */
#define LOG_MAX_DEPTH 64
/* Files larger than this (and pipes) are parsed on the reading thread,
 * handed over session by session, so memory never holds a whole file. */
#define BIG_FILE (8u << 20)
#define MAX_THREADS 8

typedef struct file_entry {
    char *path;
    bool here; /* parse on the reading thread (not a regular file: a pipe) */
} file_entry;

typedef struct version_seen {
    char *version; /* NULL: logged as null */
    size_t file;   /* index in files */
} version_seen;

typedef struct reader {
    const log_read_opts *o;
    log_read_stats st;
    apperr *e;
    bool failed;     /* a callback failed or memory ran out: stop */
    bool keep_first; /* log_session_read: keep the first session, then stop */
    log_parsed_session *kept;
    strmap *ids;      /* session id -> index of the file it was first read from */
    strmap *cases;    /* case id -> index in versions */
    strmap *reported; /* keys of problems reported once per read */
    strmap *folders;  /* device and inode of every folder listed */
    long repeats;     /* folders reached again (through links), not read again */
    char *first_repeat;
    file_entry *files;
    size_t n_files, cap_files;
    version_seen *versions;
    size_t n_versions, cap_versions;
} reader;

/* The reader's maps, made and freed together. */
#define READER_MAPS(r)                                                                             \
    {                                                                                              \
        &(r)->ids, &(r)->cases, &(r)->reported, &(r)->folders                                      \
    }

static void issue(reader *r, log_issue_kind kind, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void report(reader *r, log_issue_kind kind, const char *path, int line, const char *msg)
{
    r->st.issues[kind]++;
    if (r->o->on_issue) {
        log_issue is = {.kind = kind, .file = path, .line = line, .msg = msg};
        r->o->on_issue(r->o->ctx, &is);
    }
}

static void issue(reader *r, log_issue_kind kind, const char *path, int line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    report(r, kind, path, line, msg);
}

static void out_of_memory(reader *r)
{
    if (!r->failed)
        apperr_set(r->e, APPERR_ENV, NULL, 0, "out of memory while reading session logs");
    r->failed = true;
}

/* Frees n items of size bytes whose first member is an owned string (a
 * file's path, a version, a folder entry's name), and the array. */
static void names_free(void *items, size_t n, size_t size)
{
    for (size_t i = 0; i < n; i++)
        mem_free(*(char **)((char *)items + i * size));
    mem_free(items);
}

/* True the first time key comes in this read. */
static bool first_time(reader *r, const char *key, size_t len)
{
    bool added = false;
    if (!strmap_put(r->reported, key, len, &added))
        out_of_memory(r);
    return added;
}

/* ---- what is checked across files ------------------------------------- */

static void first_version(reader *r, size_t *slot, const log_session *s, size_t file)
{
    version_seen *q = mem_grow(r->versions, &r->cap_versions, r->n_versions + 1, sizeof *q);
    if (q)
        r->versions = q; /* the old block may be gone even if the copy below fails */
    char *v = s->case_version ? mem_strdup(s->case_version) : NULL;
    if (!q || (s->case_version && !v)) {
        mem_free(v);
        out_of_memory(r);
        return;
    }
    *slot = r->n_versions;
    r->versions[r->n_versions++] = (version_seen){v, file};
}

static void check_versions(reader *r, const log_session *s, size_t file)
{
    if (!s->has_start || !s->case_id)
        return;
    bool added = false;
    size_t *slot = strmap_put(r->cases, s->case_id, strlen(s->case_id), &added);
    if (!slot) {
        out_of_memory(r);
        return;
    }
    if (added) {
        first_version(r, slot, s, file);
        return;
    }
    const version_seen *first = &r->versions[*slot];
    const char *a = first->version ? first->version : "null";
    const char *b = s->case_version ? s->case_version : "null";
    char key[512];
    int n = snprintf(key, sizeof key, "version\x1f%s\x1f%s", s->case_id, b);
    if (strcmp(a, b) == 0 || n < 0 || !first_time(r, key, strlen(key)))
        return;
    issue(r, LOG_ISSUE_TWO_VERSIONS, s->file, 0,
          "case '%s' played in version %s here and in version %s in %s: both are used, "
          "under the one case id",
          s->case_id, b, a, r->files[first->file].path);
}

/* A session seen before is reported and dropped; true when it is new. */
static bool check_new(reader *r, const log_parsed_session *s, size_t file)
{
    bool added = false;
    size_t *slot = strmap_put(r->ids, s->id, strlen(s->id), &added);
    if (!slot) {
        out_of_memory(r);
        return false;
    }
    if (added) {
        *slot = file;
        return true;
    }
    issue(r, LOG_ISSUE_DUPLICATE, s->pub.file, s->first_line,
          "session %s was already read from %s: this copy is skipped", s->id, r->files[*slot].path);
    return false;
}

/* Hands a whole session over (or keeps it); takes it from the event. */
static void take_session(reader *r, log_event *ev, size_t file)
{
    log_parsed_session *s = ev->session;
    if (!check_new(r, s, file))
        return;
    if (s->pub.status == LOG_INCOMPLETE)
        issue(r, LOG_ISSUE_INCOMPLETE, s->pub.file, 0,
              "session %s has no session_end (cut short): its whole records are used, "
              "reported as incomplete",
              s->id);
    if (!s->pub.has_start)
        issue(r, LOG_ISSUE_NO_START, s->pub.file, s->first_line,
              "session %s has no session_start: used with trainee, case and variant unknown",
              s->id);
    check_versions(r, &s->pub, file);
    if (r->failed)
        return;
    r->st.sessions++;
    r->st.decisions += (long)s->pub.n_decisions;
    if (r->keep_first) {
        s->file = mem_strdup(s->pub.file);
        if (!s->file) {
            out_of_memory(r);
            return;
        }
        s->pub.file = s->file;
        r->kept = s;
        ev->session = NULL;
        return;
    }
    if (r->o->on_session(r->o->ctx, &s->pub, r->e) != 0)
        r->failed = true;
}

/* Takes the events parsed so far, in order, and forgets them. */
static void drain(reader *r, log_parsed_file *f, size_t file)
{
    for (size_t i = 0; i < f->n_events; i++) {
        log_event *ev = &f->events[i];
        if (r->failed || r->kept) {
            /* stopping: only free */
        } else if (ev->session) {
            take_session(r, ev, file);
        } else if (!ev->once || first_time(r, ev->once, strlen(ev->once))) {
            report(r, ev->kind, f->path, ev->line, ev->msg);
        }
        log_parsed_session_free(ev->session);
        mem_free(ev->msg);
        mem_free(ev->once);
    }
    f->n_events = 0;
}

/* The file being parsed on this thread, for its sink. */
typedef struct here_ctx {
    reader *r;
    size_t file;
} here_ctx;

static int sink(void *ctx, log_parsed_file *f)
{
    here_ctx *h = ctx;
    drain(h->r, f, h->file);
    return h->r->failed || h->r->kept ? -1 : 0;
}

/* The end of a file: the last events, what it counted. */
static void finish_file(reader *r, log_parsed_file *f, size_t file)
{
    drain(r, f, file);
    r->st.files += f->opened;
    r->st.records += f->records;
    if (f->oom)
        out_of_memory(r);
    log_parsed_file_clear(f);
}

/* Parses file i on this thread, handing sessions over as they come. */
static void read_here(reader *r, log_parser *p, size_t i, log_parsed_file *f)
{
    here_ctx h = {r, i};
    log_parse_file(p, r->files[i].path, 0, f, sink, &h);
    finish_file(r, f, i);
}

/* ---- several files at once ------------------------------------------------ */

/* Workers parse batches of files ahead, each batch into its slot; the
 * reading thread takes them in file order, so the callbacks see exactly
 * what one thread would. Batches, not single files, so that threads wake
 * each other a few thousand times for a cohort, not once a file. */
#define BATCH 32
#define BATCHES 8 /* in flight */

typedef struct batch {
    size_t first, n;
    log_parsed_file files[BATCH];
    bool oom;
} batch;

typedef struct pool {
    reader *r;
    log_chunk_pool *chunks;
    pthread_mutex_t mu;
    pthread_cond_t work;           /* a worker waits for room */
    pthread_cond_t done;           /* the reading thread waits for its next batch */
    size_t next, taken, n_batches; /* next batch to parse; batches handed over */
    batch *slot[BATCHES];
    bool ready[BATCHES];
    bool stop;
} pool;

static bool claim(pool *pl, size_t *b)
{
    pthread_mutex_lock(&pl->mu);
    while (!pl->stop && pl->next < pl->n_batches && pl->next >= pl->taken + BATCHES)
        pthread_cond_wait(&pl->work, &pl->mu);
    bool ok = !pl->stop && pl->next < pl->n_batches;
    if (ok)
        *b = pl->next++;
    pthread_mutex_unlock(&pl->mu);
    return ok;
}

static batch *parse_batch(pool *pl, log_parser *p, size_t b)
{
    const reader *r = pl->r;
    batch *bt = mem_calloc(1, sizeof *bt);
    if (!bt)
        return NULL;
    bt->first = b * BATCH;
    bt->n = r->n_files - bt->first < BATCH ? r->n_files - bt->first : BATCH;
    bt->oom = !p;
    for (size_t k = 0; k < bt->n && p; k++)
        if (!r->files[bt->first + k].here)
            log_parse_file(p, r->files[bt->first + k].path, BIG_FILE, &bt->files[k], NULL, NULL);
    return bt;
}

static void *worker(void *arg)
{
    pool *pl = arg;
    log_parser *p = log_parser_new(pl->chunks, pl->r->o->keep);
    size_t b;
    while (claim(pl, &b)) {
        batch *bt = parse_batch(pl, p, b);
        pthread_mutex_lock(&pl->mu);
        pl->slot[b % BATCHES] = bt;
        pl->ready[b % BATCHES] = true;
        if (b == pl->taken)
            pthread_cond_signal(&pl->done);
        pthread_mutex_unlock(&pl->mu);
    }
    log_parser_free(p);
    return NULL;
}

static batch *take(pool *pl, size_t b)
{
    pthread_mutex_lock(&pl->mu);
    while (!pl->ready[b % BATCHES])
        pthread_cond_wait(&pl->done, &pl->mu);
    batch *bt = pl->slot[b % BATCHES];
    pl->slot[b % BATCHES] = NULL;
    pl->ready[b % BATCHES] = false;
    pl->taken = b + 1;
    pthread_cond_broadcast(&pl->work);
    pthread_mutex_unlock(&pl->mu);
    return bt;
}

static void free_batch(batch *bt)
{
    if (!bt)
        return;
    for (size_t k = 0; k < bt->n; k++)
        log_parsed_file_clear(&bt->files[k]);
    mem_free(bt);
}

static void hand_over(pool *pl, log_parser *here)
{
    reader *r = pl->r;
    for (size_t b = 0; b < pl->n_batches && !r->failed; b++) {
        batch *bt = take(pl, b);
        if (!bt || bt->oom)
            out_of_memory(r);
        for (size_t k = 0; bt && k < bt->n && !r->failed; k++) {
            size_t i = bt->first + k;
            if (r->files[i].here || bt->files[k].deferred)
                read_here(r, here, i, &bt->files[k]);
            else
                finish_file(r, &bt->files[k], i);
        }
        free_batch(bt);
    }
}

static void stop_pool(pool *pl, pthread_t *t, int n)
{
    pthread_mutex_lock(&pl->mu);
    pl->stop = true;
    pthread_cond_broadcast(&pl->work);
    pthread_mutex_unlock(&pl->mu);
    for (int k = 0; k < n; k++)
        pthread_join(t[k], NULL);
    for (size_t k = 0; k < BATCHES; k++)
        free_batch(pl->slot[k]);
}

static pool *pool_new(reader *r, log_chunk_pool *chunks)
{
    pool *pl = mem_calloc(1, sizeof *pl);
    if (!pl)
        return NULL;
    bool mu = pthread_mutex_init(&pl->mu, NULL) == 0;
    bool work = mu && pthread_cond_init(&pl->work, NULL) == 0;
    if (!work || pthread_cond_init(&pl->done, NULL) != 0) {
        if (work)
            pthread_cond_destroy(&pl->work);
        if (mu)
            pthread_mutex_destroy(&pl->mu);
        mem_free(pl);
        return NULL;
    }
    pl->r = r;
    pl->chunks = chunks;
    pl->n_batches = (r->n_files + BATCH - 1) / BATCH;
    return pl;
}

static void pool_free(pool *pl)
{
    pthread_cond_destroy(&pl->done);
    pthread_cond_destroy(&pl->work);
    pthread_mutex_destroy(&pl->mu);
    mem_free(pl);
}

/* Parses on threads; false when none could be started (then nothing was
 * read and the caller reads on this thread). */
static bool read_threaded(reader *r, log_parser *here, log_chunk_pool *chunks, int threads)
{
    pool *pl = pool_new(r, chunks);
    pthread_t t[MAX_THREADS];
    int n = 0;
    if (!pl)
        return false;
    while (n < threads && pthread_create(&t[n], NULL, worker, pl) == 0)
        n++;
    if (n > 0)
        hand_over(pl, here);
    stop_pool(pl, t, n);
    pool_free(pl);
    return n > 0;
}

static int thread_count(const log_read_opts *o, size_t n_files)
{
    long n = o->threads > 0 ? o->threads : sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        n = 1;
    if (n > MAX_THREADS)
        n = MAX_THREADS;
    size_t batches = (n_files + BATCH - 1) / BATCH;
    if ((size_t)n > batches)
        n = (long)batches;
    return (int)n;
}

static void read_files(reader *r)
{
    /* A kept session outlives the read: its memory must not be pooled. */
    log_chunk_pool *chunks = r->keep_first ? NULL : log_chunk_pool_new(4 * BATCHES * BATCH);
    log_parser *here = log_parser_new(chunks, r->o->keep);
    int threads = r->keep_first ? 1 : thread_count(r->o, r->n_files);
    if (!here || (!r->keep_first && !chunks)) {
        out_of_memory(r);
    } else if (threads < 2 || !read_threaded(r, here, chunks, threads)) {
        for (size_t i = 0; i < r->n_files && !r->failed && !r->kept; i++) {
            log_parsed_file f = {0};
            read_here(r, here, i, &f);
        }
    }
    log_parser_free(here);
    log_chunk_pool_free(chunks);
}

/* ---- files and folders ---------------------------------------------------- */

static void add_file(reader *r, const char *path, bool here)
{
    char *copy = mem_strdup(path);
    file_entry *q = copy ? mem_grow(r->files, &r->cap_files, r->n_files + 1, sizeof *q) : NULL;
    if (!q) {
        mem_free(copy);
        out_of_memory(r);
        return;
    }
    r->files = q;
    r->files[r->n_files++] = (file_entry){copy, here};
}

static void visit(reader *r, const char *path, int depth, bool given);

typedef struct entry {
    char *name;
    int kind; /* ENTRY_FILE, ENTRY_DIR, or ENTRY_OTHER (to stat) */
} entry;

enum { ENTRY_OTHER, ENTRY_FILE, ENTRY_DIR };

static int by_name(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static int entry_kind(const struct dirent *ent)
{
#ifdef DT_REG
    if (ent->d_type == DT_REG)
        return ENTRY_FILE;
    if (ent->d_type == DT_DIR)
        return ENTRY_DIR;
#else
    (void)ent;
#endif
    return ENTRY_OTHER; /* a link, or a file system that does not say */
}

/* True the first time the folder open as d is seen in this read, by its
 * device and inode: links that lead back to a folder already read (a loop,
 * or two links to one folder) would otherwise read it again at every path,
 * 2^depth times for two links to a parent. */
static bool first_visit(reader *r, DIR *d, const char *dir)
{
    struct stat st;
    if (fstat(dirfd(d), &st) != 0)
        return true;
    uint64_t key[2] = {(uint64_t)st.st_dev, (uint64_t)st.st_ino};
    bool added = false;
    if (!strmap_put(r->folders, (const char *)key, sizeof key, &added)) {
        out_of_memory(r);
        return false;
    }
    if (!added && r->repeats++ == 0 && !(r->first_repeat = mem_strdup(dir)))
        out_of_memory(r);
    return added;
}

/* Lists dir into *list: 0, or -1 when it cannot be listed or was read before. */
static int list_folder(reader *r, const char *dir, entry **list, size_t *n)
{
    size_t cap = 0;
    DIR *d = opendir(dir);
    if (!d) {
        issue(r, LOG_ISSUE_UNREADABLE, dir, 0, "cannot list folder: %s", strerror(errno));
        return -1;
    }
    if (!first_visit(r, d, dir)) {
        closedir(d);
        return -1;
    }
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue; /* ., .. and hidden files such as editor swap files */
        char *name = mem_strdup(ent->d_name);
        entry *q = name ? mem_grow(*list, &cap, *n + 1, sizeof *q) : NULL;
        if (!q) {
            mem_free(name);
            out_of_memory(r);
            break;
        }
        *list = q;
        (*list)[(*n)++] = (entry){name, entry_kind(ent)};
    }
    closedir(d);
    if (*n > 1) /* an empty folder has no list to sort (qsort of NULL is undefined) */
        qsort(*list, *n, sizeof **list, by_name);
    return 0;
}

static void walk(reader *r, const char *dir, int depth)
{
    if (depth > LOG_MAX_DEPTH) {
        issue(r, LOG_ISSUE_UNREADABLE, dir, 0, "folders nested deeper than %d: not entered",
              LOG_MAX_DEPTH);
        return;
    }
    entry *list = NULL;
    size_t n = 0;
    if (list_folder(r, dir, &list, &n) == 0) {
        size_t len = strlen(dir);
        const char *sep = len && dir[len - 1] == '/' ? "" : "/";
        for (size_t i = 0; i < n && !r->failed; i++) {
            char *path = mem_malloc(len + strlen(list[i].name) + 2);
            if (!path) {
                out_of_memory(r);
                break;
            }
            sprintf(path, "%s%s%s", dir, sep, list[i].name);
            if (list[i].kind == ENTRY_FILE)
                add_file(r, path, false);
            else if (list[i].kind == ENTRY_DIR)
                walk(r, path, depth + 1);
            else
                visit(r, path, depth + 1, false);
            mem_free(path);
        }
    }
    names_free(list, n, sizeof *list);
}

/* given: named by the user, so read whatever it is (a pipe too). */
static void visit(reader *r, const char *path, int depth, bool given)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        issue(r, LOG_ISSUE_UNREADABLE, path, 0, "cannot read: %s", strerror(errno));
        return;
    }
    if (S_ISDIR(st.st_mode))
        walk(r, path, depth);
    else if (S_ISREG(st.st_mode))
        add_file(r, path, false);
    else if (given)
        add_file(r, path, true);
    else
        issue(r, LOG_ISSUE_NOT_A_LOG, path, 0, "not a regular file: skipped");
}

/* Said once for the whole walk, however many paths led back. */
static void report_repeats(reader *r)
{
    if (r->repeats == 0 || r->failed)
        return;
    char more[64] = "";
    if (r->repeats > 1)
        snprintf(more, sizeof more, " (%ld paths like this)", r->repeats);
    issue(r, LOG_ISSUE_UNREADABLE, r->first_repeat, 0,
          "folder already read through another path (a link loop?): not read again%s", more);
}

/* ---- the whole read ------------------------------------------------------------- */

static int reader_init(reader *r, const log_read_opts *o, apperr *e)
{
    memset(r, 0, sizeof *r);
    r->o = o;
    r->e = e;
    log_parse_init();
    strmap **maps[] = READER_MAPS(r);
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++)
        if (!(*maps[i] = strmap_new())) {
            out_of_memory(r);
            return -1;
        }
    return 0;
}

static void reader_done(reader *r)
{
    strmap **maps[] = READER_MAPS(r);
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++)
        strmap_free(*maps[i]);
    mem_free(r->first_repeat);
    names_free(r->files, r->n_files, sizeof *r->files);
    names_free(r->versions, r->n_versions, sizeof *r->versions);
}

int log_read_paths(const char *const *paths, size_t n_paths, const log_read_opts *o,
                   log_read_stats *stats, apperr *e)
{
    reader r;
    if (reader_init(&r, o, e) == 0) {
        for (size_t i = 0; i < n_paths && !r.failed; i++)
            visit(&r, paths[i], 0, true);
        report_repeats(&r);
        if (!r.failed)
            read_files(&r);
    }
    if (stats)
        *stats = r.st;
    reader_done(&r);
    return r.failed ? -1 : 0;
}

int log_session_read(const char *path, const log_read_opts *o, log_session **out, apperr *e)
{
    static const log_read_opts none = {0};
    reader r;
    *out = NULL;
    if (reader_init(&r, o ? o : &none, e) == 0) {
        r.keep_first = true;
        add_file(&r, path, true);
        if (!r.failed)
            read_files(&r);
    }
    if (!r.failed && !r.kept)
        apperr_set(e, APPERR_INPUT, path, 0, "no session record in this file");
    if (!r.failed && r.kept)
        *out = &r.kept->pub;
    else
        log_parsed_session_free(r.kept);
    reader_done(&r);
    return *out ? 0 : -1;
}

void log_session_free(log_session *s)
{
    /* pub is the first member of log_parsed_session */
    log_parsed_session_free((log_parsed_session *)s);
}

/* ---- names ---------------------------------------------------------------------- */

bool log_session_is_practice(const log_session *s)
{
    static const char *const modes[] = {"run", "replay", "preview"};
    if (s->from || s->n_set > 0)
        return true; /* started at a chosen node or state: an author trying it */
    for (size_t i = 0; s->mode && i < sizeof modes / sizeof modes[0]; i++)
        if (strcmp(s->mode, modes[i]) == 0)
            return true;
    return false;
}

const char *log_status_name(log_status s)
{
    static const char *const names[] = {"complete", "quit", "error", "incomplete"};
    return (unsigned)s < 4 ? names[s] : "?";
}

const char *log_outcome_name(log_outcome o)
{
    static const char *const names[] = {"good", "neutral", "harm"};
    return (unsigned)o < LOG_OUTCOMES ? names[o] : "?";
}

const char *log_issue_name(log_issue_kind k)
{
    static const char *const names[LOG_ISSUE_KINDS] = {
        [LOG_ISSUE_UNREADABLE] = "unreadable paths",
        [LOG_ISSUE_NOT_A_LOG] = "files that are not logs",
        [LOG_ISSUE_TORN_LINE] = "torn last lines",
        [LOG_ISSUE_BAD_LINE] = "lines that are not records",
        [LOG_ISSUE_BAD_FIELD] = "fields of the wrong type",
        [LOG_ISSUE_NEWER_VERSION] = "files of a newer log version",
        [LOG_ISSUE_NO_START] = "sessions without session_start",
        [LOG_ISSUE_INCOMPLETE] = "incomplete sessions",
        [LOG_ISSUE_DUPLICATE] = "duplicate sessions",
        [LOG_ISSUE_TWO_VERSIONS] = "cases in two versions",
        [LOG_ISSUE_UNKNOWN_FIELD] = "unknown fields or record types",
        [LOG_ISSUE_BLANK_LINE] = "files with blank lines",
        [LOG_ISSUE_BAD_UTF8] = "files with invalid UTF-8",
    };
    return (unsigned)k < LOG_ISSUE_KINDS && names[k] ? names[k] : "?";
}

const char *log_issue_format(const log_issue *is, char *buf, size_t size)
{
    if (is->file && is->line > 0)
        snprintf(buf, size, "%s:%d: %s", is->file, is->line, is->msg);
    else if (is->file)
        snprintf(buf, size, "%s: %s", is->file, is->msg);
    else
        snprintf(buf, size, "%s", is->msg);
    return buf;
}
