/* view: questions about the session's view shared by the screens and the
 * spoken words (view.h). */
#include "view.h"

#include <string.h>

const case_decision *screen_decision(const session_view *v)
{
    return v->node && v->node->kind == NODE_DECISION ? &v->node->decision : NULL;
}

const case_advice *screen_advice(const session_view *v)
{
    const case_decision *d = screen_decision(v);
    return d && d->advice.present ? &d->advice : NULL;
}

bool screen_by_person(const case_advice *adv)
{
    return adv && adv->source && strcmp(adv->source, "AI") != 0;
}

const char *screen_option_label(const case_decision *d, const char *id)
{
    const case_option *o = d && id ? case_find_option(d, id) : NULL;
    return o && o->label ? o->label : id ? id : "";
}
