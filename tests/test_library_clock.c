/* test_library_clock: the library's cases keep their clock with their story.
 * Every case and example is played down every path (every option at every
 * decision, and the time limit running out where there is one); wherever a
 * node's title names a time of day ("03:20", "Assessment, 10:45", "The
 * 16:00 safety huddle"), the header's time there (start_time plus the case
 * clock, core/time_of_day) must be one of the times it names, and the case
 * must say its start_time; a text that says "It is 09:40" must be shown at
 * 09:40. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_load.h"
#include "session.h"
#include "time_of_day.h"

#define PATH_MAX_STEPS 64
#define TIMEOUT_STEP "(timeout)"

/* A title's time that is not the header's, and why that is right. */
static const struct {
    const char *case_id, *node;
} EXCEPTIONS[] = {
    /* "The 02:00 observations": the 02:00 set, entered into the chart at 02:05. */
    {"ward-deterioration", "night_obs"},
};

typedef struct walk {
    const case_def *c;
    const char *variant;
    const char *steps[PATH_MAX_STEPS]; /* the final choices of the path, or TIMEOUT_STEP */
    size_t n;
    size_t paths, checked;
} walk;

static bool excepted(const case_def *c, const char *node)
{
    for (size_t i = 0; i < sizeof EXCEPTIONS / sizeof EXCEPTIONS[0]; i++)
        if (!strcmp(EXCEPTIONS[i].case_id, c->id) && !strcmp(EXCEPTIONS[i].node, node))
            return true;
    return false;
}

/* Whether title names a time of day (HH:MM with digits either side of the
 * colon), and whether one of them is now. */
static bool title_times(const char *title, const char *now, bool *names_now)
{
    bool any = false;
    *names_now = false;
    for (const char *p = title ? strchr(title, ':') : NULL; p; p = strchr(p + 1, ':')) {
        if (p - title < 2 || strnlen(p, 3) < 3)
            continue;
        char t[6];
        memcpy(t, p - 2, 5);
        t[5] = '\0';
        int m;
        if (!time_of_day_parse(t, &m))
            continue;
        any = true;
        *names_now |= strcmp(t, now) == 0;
    }
    return any;
}

/* A text that says what time it is now ("It is 09:40.") must say the
 * header's time. */
static void check_it_is(walk *w, const case_node *n, const char *now)
{
    static const char said[] = "It is ";
    for (const char *p = n->text ? strstr(n->text, said) : NULL; p; p = strstr(p + 1, said)) {
        const char *t = p + strlen(said);
        char hhmm[6];
        int m;
        if (strnlen(t, 5) < 5)
            continue;
        memcpy(hhmm, t, 5);
        hhmm[5] = '\0';
        if (time_of_day_parse(hhmm, &m) && strcmp(hhmm, now) != 0)
            fail_msg("%s: node %s says \"It is %s\" but is shown at %s", w->c->file, n->id, hhmm,
                     now);
    }
}

static void check_node(walk *w, const session_view *v)
{
    const case_node *n = v->node;
    char now[16];
    bool names_now;
    if (n && w->c->has_start_time) {
        time_of_day_format(w->c->start_time, v->live->clock, now, sizeof now);
        check_it_is(w, n, now);
    }
    if (!n || !title_times(n->title, "", &names_now))
        return;
    if (!w->c->has_start_time)
        fail_msg("%s: node %s's title \"%s\" names a time of day, but the case has no "
                 "start_time",
                 w->c->file, n->id, n->title);
    time_of_day_format(w->c->start_time, v->live->clock, now, sizeof now);
    title_times(n->title, now, &names_now);
    if (!names_now && !excepted(w->c, n->id)) {
        char path[1024] = "";
        for (size_t i = 0; i < w->n; i++)
            snprintf(path + strlen(path), sizeof path - strlen(path), "%s%s", i ? " > " : "",
                     w->steps[i]);
        fail_msg("%s (variant %s): node %s's title \"%s\" is shown at %s (path: %s)", w->c->file,
                 w->variant ? w->variant : "-", n->id, n->title, now, path);
    }
    w->checked++;
}

/* Plays the path in w->steps from the start; at the first decision past its
 * end, tries each branch in turn. */
static void explore(walk *w)
{
    session_opts o = {.trainee = "clock",
                      .variant = w->variant,
                      .seed = 1,
                      .mode = "run",
                      .session_id = "00000000-0000-4000-8000-000000000000",
                      .engine_version = "test",
                      .host_os = "test"};
    session *s = NULL;
    apperr e;
    assert_int_equal(session_open(&s, w->c, &o, 0, &e), SESSION_OK);
    int64_t t = 0;
    size_t i = 0;
    const case_node *last = NULL;
    double last_clock = -1;
    for (int guard = 0; guard < 10000; guard++) {
        session_view v = session_view_now(s);
        if (v.node && (v.node != last || v.live->clock != last_clock)) {
            check_node(w, &v);
            last = v.node;
            last_clock = v.live->clock;
        }
        if (v.status != SESSION_PLAYING) {
            if (v.status == SESSION_ERROR)
                fail_msg("%s: %s", w->c->file, v.error);
            w->paths++;
            session_close(s);
            return;
        }
        session_action a = {.kind = ACT_CONTINUE};
        t += 1000;
        if (v.step == STEP_CHOOSE_INITIAL || v.step == STEP_CHOOSE_FINAL) {
            if (i == w->n) { /* a new decision: each branch from here */
                const case_decision *d = &v.node->decision;
                size_t n_options = d->n_options;
                bool timed = d->time_limit > 0;
                char **ids = calloc(n_options, sizeof *ids);
                for (size_t k = 0; k < n_options; k++)
                    ids[k] = strdup(d->options[k].id);
                session_close(s);
                assert_true(w->n < PATH_MAX_STEPS);
                for (size_t k = 0; k <= n_options; k++) {
                    if (k == n_options && !timed)
                        break;
                    w->steps[w->n++] = k < n_options ? ids[k] : TIMEOUT_STEP;
                    explore(w);
                    w->n--;
                }
                for (size_t k = 0; k < n_options; k++)
                    free(ids[k]);
                free(ids);
                return;
            }
            if (!strcmp(w->steps[i], TIMEOUT_STEP)) {
                t = v.deadline_ms;
                assert_int_equal(session_tick(s, t, &e), SESSION_OK);
                i++;
                continue;
            }
            a.kind = ACT_CHOOSE;
            a.text = w->steps[i];
            if (v.step == STEP_CHOOSE_FINAL)
                i++;
        } else if (v.step == STEP_CONFIDENCE_INITIAL || v.step == STEP_CONFIDENCE_FINAL) {
            a.kind = ACT_CONFIDENCE;
            a.value = 4;
        } else if (v.step == STEP_TRUST) {
            a.kind = ACT_TRUST;
            a.value = 4;
        } else if (v.step == STEP_RATIONALE) {
            a.kind = ACT_RATIONALE;
            a.text = "because";
        }
        if (session_act(s, &a, t, &e) != SESSION_OK)
            fail_msg("%s: %s", w->c->file, e.msg);
    }
    fail_msg("%s: a path did not end", w->c->file);
}

static size_t check_folder(const char *dir, size_t *checked)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t cases = 0;
    for (struct dirent *de; (de = readdir(d));) {
        size_t len = strlen(de->d_name);
        if (len < 5 || strcmp(de->d_name + len - 4, ".lua"))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        case_def *c = NULL;
        apperr e;
        case_load_opts lo = {.seed = 1};
        if (case_load(&c, path, &lo, &e))
            fail_msg("%s", e.msg);
        size_t n_variants = c->variants.n ? c->variants.n : 1;
        for (size_t k = 0; k < n_variants; k++) {
            walk w = {.c = c, .variant = c->variants.n ? c->variants.items[k] : NULL};
            explore(&w);
            assert_true(w.paths > 0);
            *checked += w.checked;
        }
        case_free(c);
        cases++;
    }
    closedir(d);
    return cases;
}

static void test_library_titles_name_the_time_the_header_shows(void **state)
{
    (void)state;
    size_t checked = 0;
    assert_true(check_folder(SCENARIOS_DIR, &checked) >= 21);
    assert_true(check_folder(SCENARIOS_DIR "/examples", &checked) >= 7);
    assert_true(checked > 50); /* the walk reached the timed titles */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_library_titles_name_the_time_the_header_shows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
