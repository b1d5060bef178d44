/* view: small questions about the session's view that the window's screens
 * and its spoken words (announce.h) both ask, in one place and with no SDL:
 * which decision and advice are shown, whose advice it is, and an option's
 * label. */
#ifndef VIEW_H
#define VIEW_H

#include <stdbool.h>

#include "case_model.h"
#include "session.h"

/* The decision of the node shown, or NULL. */
const case_decision *screen_decision(const session_view *v);
/* Its advice, or NULL. */
const case_advice *screen_advice(const session_view *v);
/* Advice labelled with a `source` other than "AI" is a person's (a
 * colleague's): the window then speaks of "the advice", shows the reasons as
 * words without weights, and offers no model card. */
bool screen_by_person(const case_advice *adv);
/* The label of option id of d (the id when it has none; "" for NULL). */
const char *screen_option_label(const case_decision *d, const char *id);

#endif
