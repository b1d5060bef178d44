#include "log_writer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "json_util.h"
#include "log_schema.h"
#include "mem.h"
#include "utf8.h"

#define LOG_PATH_MAX 4096
/* Trainee and case ids are cut to this many bytes in the file name, so the
 * whole name stays far below NAME_MAX (255). */
#define LOG_NAME_PART_MAX 64
/* What an empty (or all-unusable) trainee id becomes in the file name. */
#define LOG_ANON_TRAINEE "anon"

struct log_writer {
    int fd;
    char path[LOG_PATH_MAX];
    char session[40];
    int64_t start_ms;
    log_wall_clock clock;
    void *clock_ctx;
    long long seq;
    off_t good_size; /* end of the last whole record: where a torn line is cut back to */
    bool broken;     /* a write failed: the session's log is over */
    bool removed;    /* the file held no record and was removed */
    char broken_msg[512];
};

/* --- folders ----------------------------------------------------------- */

/* mkdir of one component; an existing folder is fine, anything else is not. */
static int mkdir_one(const char *path)
{
    struct stat st;
    if (mkdir(path, 0755) == 0)
        return 0;
    if (errno != EEXIST)
        return -1;
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

/* mkdir -p: creates path and its missing parents. errno set on failure. */
static int mkdir_parents(const char *path)
{
    char buf[LOG_PATH_MAX];
    size_t n = strlen(path);
    if (n == 0 || n >= sizeof buf) {
        errno = n ? ENAMETOOLONG : ENOENT;
        return -1;
    }
    memcpy(buf, path, n + 1);
    for (size_t i = 1; i < n; i++) {
        if (buf[i] != '/' || buf[i - 1] == '/')
            continue;
        buf[i] = '\0';
        if (mkdir_one(buf) != 0)
            return -1;
        buf[i] = '/';
    }
    return mkdir_one(buf);
}

/* The folder part of a file path ("." when there is none). */
static void parent_dir(const char *path, char *buf, size_t size)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(buf, size, ".");
    else if (slash == path)
        snprintf(buf, size, "/");
    else
        snprintf(buf, size, "%.*s", (int)(slash - path), path);
}

int log_dir_check(const char *dir, apperr *e)
{
    char probe[LOG_PATH_MAX];
    int fd = -1;
    if (!dir || !*dir) {
        apperr_set(e, APPERR_ENV, NULL, 0, "no log folder given");
        return -1;
    }
    if (mkdir_parents(dir) != 0) {
        apperr_set(e, APPERR_ENV, dir, 0, "cannot create the log folder: %s", strerror(errno));
        return -1;
    }
    /* Proved by doing: access() says yes to root on a read-only mount. */
    for (int i = 0; i < 100 && fd < 0; i++) {
        snprintf(probe, sizeof probe, "%s/.appraise-probe-%ld-%d", dir, (long)getpid(), i);
        fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        apperr_set(e, APPERR_ENV, dir, 0, "cannot write to the log folder: %s", strerror(errno));
        return -1;
    }
    close(fd);
    unlink(probe);
    return 0;
}

/* --- file name --------------------------------------------------------- */

/* Copies the [A-Za-z0-9_-] bytes of s (others are dropped), at most
 * LOG_NAME_PART_MAX of them, so the id cannot reach outside the folder. */
static void reduce_name(const char *s, char *out)
{
    size_t n = 0;
    for (; s && *s && n < LOG_NAME_PART_MAX; s++) {
        char c = *s;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '_' || c == '-')
            out[n++] = c;
    }
    out[n] = '\0';
}

static int utc_tm(int64_t ms, struct tm *tm, int *millis)
{
    int64_t secs = ms / 1000;
    int64_t rem = ms % 1000;
    if (rem < 0) {
        rem += 1000;
        secs -= 1;
    }
    time_t t = (time_t)secs;
    *millis = (int)rem;
    return gmtime_r(&t, tm) ? 0 : -1;
}

/* 2026-11-27T09:14:03.512Z */
static void format_at(int64_t ms, char *buf, size_t size)
{
    struct tm tm;
    int millis;
    if (utc_tm(ms, &tm, &millis) != 0) {
        snprintf(buf, size, "1970-01-01T00:00:00.000Z");
        return;
    }
    snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* <UTC start YYYYMMDDTHHMMSSZ>_<trainee>_<case id>_<session 8 hex>.jsonl */
static int log_file_name(const log_open_opts *o, char *buf, size_t size, apperr *e)
{
    char trainee[LOG_NAME_PART_MAX + 1], case_id[LOG_NAME_PART_MAX + 1];
    struct tm tm;
    int millis;
    for (int i = 0; i < 8; i++) {
        if (!o->session || !is_hex(o->session[i])) {
            apperr_set(e, APPERR_ENV, NULL, 0, "log: session id is not a UUID: %s",
                       o->session ? o->session : "(none)");
            return -1;
        }
    }
    reduce_name(o->trainee, trainee);
    if (!trainee[0])
        snprintf(trainee, sizeof trainee, "%s", LOG_ANON_TRAINEE);
    reduce_name(o->case_id, case_id);
    if (!case_id[0])
        snprintf(case_id, sizeof case_id, "case");
    if (utc_tm(o->start_ms, &tm, &millis) != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "log: start time out of range");
        return -1;
    }
    snprintf(buf, size, "%04d%02d%02dT%02d%02d%02dZ_%s_%s_%.8s.jsonl", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, trainee, case_id,
             o->session);
    return 0;
}

/* --- open / close ------------------------------------------------------ */

/* Fills w->path from the options, creating the folder it goes in. */
static int prepare_path(log_writer *w, const log_open_opts *o, apperr *e)
{
    char name[256], dir[LOG_PATH_MAX];
    int n;
    if (o->path) {
        n = snprintf(w->path, sizeof w->path, "%s", o->path);
        parent_dir(o->path, dir, sizeof dir);
    } else {
        if (log_file_name(o, name, sizeof name, e) != 0)
            return -1;
        n = snprintf(w->path, sizeof w->path, "%s/%s", o->dir, name);
        snprintf(dir, sizeof dir, "%s", o->dir);
    }
    if (n < 0 || (size_t)n >= sizeof w->path) {
        apperr_set(e, APPERR_ENV, NULL, 0, "log file path too long");
        return -1;
    }
    if (mkdir_parents(dir) != 0) {
        apperr_set(e, APPERR_ENV, dir, 0, "cannot create the log folder: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static int open_new_file(log_writer *w, apperr *e)
{
    /* O_EXCL: a log is never overwritten or truncated, whoever made the name. */
    w->fd = open(w->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (w->fd >= 0)
        return 0;
    if (errno == EEXIST)
        apperr_set(e, APPERR_ENV, w->path, 0, "log file already exists; refusing to overwrite it");
    else
        apperr_set(e, APPERR_ENV, w->path, 0, "cannot create the log file: %s", strerror(errno));
    return -1;
}

int log_writer_open(log_writer **out, const log_open_opts *o, apperr *e)
{
    log_writer *w;
    *out = NULL;
    if (!o || (!o->dir == !o->path) || !o->session) {
        apperr_set(e, APPERR_ENV, NULL, 0, "log: give exactly one of a folder or a file path");
        return -1;
    }
    w = mem_calloc(1, sizeof *w);
    if (!w) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    w->fd = -1;
    snprintf(w->session, sizeof w->session, "%s", o->session);
    w->start_ms = o->start_ms;
    w->clock = o->clock;
    w->clock_ctx = o->clock_ctx;
    if (prepare_path(w, o, e) != 0 || open_new_file(w, e) != 0) {
        mem_free(w);
        return -1;
    }
    *out = w;
    return 0;
}

const char *log_writer_path(const log_writer *w)
{
    return w ? w->path : NULL;
}

long long log_writer_records(const log_writer *w)
{
    return w ? w->seq : 0;
}

/* A log that holds no record is of no use to anyone and, after a full disk,
 * one of many such leftovers: remove it. Only when it is still this
 * writer's file (the same inode at the path) and still empty, so that a
 * file holding anything is never removed. */
static void remove_if_empty(log_writer *w)
{
    struct stat mine, there;
    if (w->removed || w->good_size != 0 || w->fd < 0 || fstat(w->fd, &mine) != 0 ||
        mine.st_size != 0 || lstat(w->path, &there) != 0 || there.st_dev != mine.st_dev ||
        there.st_ino != mine.st_ino)
        return;
    w->removed = unlink(w->path) == 0;
}

void log_writer_close(log_writer *w)
{
    if (!w)
        return;
    remove_if_empty(w);
    if (w->fd >= 0)
        close(w->fd);
    mem_free(w);
}

/* --- records ----------------------------------------------------------- */

/* The envelope's fields are the schema's (log_schema.h): fields may not
 * set them. */
static bool is_envelope_key(const char *key)
{
    size_t hint = 0;
    return key && log_schema_field(log_schema_envelope(), key, LOG_NAME_NUL, &hint) >= 0;
}

/* The envelope and then fields' members, as one line ending in "\n". */
static char *build_line(const log_writer *w, const char *type, int64_t t_ms, const cJSON *fields,
                        size_t *len)
{
    char at[96]; /* room for any int the format could print */
    /* Without a clock (some tests), wall time is start + t: still well formed. */
    int64_t now = w->clock ? w->clock(w->clock_ctx) : w->start_ms + t_ms;
    format_at(now, at, sizeof at);
    log_envelope env = {.has_v = true,
                        .v = 1,
                        .type = type,
                        .session = w->session,
                        .has_seq = true,
                        .seq = w->seq,
                        .has_t = true,
                        .t = t_ms,
                        .at = at};
    return log_line_print(&env, fields, len);
}

static int check_record(const char *type, const cJSON *fields, apperr *e)
{
    const cJSON *item;
    if (!type || !*type) {
        apperr_set(e, APPERR_ENV, NULL, 0, "log: a record needs a type");
        return -1;
    }
    if (!fields)
        return 0;
    if (!cJSON_IsObject(fields)) {
        apperr_set(e, APPERR_ENV, NULL, 0, "log: fields of a %s record are not an object", type);
        return -1;
    }
    cJSON_ArrayForEach(item, fields)
    {
        if (is_envelope_key(item->string)) {
            apperr_set(e, APPERR_ENV, NULL, 0, "log: a %s record may not set \"%s\"", type,
                       item->string);
            return -1;
        }
    }
    return 0;
}

/* write() until all of buf is out, retrying EINTR and short writes. Returns
 * the bytes written; errno is set when that is less than len. */
static size_t write_all(int fd, const char *buf, size_t len)
{
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, buf + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            break;
        }
        done += (size_t)n;
    }
    return done;
}

/* After a failed write or fsync: cut the file back to its last whole record
 * (the caller was told this record failed, so none of it should remain) and
 * end the session's log. */
static int fail_write(log_writer *w, const char *what, int err, bool wrote_some, apperr *e)
{
    bool cut = true;
    if (wrote_some) {
        cut = ftruncate(w->fd, w->good_size) == 0;
        if (cut)
            fsync(w->fd);
    }
    w->broken = true;
    remove_if_empty(w);
    snprintf(w->broken_msg, sizeof w->broken_msg, "cannot write the log (%s: %s)%s", what,
             strerror(err),
             w->removed ? "; the log file held no record and was removed"
             : cut      ? ""
                        : "; its last line may be cut short");
    apperr_set(e, APPERR_ENV, w->path, 0, "%s", w->broken_msg);
    return -1;
}

int log_writer_write(log_writer *w, const char *type, int64_t t_ms, const cJSON *fields, apperr *e)
{
    size_t len = 0, written;
    char *line;
    if (!w) {
        apperr_set(e, APPERR_ENV, NULL, 0, "log: no log open");
        return -1;
    }
    if (w->broken) {
        apperr_set(e, APPERR_ENV, w->path, 0, "log closed after an earlier error: %s",
                   w->broken_msg);
        return -1;
    }
    if (check_record(type, fields, e) != 0)
        return -1;
    line = build_line(w, type, t_ms, fields, &len);
    if (line && !utf8_valid(line, len, NULL)) {
        /* JSON's own bytes are ASCII, which a repair never touches. */
        char *fixed = utf8_repair(line, len, &len);
        mem_free(line);
        line = fixed;
    }
    if (!line) {
        apperr_set(e, APPERR_ENV, w->path, 0, "out of memory building a %s record", type);
        return -1;
    }
    if (len > LOG_LINE_MAX) {
        mem_free(line);
        apperr_set(e, APPERR_INPUT, w->path, 0,
                   "the %s record would be %zu bytes, longer than the %u MiB a log line may "
                   "hold, so it was not written (is a text or a list in the case very long?)",
                   type, len, LOG_LINE_MAX >> 20);
        return -1;
    }
    written = write_all(w->fd, line, len);
    mem_free(line);
    if (written < len)
        return fail_write(w, "write", errno, written > 0, e);
    if (fsync(w->fd) != 0)
        return fail_write(w, "fsync", errno, true, e);
    w->good_size += (off_t)len;
    w->seq++;
    return 0;
}
