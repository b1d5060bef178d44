/* walk_image: the case's images, read and decoded once a walk, each file
 * once, as the window would show them (walk_internal.h). */
#include <string.h>

#include "walk_internal.h"

void walk_images_case(walker *w,
                      int (*check)(const char *case_file, const case_image *im, apperr *e))
{
    const case_def *c = w->c;
    for (size_t i = 0; check && i < c->n_images; i++) {
        const case_image *im = &c->images[i];
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(c->images[k].file, im->file) == 0;
        apperr e;
        apperr_clear(&e);
        if (seen || check(c->file, im, &e) == 0)
            continue;
        if (e.kind == APPERR_ENV) {
            w->fatal = true;
            w->fatal_e = e;
            return;
        }
        walk_report(w, WALK_IMAGE, true, c->file, e.line, -1, NONE, e.msg);
    }
}
