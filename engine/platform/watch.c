/* watch: inotify on the files' folders, or polling (watch.h). */
/* realpath */
#define _XOPEN_SOURCE 700
#include "watch.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/inotify.h>
#define HAVE_INOTIFY 1
#else
#define HAVE_INOTIFY 0
#endif

/* What polling compares: a save changes one of these (a rename-save the
 * inode, a write the size or the times). */
typedef struct file_seen {
    bool exists;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime, ctime;
} file_seen;

typedef struct watched {
    char *path;       /* absolute */
    size_t dir;       /* index in dirs */
    const char *base; /* the name in its folder: points into path */
    file_seen seen;
} watched;

typedef struct watched_dir {
    char *path;
    int wd; /* inotify's watch, -1 when none (yet, or its folder went away) */
} watched_dir;

struct watch {
    watch_method method;
    int fd; /* inotify's, -1 when polling */
    int poll_ms, settle_ms;
    watched *files;
    size_t n_files;
    watched_dir *dirs;
    size_t n_dirs;
    bool pending;      /* a change seen, not reported yet */
    int64_t last;      /* when the last change was seen (ms) */
    int64_t next_poll; /* polling: when the files are read next */
};


static watch_method method_wanted(const watch_opts *o)
{
    if (o && o->method != WATCH_DEFAULT)
        return o->method;
    const char *env = getenv("APPRAISE_WATCH");
    if (env && strcmp(env, "poll") == 0)
        return WATCH_POLL;
    return HAVE_INOTIFY ? WATCH_INOTIFY : WATCH_POLL;
}

watch *watch_open(const watch_opts *o)
{
    watch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->method = method_wanted(o);
    w->fd = -1;
    w->poll_ms = o && o->poll_ms > 0 ? o->poll_ms : 1000;
    w->settle_ms = o && o->settle_ms > 0 ? o->settle_ms : 150;
#if HAVE_INOTIFY
    if (w->method == WATCH_INOTIFY)
        w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
#endif
    if (w->fd < 0)
        w->method = WATCH_POLL;
    return w;
}

static void forget_files(watch *w)
{
    for (size_t i = 0; i < w->n_dirs; i++) {
#if HAVE_INOTIFY
        if (w->dirs[i].wd >= 0)
            inotify_rm_watch(w->fd, w->dirs[i].wd);
#endif
        free(w->dirs[i].path);
    }
    for (size_t i = 0; i < w->n_files; i++)
        free(w->files[i].path);
    free(w->files);
    free(w->dirs);
    w->files = NULL;
    w->dirs = NULL;
    w->n_files = w->n_dirs = 0;
}

void watch_close(watch *w)
{
    if (!w)
        return;
    forget_files(w);
    if (w->fd >= 0)
        close(w->fd);
    free(w);
}

watch_method watch_method_of(const watch *w)
{
    return w->method;
}

static void look(const char *path, file_seen *s)
{
    struct stat st;
    memset(s, 0, sizeof *s);
    if (stat(path, &st) != 0)
        return;
    s->exists = true;
    s->dev = st.st_dev;
    s->ino = st.st_ino;
    s->size = st.st_size;
    s->mtime = st.st_mtim;
    s->ctime = st.st_ctim;
}

static bool same_time(struct timespec a, struct timespec b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

/* A file that is there and differs from when it was last read. */
static bool saved_since(const file_seen *was, const file_seen *now)
{
    if (!now->exists)
        return false;
    return !was->exists || was->dev != now->dev || was->ino != now->ino || was->size != now->size ||
           !same_time(was->mtime, now->mtime) || !same_time(was->ctime, now->ctime);
}

/* The file's absolute path: resolved when it exists, else its folder
 * resolved and its name kept. NULL when out of memory or no folder. */
static char *absolute(const char *path)
{
    char *real = realpath(path, NULL);
    if (real)
        return real;
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    char *rdir = realpath(dir[0] ? dir : "/", NULL);
    if (!rdir)
        return NULL;
    const char *base = slash ? slash + 1 : path;
    size_t n = strlen(rdir) + strlen(base) + 2;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s/%s", strcmp(rdir, "/") == 0 ? "" : rdir, base);
    free(rdir);
    return out;
}

static int add_dir_watch(watch *w, watched_dir *d)
{
#if HAVE_INOTIFY
    if (w->fd >= 0 && d->wd < 0)
        d->wd = inotify_add_watch(w->fd, d->path,
                                  IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF |
                                      IN_MOVE_SELF);
    return d->wd >= 0 || w->fd < 0 ? 0 : -1;
#else
    (void)w;
    (void)d;
    return 0;
#endif
}

/* The index of dir in w->dirs, added when new; (size_t)-1 when out of memory. */
static size_t dir_index(watch *w, const char *dir, size_t len)
{
    for (size_t i = 0; i < w->n_dirs; i++)
        if (strlen(w->dirs[i].path) == len && memcmp(w->dirs[i].path, dir, len) == 0)
            return i;
    char *copy = malloc(len + 1);
    if (!copy)
        return (size_t)-1;
    memcpy(copy, dir, len);
    copy[len] = '\0';
    w->dirs[w->n_dirs] = (watched_dir){copy, -1};
    return w->n_dirs++;
}

/* From now on the files are polled: inotify's watches are all dropped. */
static void use_polling(watch *w)
{
    if (w->fd >= 0)
        close(w->fd); /* and its watches with it */
    w->fd = -1;
    for (size_t i = 0; i < w->n_dirs; i++)
        w->dirs[i].wd = -1;
    w->method = WATCH_POLL;
}

int watch_files(watch *w, const char *const *paths, size_t n, char *why, size_t why_size)
{
    forget_files(w);
    w->pending = false;
    if (n == 0)
        return 0;
    w->files = calloc(n, sizeof *w->files);
    w->dirs = calloc(n, sizeof *w->dirs);
    int rc = 0;
    if (!w->files || !w->dirs) {
        snprintf(why, why_size, "out of memory");
        forget_files(w);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        char *abs = absolute(paths[i]);
        const char *slash = abs ? strrchr(abs, '/') : NULL;
        size_t d = slash ? dir_index(w, abs, slash == abs ? 1 : (size_t)(slash - abs)) : (size_t)-1;
        if (d == (size_t)-1) {
            snprintf(why, why_size, "cannot watch %s: %s", paths[i],
                     abs ? "out of memory" : "its folder cannot be found");
            free(abs);
            rc = -1;
            continue;
        }
        watched *f = &w->files[w->n_files++];
        f->path = abs;
        f->dir = d;
        f->base = slash + 1;
        look(abs, &f->seen);
    }
    for (size_t i = 0; i < w->n_dirs; i++)
        if (add_dir_watch(w, &w->dirs[i]) != 0)
            use_polling(w); /* the system's limit of watches reached, or a folder refused */
    w->next_poll = 0; /* the files are read at the next ask */
    return rc;
}

static void seen_change(watch *w, int64_t now)
{
    w->pending = true;
    w->last = now;
}

#if HAVE_INOTIFY
static watched_dir *dir_of_wd(watch *w, int wd)
{
    for (size_t i = 0; i < w->n_dirs; i++)
        if (w->dirs[i].wd == wd)
            return &w->dirs[i];
    return NULL;
}

static bool names_a_file(const watch *w, const watched_dir *d, const char *name)
{
    for (size_t i = 0; i < w->n_files; i++)
        if (&w->dirs[w->files[i].dir] == d && strcmp(w->files[i].base, name) == 0)
            return true;
    return false;
}

static void one_event(watch *w, const struct inotify_event *ev, int64_t now)
{
    if (ev->mask & IN_Q_OVERFLOW) { /* events were lost: one of them may be ours */
        seen_change(w, now);
        return;
    }
    watched_dir *d = dir_of_wd(w, ev->wd);
    if (!d)
        return; /* a folder no longer watched */
    if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
        if (ev->mask & IN_MOVE_SELF)
            inotify_rm_watch(w->fd, d->wd);
        d->wd = -1; /* watched again once it is back (read_events) */
        return;
    }
    if (ev->len && names_a_file(w, d, ev->name))
        seen_change(w, now);
}

static void read_events(watch *w, int64_t now)
{
    /* A folder that went away is watched again once it is back; the files
     * in it then count as saved. */
    for (size_t i = 0; i < w->n_dirs; i++)
        if (w->dirs[i].wd < 0 && add_dir_watch(w, &w->dirs[i]) == 0 && w->dirs[i].wd >= 0)
            seen_change(w, now);
    union {
        struct inotify_event ev; /* for its alignment */
        char buf[4096];
    } u;
    char *buf = u.buf;
    for (;;) {
        ssize_t got = read(w->fd, buf, sizeof u.buf);
        if (got <= 0)
            return; /* EAGAIN: nothing more now */
        for (char *p = buf; p < buf + got;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            one_event(w, ev, now);
            p += sizeof *ev + ev->len;
        }
    }
}
#endif

static void poll_files(watch *w, int64_t now)
{
    if (now < w->next_poll)
        return;
    w->next_poll = now + w->poll_ms;
    for (size_t i = 0; i < w->n_files; i++) {
        file_seen s;
        look(w->files[i].path, &s);
        if (saved_since(&w->files[i].seen, &s))
            seen_change(w, now);
        w->files[i].seen = s;
    }
}

bool watch_changed(watch *w, int64_t now)
{
    if (!w)
        return false;
#if HAVE_INOTIFY
    if (w->method == WATCH_INOTIFY)
        read_events(w, now);
#endif
    if (w->method == WATCH_POLL)
        poll_files(w, now);
    if (!w->pending || now - w->last < w->settle_ms)
        return false;
    w->pending = false;
    return true;
}
