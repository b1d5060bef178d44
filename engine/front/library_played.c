/* library_played: the trainee's last session of each case, from the logs. */
#include "library_played.h"

#include <string.h>

#include "log_reader.h"
#include "mem.h"

typedef struct last_played {
    library *lib;
    const char *trainee;
    char **when; /* per entry: started_at of the session marked (a copy), or NULL */
} last_played;

static library_played how_it_went(const log_session *s)
{
    if (!s->ending || (s->status != LOG_COMPLETE && s->status != LOG_INCOMPLETE))
        return PLAYED_LEFT;
    if (s->outcomes[LOG_OUTCOME_HARM])
        return PLAYED_HARM;
    if (s->outcomes[LOG_OUTCOME_NEUTRAL])
        return PLAYED_NEUTRAL;
    return s->outcomes[LOG_OUTCOME_GOOD] ? PLAYED_GOOD : PLAYED_LEFT;
}

/* Marks the entry of the session's case when it is the trainee's and
 * started no earlier than the one marked before (ISO 8601 times compare as
 * text). The session is gone after the callback: its time is copied. */
static int on_session(void *ctx, const log_session *s, apperr *e)
{
    (void)e;
    last_played *lp = ctx;
    if (!s->trainee || !s->case_id || strcmp(s->trainee, lp->trainee) != 0 ||
        log_session_is_practice(s))
        return 0; /* another trainee's, or an author's practice (play --from, --watch) */
    for (size_t i = 0; i < lp->lib->n; i++) {
        library_entry *en = &lp->lib->items[i];
        if (!en->id || strcmp(en->id, s->case_id) != 0)
            continue;
        const char *at = s->started_at ? s->started_at : "";
        if (lp->when[i] && strcmp(at, lp->when[i]) < 0)
            continue;
        mem_free(lp->when[i]);
        lp->when[i] = mem_strdup(at);
        en->played = how_it_went(s);
    }
    return 0;
}

void library_mark_played(library *lib, const char *log_dir, const char *trainee)
{
    for (size_t i = 0; i < lib->n; i++)
        lib->items[i].played = PLAYED_NOT;
    if (log_dir && log_dir[0] && trainee && trainee[0] && lib->n) {
        last_played lp = {lib, trainee, mem_calloc(lib->n, sizeof *lp.when)};
        if (lp.when) {
            log_read_opts o = {.on_session = on_session, .ctx = &lp, .threads = 1};
            apperr e;
            apperr_clear(&e);
            (void)log_read_paths(&log_dir, 1, &o, NULL, &e);
            for (size_t i = 0; i < lib->n; i++)
                mem_free(lp.when[i]);
            mem_free(lp.when);
        }
    }
    library_find_next(lib);
}

void library_find_next(library *lib)
{
    lib->next = -1;
    for (size_t i = 0; i < lib->n; i++) {
        const library_entry *en = &lib->items[i];
        if (en->path_step > 0 && !en->error &&
            (en->played == PLAYED_NOT || en->played == PLAYED_LEFT)) {
            lib->next = (int)i;
            return;
        }
    }
}

const char *library_played_name(library_played p)
{
    switch (p) {
    case PLAYED_GOOD:
        return "good outcome";
    case PLAYED_NEUTRAL:
        return "neutral outcome";
    case PLAYED_HARM:
        return "harm";
    case PLAYED_LEFT:
        return "left before the end";
    default:
        return NULL;
    }
}
