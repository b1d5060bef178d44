/* c_case: a case written in C for the tools' tests (c_case.h). */
#include "c_case.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "case_driver.h"
#include "mem.h"

struct case_run {
    const case_def *c;
    int decisions; /* made so far: the whole state */
};

static int mem_begin(const case_def *c, unsigned long long seed, const char *variant,
                     case_run **out, apperr *e)
{
    (void)seed, (void)variant;
    if (!(*out = mem_calloc(1, sizeof **out))) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    (*out)->c = c;
    return 0;
}

static int mem_enter(case_run *r, const char *node_id, case_node *node, case_live *live, apperr *e)
{
    memset(live, 0, sizeof *live);
    vitals_init(&live->vitals);
    if (case_node_copy(node, case_find_node(r->c, node_id)) != 0) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    return 0;
}

static int mem_give(char **next_id, const char *id, apperr *e)
{
    if (!(*next_id = mem_strdup(id))) {
        apperr_set(e, APPERR_ENV, NULL, 0, "out of memory");
        return -1;
    }
    return 0;
}

static int mem_next(case_run *r, const case_node *node, const char *choice, char **next_id,
                    apperr *e)
{
    if (node->kind == NODE_NARRATIVE)
        return mem_give(next_id, node->next, e);
    r->decisions++;
    const case_option *o = case_find_option(&node->decision, choice);
    return mem_give(next_id, o && o->next ? o->next : node->decision.next, e);
}

static int mem_timeout(case_run *r, const case_node *node, char **next_id, apperr *e)
{
    (void)r;
    return mem_give(next_id, node->decision.on_timeout, e);
}

static int mem_state_key(case_run *r, unsigned char key[CASE_STATE_KEY_SIZE], apperr *e)
{
    (void)e;
    memset(key, 0, CASE_STATE_KEY_SIZE);
    memcpy(key, &r->decisions, sizeof r->decisions);
    return 0;
}

static int mem_node_plain(const case_def *c, const char *node_id, bool *plain, apperr *e)
{
    (void)c, (void)e;
    *plain = strcmp(node_id, "a_start") != 0 && strcmp(node_id, "b_mid") != 0;
    return 0;
}

static void mem_end(case_run *r)
{
    mem_free(r);
}

static const case_driver mem_driver = {
    .name = "c",
    .begin = mem_begin,
    .enter = mem_enter,
    .next = mem_next,
    .timeout_target = mem_timeout,
    .state_key = mem_state_key,
    .node_plain = mem_node_plain,
    .end = mem_end,
};

static void c_decision(case_node *n, const char *id, case_option *o, size_t n_options, char **best)
{
    *n = (case_node){.id = (char *)id, .text = "T", .kind = NODE_DECISION, .line = 1};
    n->decision.options = o;
    n->decision.n_options = n_options;
    n->decision.best = (strlist){best, 1};
}

static void c_advice(case_decision *d, const char *recommend, advice_timing timing)
{
    d->advice = (case_advice){.present = true,
                              .tool = "T",
                              .recommend = (char *)recommend,
                              .message = "M",
                              .timing = timing};
    d->feedback = "F"; /* for every option: advice without it is a warning of its own */
}

void c_case_init(c_case *f)
{
    memset(f, 0, sizeof *f);
    case_def *c = &f->c;
    *c = (case_def){.file = "c.c", .id = "c", .version = "1", .title = "C", .start = "a_start"};
    c->driver = &mem_driver;
    vitals_init(&c->vitals);
    f->variants[0] = "v1", f->variants[1] = "v2";
    c->variants = (strlist){f->variants, 2};
    f->tool.name = "T";
    c->tools = &f->tool, c->n_tools = 1;
    f->best[0] = "x";
    f->start_opts[0] = (case_option){.id = "go", .label = "Go", .next = "b_mid"};
    f->start_opts[1] = (case_option){.id = "wait", .label = "Wait", .next = "c_slow"};
    f->pick_opts[0] = (case_option){.id = "x", .label = "X", .next = "e_good"};
    f->pick_opts[1] = (case_option){.id = "y", .label = "Y", .next = "f_harm"};
    f->pick_opts[2] = (case_option){.id = "z", .label = "Z", .next = "h_loop"};
    f->loop_opts[0] = (case_option){.id = "again", .label = "Again", .next = "h_loop"};
    case_node *n = f->nodes; /* sorted by id */
    c_decision(&n[0], "a_start", f->start_opts, 2, f->best);
    n[0].decision.time_limit = 30;
    n[0].decision.on_timeout = "c_slow";
    n[0].debrief = "D";
    c_advice(&n[0].decision, "go", TIMING_ON_REQUEST);
    n[1] = (case_node){.id = "b_mid", .text = "T", .kind = NODE_NARRATIVE, .next = "d_pick"};
    c_decision(&n[2], "c_slow", f->pick_opts, 2, f->best);
    c_advice(&n[2].decision, "y", TIMING_WITH_CASE);
    c_decision(&n[3], "d_pick", f->pick_opts, 3, f->best);
    /* Its outcome "decided in play": the map enters it to resolve it. */
    n[4] = (case_node){.id = "e_good", .text = "T", .kind = NODE_ENDING, .dynamic = true};
    n[5] = (case_node){.id = "f_harm", .text = "T", .kind = NODE_ENDING};
    n[5].ending.outcome = OUTCOME_HARM;
    n[6] = (case_node){.id = "g_orphan", .text = "T", .kind = NODE_NARRATIVE, .next = "e_good"};
    c_decision(&n[7], "h_loop", f->loop_opts, 1, f->best);
    c->nodes = n, c->n_nodes = 8;
}
