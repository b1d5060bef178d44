/* log_writer: one new file per session, never overwritten; whole records
 * with the envelope in order; a full disk or I/O error ends the log cleanly.
 *
 * This binary is linked with -Wl,--wrap=write,--wrap=fsync (tests/CMakeLists.txt)
 * so that the tests below can fill the disk or break fsync on demand. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cmocka.h>

#include "json_util.h"
#include "log_reader.h"
#include "log_writer.h"
#include "support.h"
#include "utf8.h"

/* --- a disk that can fill up ------------------------------------------- */

static struct {
    long long budget; /* bytes that still fit on the "disk"; -1 = no limit */
    size_t max_chunk; /* largest piece one write() takes; 0 = no limit */
    int eintr;        /* this many write() calls fail with EINTR first */
    int fsync_ok;     /* this many fsync() calls succeed; -1 = all */
    int write_calls;
} disk;

ssize_t __real_write(int fd, const void *buf, size_t n);
ssize_t __wrap_write(int fd, const void *buf, size_t n);
int __real_fsync(int fd);
int __wrap_fsync(int fd);

ssize_t __wrap_write(int fd, const void *buf, size_t n)
{
    disk.write_calls++;
    if (disk.eintr > 0) {
        disk.eintr--;
        errno = EINTR;
        return -1;
    }
    if (disk.max_chunk && n > disk.max_chunk)
        n = disk.max_chunk;
    if (disk.budget >= 0) {
        if (disk.budget == 0 && n > 0) {
            errno = ENOSPC;
            return -1;
        }
        if ((long long)n > disk.budget)
            n = (size_t)disk.budget;
        disk.budget -= (long long)n;
    }
    return __real_write(fd, buf, n);
}

int __wrap_fsync(int fd)
{
    if (disk.fsync_ok == 0) {
        errno = EIO;
        return -1;
    }
    if (disk.fsync_ok > 0)
        disk.fsync_ok--;
    return __real_fsync(fd);
}

/* --- fixtures ---------------------------------------------------------- */

#define SESSION "1b4e28ba-2fa1-4d2b-883f-0016d3cca427"
#define START_MS 1795770843512LL /* 2026-11-27T09:14:03.512Z */
#define START_NAME "20261127T091403Z"

typedef struct {
    char *dir;
    int64_t now;  /* the wall clock the writer reads */
    int64_t step; /* added after each reading */
} fixture;

static int64_t fake_clock(void *ctx)
{
    fixture *f = ctx;
    int64_t t = f->now;
    f->now += f->step;
    return t;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->dir = test_tmpdir();
    f->now = START_MS;
    f->step = 1001;
    disk.budget = -1;
    disk.max_chunk = 0;
    disk.eintr = 0;
    disk.fsync_ok = -1;
    disk.write_calls = 0;
    *state = f;
    return f->dir ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (f->dir) {
        chmod(f->dir, 0700);
        test_rmtree(f->dir);
    }
    free(f->dir);
    free(f);
    return 0;
}

static log_open_opts opts_in(fixture *f, const char *dir, const char *trainee)
{
    log_open_opts o = {0};
    o.dir = dir;
    o.session = SESSION;
    o.trainee = trainee;
    o.case_id = "sepsis-ed";
    o.start_ms = START_MS;
    o.clock = fake_clock;
    o.clock_ctx = f;
    return o;
}

static log_writer *open_in_dir(fixture *f, const char *trainee)
{
    log_open_opts o = opts_in(f, f->dir, trainee);
    log_writer *w = NULL;
    apperr e;
    apperr_clear(&e);
    assert_int_equal(log_writer_open(&w, &o, &e), 0);
    assert_non_null(w);
    return w;
}

static mode_t current_umask(void)
{
    mode_t m = umask(0);
    umask(m);
    return m;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static char *join(const char *a, const char *b)
{
    char *p = malloc(strlen(a) + strlen(b) + 2);
    assert_non_null(p);
    sprintf(p, "%s/%s", a, b);
    return p;
}

static int count_lines(const char *text)
{
    int n = 0;
    for (; *text; text++)
        n += *text == '\n';
    return n;
}

/* A node record with one field, as the session would write it. */
static int write_node(log_writer *w, const char *node, int64_t t, apperr *e)
{
    cJSON *fields = cJSON_CreateObject();
    json_add_string_or_null(fields, "node", node);
    int rc = log_writer_write(w, "node", t, fields, e);
    cJSON_Delete(fields);
    return rc;
}

/* --- file name --------------------------------------------------------- */

static void test_log_file_name_has_start_trainee_case_and_session(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "t1");
    assert_string_equal(base_name(log_writer_path(w)), START_NAME "_t1_sepsis-ed_1b4e28ba.jsonl");
    char *expect = join(f->dir, START_NAME "_t1_sepsis-ed_1b4e28ba.jsonl");
    assert_string_equal(log_writer_path(w), expect);
    struct stat st;
    assert_int_equal(stat(expect, &st), 0);
    assert_int_equal(st.st_size, 0);
    assert_int_equal(st.st_mode & 0777, 0644 & ~current_umask());
    free(expect);
    log_writer_close(w);
}

static void test_log_trainee_reduced_to_safe_characters(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "Dr. O'Neil/../x y_2-b");
    assert_string_equal(base_name(log_writer_path(w)),
                        START_NAME "_DrONeilxy_2-b_sepsis-ed_1b4e28ba.jsonl");
    log_writer_close(w);
}

static void test_log_empty_trainee_becomes_anon(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "");
    assert_string_equal(base_name(log_writer_path(w)), START_NAME "_anon_sepsis-ed_1b4e28ba.jsonl");
    log_writer_close(w);
    f->now = START_MS;
    char *sub = join(f->dir, "b");
    log_open_opts o = opts_in(f, sub, "\xc3\xa9\xc3\xa9 ./");
    apperr e;
    assert_int_equal(log_writer_open(&w, &o, &e), 0);
    assert_string_equal(base_name(log_writer_path(w)), START_NAME "_anon_sepsis-ed_1b4e28ba.jsonl");
    log_writer_close(w);
    free(sub);
}

static void test_log_long_trainee_is_cut_to_64_characters(void **state)
{
    fixture *f = *state;
    char trainee[301];
    memset(trainee, 'a', 300);
    trainee[300] = '\0';
    log_writer *w = open_in_dir(f, trainee);
    const char *name = base_name(log_writer_path(w));
    assert_int_equal(strlen(name), strlen(START_NAME "__sepsis-ed_1b4e28ba.jsonl") + 64);
    log_writer_close(w);
}

static void test_log_rejects_session_id_that_is_not_hex(void **state)
{
    fixture *f = *state;
    log_open_opts o = opts_in(f, f->dir, "t1");
    o.session = "../../etc";
    log_writer *w = (log_writer *)1;
    apperr e;
    assert_int_equal(log_writer_open(&w, &o, &e), -1);
    assert_null(w);
    assert_int_equal(e.kind, APPERR_ENV);
}

/* --- records ----------------------------------------------------------- */

static void test_log_records_have_envelope_in_order(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "t1");
    apperr e;
    cJSON *fields = cJSON_CreateObject();
    json_add_string_or_null(fields, "case", "sepsis-ed");
    json_add_number(fields, "confidence", 0.87);
    json_add_string_or_null(fields, "variant", NULL);
    assert_int_equal(log_writer_write(w, "session_start", 0, fields, &e), 0);
    cJSON_Delete(fields);
    assert_int_equal(write_node(w, "arrival", 1000, &e), 0);
    assert_int_equal(log_writer_write(w, "session_end", 2000, NULL, &e), 0);
    char *text = test_read_file(log_writer_path(w), NULL);
    assert_string_equal(
        text, "{\"v\":1,\"type\":\"session_start\",\"session\":\"" SESSION "\",\"seq\":0,\"t\":0,"
              "\"at\":\"2026-11-27T09:14:03.512Z\",\"case\":\"sepsis-ed\",\"confidence\":0.87,"
              "\"variant\":null}\n"
              "{\"v\":1,\"type\":\"node\",\"session\":\"" SESSION "\",\"seq\":1,\"t\":1000,"
              "\"at\":\"2026-11-27T09:14:04.513Z\",\"node\":\"arrival\"}\n"
              "{\"v\":1,\"type\":\"session_end\",\"session\":\"" SESSION "\",\"seq\":2,"
              "\"t\":2000,\"at\":\"2026-11-27T09:14:05.514Z\"}\n");
    free(text);
    log_writer_close(w);
}

static void test_log_each_record_is_valid_json_read_back(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "t1");
    apperr e;
    cJSON *fields = cJSON_CreateObject();
    json_add_string_or_null(fields, "rationale", "line one\nline \"two\"");
    assert_int_equal(log_writer_write(w, "decision", 5000, fields, &e), 0);
    cJSON_Delete(fields);
    fields = cJSON_CreateObject();
    assert_int_equal(log_writer_write(w, "view", 6000, fields, &e), 0);
    cJSON_Delete(fields);
    char *text = test_read_file(log_writer_path(w), NULL);
    assert_int_equal(count_lines(text), 2);
    char *nl = strchr(text, '\n');
    *nl = '\0';
    cJSON *rec = cJSON_Parse(text);
    assert_non_null(rec);
    assert_string_equal(cJSON_GetObjectItem(rec, "rationale")->valuestring,
                        "line one\nline \"two\"");
    cJSON_Delete(rec);
    rec = cJSON_Parse(nl + 1);
    assert_non_null(rec);
    assert_int_equal(cJSON_GetObjectItem(rec, "seq")->valueint, 1);
    assert_string_equal(cJSON_GetObjectItem(rec, "type")->valuestring, "view");
    cJSON_Delete(rec);
    free(text);
    log_writer_close(w);
}

static void test_log_rejects_fields_that_reuse_envelope_keys(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "t1");
    apperr e;
    cJSON *fields = cJSON_CreateObject();
    json_add_number(fields, "seq", 7);
    assert_int_equal(log_writer_write(w, "node", 0, fields, &e), -1);
    assert_non_null(strstr(e.msg, "seq"));
    cJSON_Delete(fields);
    fields = cJSON_CreateArray();
    assert_int_equal(log_writer_write(w, "node", 0, fields, &e), -1);
    cJSON_Delete(fields);
    /* Nothing was written and the log goes on from seq 0. */
    assert_int_equal(write_node(w, "arrival", 0, &e), 0);
    char *text = test_read_file(log_writer_path(w), NULL);
    assert_non_null(strstr(text, "\"seq\":0,"));
    assert_int_equal(count_lines(text), 1);
    free(text);
    log_writer_close(w);
}

/* --- never overwrite --------------------------------------------------- */

static void test_log_never_overwrites_existing_file(void **state)
{
    fixture *f = *state;
    apperr e;
    log_writer *w = (log_writer *)1;
    char *taken = join(f->dir, START_NAME "_t1_sepsis-ed_1b4e28ba.jsonl");
    assert_int_equal(test_write_file(taken, "precious\n"), 0);

    /* A folder whose spec name collides with a file already there. */
    log_open_opts o = opts_in(f, f->dir, "t1");
    assert_int_equal(log_writer_open(&w, &o, &e), -1);
    assert_null(w);
    assert_int_equal(e.kind, APPERR_ENV);
    assert_string_equal(e.file, taken);
    assert_non_null(strstr(e.msg, "already exists"));
    char *text = test_read_file(taken, NULL);
    assert_string_equal(text, "precious\n");
    free(text);

    /* run --log FILE naming an existing file. */
    o.dir = NULL;
    o.path = taken;
    w = (log_writer *)1;
    assert_int_equal(log_writer_open(&w, &o, &e), -1);
    assert_null(w);
    assert_int_equal(e.kind, APPERR_ENV);
    assert_non_null(strstr(e.msg, "refusing to overwrite"));
    text = test_read_file(taken, NULL);
    assert_string_equal(text, "precious\n");
    free(text);
    free(taken);
}

static void test_log_path_mode_creates_exact_file_and_parents(void **state)
{
    fixture *f = *state;
    char *path = join(f->dir, "x/y/mine.jsonl");
    log_open_opts o = opts_in(f, NULL, "t1");
    o.path = path;
    log_writer *w = NULL;
    apperr e;
    assert_int_equal(log_writer_open(&w, &o, &e), 0);
    assert_string_equal(log_writer_path(w), path);
    assert_int_equal(write_node(w, "arrival", 0, &e), 0);
    log_writer_close(w);
    char *text = test_read_file(path, NULL);
    assert_non_null(text);
    assert_int_equal(count_lines(text), 1);
    free(text);
    free(path);
}

static void test_log_open_needs_exactly_one_of_dir_and_path(void **state)
{
    fixture *f = *state;
    log_open_opts o = opts_in(f, f->dir, "t1");
    o.path = "/tmp/whatever.jsonl";
    log_writer *w = NULL;
    apperr e;
    assert_int_equal(log_writer_open(&w, &o, &e), -1);
    o.dir = o.path = NULL;
    assert_int_equal(log_writer_open(&w, &o, &e), -1);
    assert_null(w);
}

/* --- folders ----------------------------------------------------------- */

static void test_log_creates_missing_parent_folders(void **state)
{
    fixture *f = *state;
    char *deep = join(f->dir, "a/b//c/logs");
    log_open_opts o = opts_in(f, deep, "t1");
    log_writer *w = NULL;
    apperr e;
    assert_int_equal(log_writer_open(&w, &o, &e), 0);
    struct stat st;
    assert_int_equal(stat(deep, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 0777, 0755 & ~current_umask());
    log_writer_close(w);
    free(deep);
}

static void test_log_dir_check_creates_folder_and_leaves_it_empty(void **state)
{
    fixture *f = *state;
    char *deep = join(f->dir, "new/logs");
    apperr e;
    assert_int_equal(log_dir_check(deep, &e), 0);
    struct stat st;
    assert_int_equal(stat(deep, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(rmdir(deep), 0); /* fails unless the probe was removed */
    free(deep);
}

static void test_log_dir_check_fails_under_a_regular_file(void **state)
{
    fixture *f = *state;
    char *file = join(f->dir, "plain");
    assert_int_equal(test_write_file(file, "x"), 0);
    char *below = join(file, "logs");
    apperr e;
    assert_int_equal(log_dir_check(below, &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
    assert_string_equal(e.file, below);
    assert_non_null(strstr(e.msg, strerror(ENOTDIR)));

    /* The folder itself being a file is refused too. */
    assert_int_equal(log_dir_check(file, &e), -1);
    assert_string_equal(e.file, file);

    log_open_opts o = opts_in(f, below, "t1");
    log_writer *w = NULL;
    assert_int_equal(log_writer_open(&w, &o, &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
    assert_null(w);
    free(below);
    free(file);
}

static void test_log_dir_check_fails_on_read_only_proc(void **state)
{
    (void)state;
    struct stat st;
    if (stat("/proc/self", &st) != 0)
        skip();
    apperr e;
    /* /proc refuses new files even to root. */
    assert_int_equal(log_dir_check("/proc/self", &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
    assert_string_equal(e.file, "/proc/self");
    assert_non_null(strstr(e.msg, "cannot write"));
    assert_int_equal(log_dir_check("/proc/appraise/logs", &e), -1);
    assert_non_null(strstr(e.msg, "cannot create"));
}

static void test_log_dir_check_fails_on_read_only_folder(void **state)
{
    fixture *f = *state;
    if (geteuid() == 0)
        skip(); /* permissions do not stop root */
    char *ro = join(f->dir, "ro");
    assert_int_equal(mkdir(ro, 0555), 0);
    apperr e;
    assert_int_equal(log_dir_check(ro, &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
    assert_string_equal(e.file, ro);
    assert_non_null(strstr(e.msg, strerror(EACCES)));
    chmod(ro, 0755);
    free(ro);
}

static void test_log_dir_check_rejects_empty_name(void **state)
{
    (void)state;
    apperr e;
    assert_int_equal(log_dir_check("", &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
    assert_int_equal(log_dir_check(NULL, &e), -1);
}

/* --- failures while writing -------------------------------------------- */

/* Two records written, then the disk holds only `room` more bytes; the third
 * fails. Returns the file's text afterwards (caller frees). */
static char *third_record_on_full_disk(fixture *f, long long room, apperr *e)
{
    log_writer *w = open_in_dir(f, "t1");
    size_t len = 0;
    assert_int_equal(write_node(w, "arrival", 0, e), 0);
    assert_int_equal(write_node(w, "worse", 1000, e), 0);
    char *before = test_read_file(log_writer_path(w), &len);
    disk.budget = room;
    assert_int_equal(write_node(w, "treated", 2000, e), -1);
    assert_int_equal(e->kind, APPERR_ENV);
    assert_string_equal(e->file, log_writer_path(w));
    assert_non_null(strstr(e->msg, strerror(ENOSPC)));

    /* The session's log is over: later records fail too, and change nothing. */
    disk.budget = -1;
    apperr later;
    assert_int_equal(log_writer_write(w, "session_end", 3000, NULL, &later), -1);
    assert_int_equal(later.kind, APPERR_ENV);
    assert_non_null(strstr(later.msg, strerror(ENOSPC)));

    char *after = test_read_file(log_writer_path(w), NULL);
    assert_string_equal(after, before);
    assert_int_equal(count_lines(after), 2);
    assert_int_equal(after[len - 1], '\n');
    free(before);
    log_writer_close(w);
    return after;
}

static void test_log_full_disk_keeps_earlier_records(void **state)
{
    apperr e;
    free(third_record_on_full_disk(*state, 0, &e));
}

static void test_log_partial_write_is_cut_back_to_last_record(void **state)
{
    apperr e;
    char *text = third_record_on_full_disk(*state, 17, &e);
    assert_null(strstr(text, "treated"));
    free(text);
}

static void test_log_fsync_failure_ends_the_log(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "t1");
    apperr e;
    assert_int_equal(write_node(w, "arrival", 0, &e), 0);
    disk.fsync_ok = 0;
    assert_int_equal(write_node(w, "worse", 1000, &e), -1);
    assert_int_equal(e.kind, APPERR_ENV);
    assert_string_equal(e.file, log_writer_path(w));
    assert_non_null(strstr(e.msg, "fsync"));
    assert_non_null(strstr(e.msg, strerror(EIO)));
    disk.fsync_ok = -1;
    assert_int_equal(write_node(w, "treated", 2000, &e), -1);
    char *text = test_read_file(log_writer_path(w), NULL);
    assert_int_equal(count_lines(text), 1);
    assert_null(strstr(text, "worse"));
    free(text);
    log_writer_close(w);
}

static void test_log_short_writes_and_eintr_are_retried(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "t1");
    apperr e;
    disk.max_chunk = 7;
    disk.eintr = 2;
    assert_int_equal(write_node(w, "arrival", 0, &e), 0);
    assert_int_equal(write_node(w, "worse", 1000, &e), 0);
    assert_true(disk.write_calls > 10);
    char *text = test_read_file(log_writer_path(w), NULL);
    assert_int_equal(count_lines(text), 2);
    assert_non_null(strstr(text, "\"seq\":1,\"t\":1000,"));
    assert_non_null(strstr(text, "\"node\":\"worse\"}\n"));
    free(text);
    log_writer_close(w);
}

static void test_log_close_accepts_null(void **state)
{
    (void)state;
    log_writer_close(NULL);
    assert_null(log_writer_path(NULL));
}

/* Fsync failing on the first record: nothing of it stays. */
static void test_log_left_without_a_record_is_removed(void **state)
{
    fixture *f = *state;
    for (int k = 0; k < 3; k++) {
        log_writer *w = open_in_dir(f, k == 0 ? "t0" : k == 1 ? "t1" : "t2");
        char *path = strdup(log_writer_path(w));
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        if (k == 0)
            disk.budget = 0; /* nothing of the first record fits */
        else if (k == 1)
            disk.budget = 17; /* a part of it does, and is cut back */
        else
            disk.fsync_ok = 0;
        apperr e;
        assert_int_equal(write_node(w, "arrival", 0, &e), -1);
        assert_int_equal(e.kind, APPERR_ENV);
        assert_non_null(strstr(e.msg, k < 2 ? strerror(ENOSPC) : "fsync"));
        assert_non_null(strstr(e.msg, "held no record and was removed"));
        assert_int_equal(stat(path, &st), -1);
        assert_int_equal(errno, ENOENT);
        assert_int_equal(log_writer_records(w), 0);
        log_writer_close(w);
        disk.budget = -1;
        disk.fsync_ok = -1;
        free(path);
    }
}

static void test_log_closed_without_a_record_is_removed_with_records_kept(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "t1");
    char *empty = strdup(log_writer_path(w));
    log_writer_close(w);
    struct stat st;
    assert_int_equal(stat(empty, &st), -1);
    free(empty);

    w = open_in_dir(f, "t2");
    char *kept = strdup(log_writer_path(w));
    apperr e;
    assert_int_equal(write_node(w, "arrival", 0, &e), 0);
    assert_int_equal(log_writer_records(w), 1);
    log_writer_close(w);
    char *text = test_read_file(kept, NULL);
    assert_int_equal(count_lines(text), 1);
    free(text);
    free(kept);
}

/* Only the writer's own empty file goes: never a file that took its place,
 * nor one that something else wrote into. */
static void test_log_never_removes_a_file_that_is_not_its_own_empty_one(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "t1");
    char *path = strdup(log_writer_path(w)), *moved = join(f->dir, "moved.jsonl");
    assert_int_equal(rename(path, moved), 0);
    assert_int_equal(test_write_file(path, ""), 0); /* another empty file at the name */
    log_writer_close(w);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(unlink(path), 0);

    w = open_in_dir(f, "t1");
    FILE *other = fopen(path, "a");
    assert_non_null(other);
    fputs("{\"v\":1}\n", other); /* written by someone else */
    assert_int_equal(fclose(other), 0);
    disk.budget = 0;
    apperr e;
    assert_int_equal(write_node(w, "arrival", 0, &e), -1);
    disk.budget = -1;
    log_writer_close(w);
    char *text = test_read_file(path, NULL);
    assert_string_equal(text, "{\"v\":1}\n");
    free(text);
    free(moved);
    free(path);
}

/* --- what a line may hold ------------------------------------------------ */

static void test_log_text_that_is_not_utf8_is_written_as_replacement_characters(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "t1");
    apperr e;
    cJSON *fields = cJSON_CreateObject();
    json_add_string_or_null(fields, "trainee", "Jos\xe9");
    json_add_string_or_null(fields, "case_file", "cases/\xff\xfe\xc3\xa9.lua");
    assert_int_equal(log_writer_write(w, "session_start", 0, fields, &e), 0);
    cJSON_Delete(fields);
    size_t len;
    char *text = test_read_file(log_writer_path(w), &len);
    assert_true(utf8_valid(text, len, NULL));
    assert_non_null(strstr(text, ",\"trainee\":\"Jos\xef\xbf\xbd\","));
    assert_non_null(
        strstr(text, ",\"case_file\":\"cases/\xef\xbf\xbd\xef\xbf\xbd\xc3\xa9.lua\"}\n"));
    free(text);
    log_writer_close(w);
}

static int write_rationale(log_writer *w, const char *text, apperr *e)
{
    cJSON *fields = cJSON_CreateObject();
    assert_non_null(cJSON_AddStringToObject(fields, "rationale", text));
    int rc = log_writer_write(w, "decision", 1000, fields, e);
    cJSON_Delete(fields);
    return rc;
}

/* What a read saw: the decisions and the lengths of their rationales. */
typedef struct rationales {
    size_t n;
    size_t len[2];
} rationales;

static int note_rationales(void *ctx, const log_session *s, apperr *e)
{
    (void)e;
    rationales *r = ctx;
    for (size_t i = 0; i < s->n_decisions; i++, r->n++)
        if (r->n < 2 && s->decisions[i].rationale)
            r->len[r->n] = strlen(s->decisions[i].rationale);
    return 0;
}

/* Every line the writer writes, the reader reads: a record exactly as long
 * as a log line may be is written and read back whole; one byte longer is
 * refused (the case's fault, exit 1) and the log goes on. */
static void test_log_line_of_the_reader_limit_is_read_back_and_longer_refused(void **state)
{
    fixture *f = *state;
    log_writer *w = open_in_dir(f, "t1");
    apperr e;
    size_t small = 0;
    assert_int_equal(write_rationale(w, "x", &e), 0);
    free(test_read_file(log_writer_path(w), &small)); /* one line, the rationale 1 byte */
    size_t room = LOG_LINE_MAX - (small - 1);         /* the rationale that fills a line */
    char *big = malloc(room + 2);
    assert_non_null(big);
    memset(big, 'a', room + 1);
    big[room] = '\0';
    assert_int_equal(write_rationale(w, big, &e), 0);
    big[room] = 'a';
    big[room + 1] = '\0';
    assert_int_equal(write_rationale(w, big, &e), -1);
    assert_int_equal(e.kind, APPERR_INPUT);
    assert_non_null(strstr(e.msg, "longer than the 64 MiB a log line may hold"));
    free(big);
    assert_int_equal(log_writer_records(w), 2);
    assert_int_equal(write_node(w, "after", 2000, &e), 0); /* the log goes on */
    struct stat st;
    assert_int_equal(stat(log_writer_path(w), &st), 0);
    assert_true((size_t)st.st_size > small + LOG_LINE_MAX);

    rationales got = {0};
    log_read_opts o = {.on_session = note_rationales, .ctx = &got, .threads = 1};
    log_read_stats stats;
    const char *path = log_writer_path(w);
    assert_int_equal(log_read_paths(&path, 1, &o, &stats, &e), 0);
    assert_int_equal(stats.issues[LOG_ISSUE_BAD_LINE], 0);
    assert_int_equal(stats.records, 3);
    assert_int_equal(got.n, 2);
    assert_int_equal(got.len[0], 1);
    assert_int_equal(got.len[1], room);
    log_writer_close(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_log_file_name_has_start_trainee_case_and_session),
        T(test_log_trainee_reduced_to_safe_characters),
        T(test_log_empty_trainee_becomes_anon),
        T(test_log_long_trainee_is_cut_to_64_characters),
        T(test_log_rejects_session_id_that_is_not_hex),
        T(test_log_records_have_envelope_in_order),
        T(test_log_each_record_is_valid_json_read_back),
        T(test_log_rejects_fields_that_reuse_envelope_keys),
        T(test_log_never_overwrites_existing_file),
        T(test_log_path_mode_creates_exact_file_and_parents),
        T(test_log_open_needs_exactly_one_of_dir_and_path),
        T(test_log_creates_missing_parent_folders),
        T(test_log_dir_check_creates_folder_and_leaves_it_empty),
        T(test_log_dir_check_fails_under_a_regular_file),
        T(test_log_dir_check_fails_on_read_only_proc),
        T(test_log_dir_check_fails_on_read_only_folder),
        T(test_log_dir_check_rejects_empty_name),
        T(test_log_full_disk_keeps_earlier_records),
        T(test_log_partial_write_is_cut_back_to_last_record),
        T(test_log_fsync_failure_ends_the_log),
        T(test_log_short_writes_and_eintr_are_retried),
        T(test_log_close_accepts_null),
        T(test_log_left_without_a_record_is_removed),
        T(test_log_closed_without_a_record_is_removed_with_records_kept),
        T(test_log_never_removes_a_file_that_is_not_its_own_empty_one),
        T(test_log_text_that_is_not_utf8_is_written_as_replacement_characters),
        T(test_log_line_of_the_reader_limit_is_read_back_and_longer_refused),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
