/* app_preview: `play --watch` without a window (engine/ui/app_preview.h).
 * A case written into a folder of the test's own is played a few steps,
 * then saved anew: the reload lands at the same step with the new text; a
 * renamed option stops the replay there, and the bar says where and why; a
 * save that does not load keeps the old session with FILE:LINE in the bar,
 * and the next good save recovers. The previews' logs say mode preview, in
 * the folder given. Under the failing allocator, a reload that runs out of
 * memory keeps the old session and leaks nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "app_preview.h"
#include "case_load.h"
#include "failing_alloc.h"
#include "support.h"

typedef struct fixture {
    char *dir;  /* the case and its include */
    char *logs; /* the preview folder */
    char path[4200];
    app a;
    int64_t now;
} fixture;

/* The case, with what the tests change: the choice's text, its first
 * option's id, and a line that may break it. Line 9 is the choice node. */
static void write_case(fixture *f, const char *choice_text, const char *option, const char *extra)
{
    FILE *out = fopen(f->path, "w");
    assert_non_null(out);
    fprintf(
        out,
        "local h = include(\"helpers\")\n"
        "return case {\n"
        "  id = \"preview\", version = \"1\", title = \"Preview\",\n"
        "  vitals = { hr = 80, sbp = 120, dbp = 80, rr = 16, spo2 = 98, temp = 37.0,\n"
        "             avpu = \"A\" },\n"
        "  start = \"arrival\",\n"
        "  nodes = {\n"
        "    arrival = { text = \"Arrival.\", next = \"choice\" },\n"
        "    choice = { text = \"%s\", %s\n"
        "      decision = { options = { { id = \"%s\", label = \"A\", next = \"later\" },\n"
        "                               { id = \"b\", label = \"B\", next = \"later\" } },\n"
        "                   best = { \"%s\" } } },\n"
        "    later = { text = h.later, next = \"done\" },\n"
        "    done = { text = \"Home.\", ending = { outcome = \"good\", summary = \"Home.\" } },\n"
        "  },\n"
        "}\n",
        choice_text, extra, option, option);
    assert_int_equal(fclose(out), 0);
}

static void write_helpers(fixture *f, const char *later)
{
    char p[4300];
    snprintf(p, sizeof p, "%s/helpers.lua", f->dir);
    FILE *out = fopen(p, "w");
    assert_non_null(out);
    fprintf(out, "return { later = \"%s\" }\n", later);
    assert_int_equal(fclose(out), 0);
}

static void open_app(fixture *f)
{
    case_def *c = NULL;
    apperr e;
    case_load_opts lo = {.seed = 5};
    assert_int_equal(case_load(&c, f->path, &lo, &e), 0);
    app_opts o = {.c = c,
                  .trainee = "t1",
                  .have_seed = true,
                  .seed = 5,
                  .log_dir = f->logs,
                  .host_os = "test",
                  .watch = true};
    assert_int_equal(app_init(&f->a, &o, &e), 0);
    f->now = 100000;
}

/* The previews' log folder: in memory where the system has /dev/shm, so
 * that the out-of-memory test's hundreds of sessions, each record synced
 * to disk, do not wait on a busy disk. */
static char *log_tmpdir(void)
{
    char *path = malloc(64);
    assert_non_null(path);
    snprintf(path, 64, "/dev/shm/appraise-test-XXXXXX");
    if (mkdtemp(path))
        return path;
    free(path);
    return test_tmpdir();
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = test_tmpdir();
    f->logs = log_tmpdir();
    snprintf(f->path, sizeof f->path, "%s/case.lua", f->dir);
    write_case(f, "Which one?", "a", "");
    write_helpers(f, "Later on.");
    open_app(f);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    app_free(&f->a);
    test_rmtree(f->dir);
    test_rmtree(f->logs);
    free(f->dir);
    free(f->logs);
    free(f);
    return 0;
}

static void cmd(fixture *f, ui_cmd_kind k, int arg)
{
    f->now += 1000;
    app_command(&f->a, (ui_cmd){k, arg}, f->now);
}

/* Start, continue past arrival, choose option 0 and answer what is asked
 * until the session is at node `later`. */
static void play_to_later(fixture *f)
{
    cmd(f, CMD_COMMIT, 0); /* start */
    cmd(f, CMD_COMMIT, 0); /* arrival: continue */
    assert_string_equal(app_view(&f->a).node->id, "choice");
    cmd(f, CMD_PICK, 0);
    cmd(f, CMD_COMMIT, 0);
    for (int i = 0; i < 5 && strcmp(app_view(&f->a).node->id, "later") != 0; i++) {
        cmd(f, CMD_PICK, 4); /* a rating, when one is asked */
        cmd(f, CMD_COMMIT, 0);
    }
    assert_string_equal(app_view(&f->a).node->id, "later");
}

static const char *node_id(fixture *f)
{
    const case_node *n = app_view(&f->a).node;
    return n ? n->id : "(none)";
}

static void reload(fixture *f)
{
    f->now += 1000;
    assert_true(app_preview_reload(&f->a, f->now));
}

static void test_sources_list_the_case_and_its_includes(void **state)
{
    fixture *f = *state;
    const strlist *s = &f->a.c->sources;
    assert_int_equal(s->n, 2);
    assert_string_equal(s->items[0], f->path);
    const char *tail = "/helpers.lua";
    assert_true(strlen(s->items[1]) > strlen(tail));
    assert_string_equal(s->items[1] + strlen(s->items[1]) - strlen(tail), tail);
}

static void test_reload_replays_to_the_same_step_with_the_new_text(void **state)
{
    fixture *f = *state;
    play_to_later(f);
    size_t n = app_preview_recorded(&f->a);
    assert_int_equal(n, 2); /* continue, choose */
    const session *before = f->a.s;
    write_helpers(f, "Much later, with new words.");
    reload(f);
    assert_ptr_not_equal(f->a.s, before);
    assert_string_equal(node_id(f), "later");
    assert_string_equal(app_view(&f->a).node->text, "Much later, with new words.");
    assert_int_equal(f->a.screen, SCR_CASE);
    assert_string_equal(f->a.preview_bar, "");
    assert_int_equal(app_preview_recorded(&f->a), n);
    /* and on from there, in the new version */
    cmd(f, CMD_COMMIT, 0);
    assert_int_equal(f->a.screen, SCR_ENDING);
}

static void test_a_renamed_option_stops_the_replay_and_says_where_and_why(void **state)
{
    fixture *f = *state;
    play_to_later(f);
    size_t n = app_preview_recorded(&f->a);
    write_case(f, "Which one?", "a2", "");
    reload(f);
    assert_string_equal(node_id(f), "choice");
    char want[200];
    snprintf(want, sizeof want,
             "Live preview: the replay stopped at node choice, action 2 of %zu: ", n);
    assert_memory_equal(f->a.preview_bar, want, strlen(want));
    assert_non_null(strstr(f->a.preview_bar, "no option \"a\" at node choice"));
    /* Undone by the next save: back where the author was. */
    assert_int_equal(app_preview_recorded(&f->a), n);
    write_case(f, "Which one?", "a", "");
    reload(f);
    assert_string_equal(node_id(f), "later");
    assert_string_equal(f->a.preview_bar, "");
    /* Renamed again, and the author goes on from where the replay
     * stopped: the recording follows them from there. */
    write_case(f, "Which one?", "a2", "");
    reload(f);
    assert_string_equal(node_id(f), "choice");
    cmd(f, CMD_PICK, 1);
    cmd(f, CMD_COMMIT, 0);
    assert_string_equal(node_id(f), "later");
    assert_int_equal(app_preview_recorded(&f->a), 2);
    write_case(f, "Which one?", "a", "");
    reload(f); /* the choice recorded now is b, which still fits */
    assert_string_equal(node_id(f), "later");
    assert_string_equal(f->a.preview_bar, "");
}

static void test_a_broken_save_keeps_the_old_session_and_gives_file_line(void **state)
{
    fixture *f = *state;
    play_to_later(f);
    const session *before = f->a.s;
    write_case(f, "Which one?", "a", "titel = 3 3,"); /* line 9 */
    reload(f);
    assert_ptr_equal(f->a.s, before);
    assert_string_equal(node_id(f), "later");
    char want[4300];
    snprintf(want, sizeof want, "%s:9: ", f->path);
    assert_memory_equal(f->a.preview_bar, want, strlen(want));
    assert_non_null(strstr(f->a.preview_bar, "(the last version that loaded is still playing)"));
    /* The next good save recovers, at the same step. */
    write_case(f, "Which one, now?", "a", "");
    reload(f);
    assert_string_equal(f->a.preview_bar, "");
    assert_ptr_not_equal(f->a.s, before);
    assert_string_equal(node_id(f), "later");
}

/* Every log file of the folder, read whole, one after another. */
static int count_logs(const char *dir, const char *needle, int *with)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *en;
    int n = 0;
    *with = 0;
    while ((en = readdir(d))) {
        if (en->d_name[0] == '.')
            continue;
        char p[4300];
        snprintf(p, sizeof p, "%s/%s", dir, en->d_name);
        size_t len;
        char *text = test_read_file(p, &len);
        assert_non_null(text);
        n++;
        *with += strstr(text, needle) != NULL;
        free(text);
    }
    closedir(d);
    return n;
}

static void test_previews_are_logged_as_preview_in_their_folder(void **state)
{
    fixture *f = *state;
    play_to_later(f);
    int with;
    assert_int_equal(count_logs(f->logs, "\"mode\":\"preview\"", &with), 1);
    assert_int_equal(with, 1);
    write_helpers(f, "Another text.");
    reload(f);
    /* A log a version: the one before ends as left when the next loads. */
    assert_int_equal(count_logs(f->logs, "\"mode\":\"preview\"", &with), 2);
    assert_int_equal(with, 2);
    count_logs(f->logs, "\"status\":\"quit\"", &with);
    assert_int_equal(with, 1);
}

static void test_a_reload_before_the_start_changes_the_case_only(void **state)
{
    fixture *f = *state;
    write_case(f, "Which one?", "a", "title = \"Renamed case\",");
    reload(f);
    assert_int_equal(f->a.screen, SCR_START);
    assert_null(f->a.s);
    assert_string_equal(case_find_node(f->a.c, "choice")->title, "Renamed case");
    int with;
    assert_int_equal(count_logs(f->logs, "preview", &with), 0);
}

/* The watcher in play: a save found by app_preview_poll, asked as the
 * window asks it, in a bounded loop. */
static void test_a_save_is_found_by_the_poll(void **state)
{
    fixture *f = *state;
    play_to_later(f);
    assert_false(app_preview_poll(&f->a, f->now));
    write_helpers(f, "Saved while the window was open.");
    bool reloaded = false;
    for (int i = 0; i < 1000 && !reloaded; i++) {
        struct timespec ts = {0, 5000000L};
        nanosleep(&ts, NULL);
        f->now += 5; /* the window's clock, as it asks each frame */
        reloaded = app_preview_poll(&f->a, f->now);
    }
    assert_true(reloaded);
    assert_string_equal(app_view(&f->a).node->text, "Saved while the window was open.");
}

static void write_in_dir(fixture *f, const char *name, const char *text)
{
    char p[4300];
    snprintf(p, sizeof p, "%s/%s", f->dir, name);
    FILE *out = fopen(p, "w");
    assert_non_null(out);
    fputs(text, out);
    assert_int_equal(fclose(out), 0);
}

static bool poll_until_reloaded(fixture *f)
{
    for (int i = 0; i < 1000; i++) {
        struct timespec ts = {0, 5000000L};
        nanosleep(&ts, NULL);
        f->now += 5; /* the window's clock, as it asks each frame */
        if (app_preview_poll(&f->a, f->now))
            return true;
    }
    return false;
}

/* A file a save starts to include is watched from that save on. */
static void test_a_new_include_is_watched_from_the_save_that_loads_it(void **state)
{
    fixture *f = *state;
    play_to_later(f);
    write_in_dir(f, "more.lua", "return { later = \"From more.\" }\n");
    write_in_dir(f, "helpers.lua", "return { later = include(\"more\").later }\n");
    assert_true(poll_until_reloaded(f));
    assert_string_equal(app_view(&f->a).node->text, "From more.");
    assert_int_equal(f->a.c->sources.n, 3);
    write_in_dir(f, "more.lua", "return { later = \"Saved in more.\" }\n");
    assert_true(poll_until_reloaded(f));
    assert_string_equal(app_view(&f->a).node->text, "Saved in more.");
}

/* Without --watch nothing is recorded and nothing reloads. */
static void test_no_preview_without_watch(void **state)
{
    (void)state;
    app a;
    apperr e;
    char *dir = test_tmpdir();
    app_opts o = {.c = load_test_case("window_case.lua"),
                  .trainee = "t1",
                  .have_seed = true,
                  .seed = 5,
                  .log_dir = dir,
                  .host_os = "test"};
    assert_int_equal(app_init(&a, &o, &e), 0);
    assert_null(a.preview);
    assert_true(app_command(&a, (ui_cmd){CMD_COMMIT, 0}, 1000));
    assert_int_equal(app_preview_recorded(&a), 0);
    assert_false(app_preview_reload(&a, 2000));
    assert_false(app_preview_poll(&a, 2000));
    int with;
    count_logs(dir, "\"mode\":\"play\"", &with);
    assert_int_equal(with, 1);
    app_free(&a);
    test_rmtree(dir);
    free(dir);
}

/* Out of memory at each allocation of a reload in turn: the old session
 * plays on (or the new one took its place), the bar says what happened,
 * and nothing leaks. */
static void test_a_reload_out_of_memory_keeps_playing_and_leaks_nothing(void **state)
{
    fixture *f = *state;
    app_free(&f->a);
    write_helpers(f, "Later on.");
    /* Closing an inotify instance waits on the kernel (milliseconds on a
     * busy machine), and each turn opens one: poll here (test_watch
     * tests both). */
    setenv("APPRAISE_WATCH", "poll", 1);
    bool done = false;
    long n;
    for (n = 0; n < 100000 && !done; n++) {
        failing_alloc_install();
        alloc_live = 0;
        alloc_fail_in = -1;
        open_app(f);
        play_to_later(f);
        const session *before = f->a.s;
        alloc_fail_in = n;
        f->now += 1000;
        app_preview_reload(&f->a, f->now);
        done = alloc_fail_in >= 0; /* no allocation failed: the reload went through */
        alloc_fail_in = -1;
        assert_non_null(f->a.s);
        assert_string_equal(node_id(f), "later");
        if (f->a.s == before)
            assert_string_not_equal(f->a.preview_bar, "");
        app_free(&f->a);
        assert_int_equal(alloc_live, 0);
        failing_alloc_remove();
        test_rmtree(f->logs);
        free(f->logs);
        f->logs = log_tmpdir();
    }
    unsetenv("APPRAISE_WATCH");
    assert_true(done);
    assert_true(n > 10);
    open_app(f); /* for the teardown */
}

/* A timed decision: the time spent editing is not the trainee's. After a
 * reload the clock goes on from where the replay left it, so the limit
 * has not run out while the author wrote, and the steps a stopped replay
 * keeps are not dropped by a time-out nobody saw. */
static void write_timed_case(fixture *f, const char *option)
{
    FILE *out = fopen(f->path, "w");
    assert_non_null(out);
    fprintf(out,
            "return case {\n"
            "  id = \"preview-timed\", version = \"1\", title = \"Preview\",\n"
            "  start = \"arrival\",\n"
            "  nodes = {\n"
            "    arrival = { text = \"Arrival.\", next = \"choice\" },\n"
            "    choice = { text = \"Quick!\",\n"
            "      decision = { options = { { id = \"%s\", label = \"A\", next = \"done\" },\n"
            "                               { id = \"b\", label = \"B\", next = \"done\" } },\n"
            "                   best = { \"%s\" }, time_limit = 30, on_timeout = \"late\" } },\n"
            "    late = { text = \"Too late.\", ending = { outcome = \"harm\", summary = \"Late.\" } },\n"
            "    done = { text = \"Home.\", ending = { outcome = \"good\", summary = \"Home.\" } },\n"
            "  },\n"
            "}\n",
            option, option);
    assert_int_equal(fclose(out), 0);
}

static void test_the_time_spent_editing_does_not_run_a_time_limit_out(void **state)
{
    fixture *f = *state;
    write_timed_case(f, "a");
    app_free(&f->a);
    open_app(f);
    cmd(f, CMD_COMMIT, 0); /* start */
    cmd(f, CMD_COMMIT, 0); /* arrival: continue */
    assert_string_equal(node_id(f), "choice");
    size_t n = app_preview_recorded(&f->a);
    /* Ten minutes of writing, then a save. */
    f->now += 10 * 60 * 1000;
    write_timed_case(f, "a");
    assert_true(app_preview_reload(&f->a, f->now));
    assert_string_equal(node_id(f), "choice");
    int64_t left = app_time_left(&f->a, f->now);
    assert_true(left > 0 && left <= 30000);
    assert_false(app_tick(&f->a, f->now + 1000));
    assert_string_equal(node_id(f), "choice");
    assert_int_equal(app_preview_recorded(&f->a), n);
    /* The limit still runs: 30 s later it fires. */
    assert_true(app_tick(&f->a, f->now + 31000));
    assert_int_equal(f->a.screen, SCR_CASE); /* the time-out's feedback */
}

int main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_sources_list_the_case_and_its_includes),
        T(test_reload_replays_to_the_same_step_with_the_new_text),
        T(test_a_renamed_option_stops_the_replay_and_says_where_and_why),
        T(test_a_broken_save_keeps_the_old_session_and_gives_file_line),
        T(test_previews_are_logged_as_preview_in_their_folder),
        T(test_a_reload_before_the_start_changes_the_case_only),
        T(test_a_save_is_found_by_the_poll),
        T(test_the_time_spent_editing_does_not_run_a_time_limit_out),
        T(test_a_new_include_is_watched_from_the_save_that_loads_it),
        cmocka_unit_test(test_no_preview_without_watch),
        T(test_a_reload_out_of_memory_keeps_playing_and_leaks_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
