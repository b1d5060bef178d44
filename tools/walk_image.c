/* walk_image: the case's images, each file read and decoded once a walk, as
 * the window would show them (walk_internal.h). */
#include <string.h>

#include "walk_internal.h"

/* Reads im once a walk; reports a failure once, at line of node ni (-1:
 * none) on edge x (NONE: without a path). */
static void check_one(walker *w, const case_image *im, int line, int ni, uint32_t x)
{
    result_impl *r = w->r;
    if (!r->images && !(r->images = strmap_new())) {
        walk_set_oom(w);
        return;
    }
    bool added;
    if (!strmap_put(r->images, im->file, strlen(im->file), &added)) {
        walk_set_oom(w);
        return;
    }
    if (!added)
        return; /* read already; a failure is reported once */
    apperr e;
    apperr_clear(&e);
    if (r->image_check(w->c->file, im, &e) == 0)
        return;
    if (e.kind == APPERR_ENV) {
        walk_set_oom(w);
        return;
    }
    walk_report(w, WALK_IMAGE, true, w->c->file, line, ni, x, e.msg);
}

void walk_images_case(walker *w)
{
    const case_def *c = w->c;
    for (size_t i = 0; w->r->image_check && i < c->n_images && !w->fatal; i++)
        check_one(w, &c->images[i], c->images[i].line, -1, NONE);
}

void walk_images_seen(walker *w, uint32_t x, int ni, const session_view *v)
{
    if (!w->r->image_check)
        return;
    int line = w->c->nodes[ni].line;
    if (v->node && v->node->image.file)
        check_one(w, &v->node->image, line, ni, x);
    for (size_t i = 0; v->live && i < v->live->n_results && !w->fatal; i++)
        if (v->live->results[i].image.file)
            check_one(w, &v->live->results[i].image, line, ni, x);
}
