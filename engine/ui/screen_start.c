/* screen_start: the case start: the patient, the setting, what the case is
 * about. */
#include <stdio.h>

#include "format.h"
#include "screen_parts.h"
#include "strbuf.h"

static int list_line(ui_ctx *c, int x, int y, int w, const char *head, const strlist *l)
{
    if (!l->n)
        return y;
    strbuf b = STRBUF_INIT;
    strbuf_addf(&b, "**%s:** ", head);
    for (size_t i = 0; i < l->n; i++)
        strbuf_addf(&b, "%s%s", i ? "; " : "", l->items[i]);
    y += ui_text(c, x, y, w, c->px, c->th->text, strbuf_str(&b)) + c->gap / 2;
    strbuf_free(&b);
    return y;
}

int screen_start(ui_ctx *c, app *a, int x, int y, int w)
{
    const case_def *cd = a->c;
    const case_patient *p = &cd->patient;
    char buf[1024];
    y += screen_bold(c, x, y, w, c->px_h1, c->th->text, cd->title) + c->gap;
    if (cd->summary)
        y += ui_text(c, x, y, w, c->px, c->th->text, cd->summary) + c->pad;
    int pi = ui_panel_begin(c, x, y, w, c->th->panel, c->th->panel_border);
    int ix = x + c->pad, iw = w - 2 * c->pad, cy = y + c->pad;
    cy += screen_bold(c, ix, cy, iw, c->px_h2, c->th->text, "The patient") + c->gap;
    if (p->name) {
        snprintf(buf, sizeof buf, "**%s**%s%.0f%s%s", p->name, p->has_age ? ", " : "",
                 p->has_age ? p->age : 0.0, p->sex ? " " : "", p->sex ? p->sex : "");
        if (!p->has_age)
            snprintf(buf, sizeof buf, "**%s**%s%s", p->name, p->sex ? ", " : "",
                     p->sex ? p->sex : "");
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap / 2;
    }
    if (p->setting) {
        snprintf(buf, sizeof buf, "**Setting:** %s", p->setting);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap / 2;
    }
    if (p->complaint) {
        snprintf(buf, sizeof buf, "**Presenting complaint:** %s", p->complaint);
        cy += ui_text(c, ix, cy, iw, c->px, c->th->text, buf) + c->gap / 2;
    }
    cy = list_line(c, ix, cy, iw, "History", &p->history);
    cy = list_line(c, ix, cy, iw, "Medications", &p->medications);
    cy = list_line(c, ix, cy, iw, "Allergies", &p->allergies);
    cy += c->pad;
    ui_panel_end(c, pi, y, cy);
    y = cy + c->pad;
    /* The learning objectives come after the case (the debrief): shown
     * before it, they tell the trainee what to look for. */
    if (cd->minutes > 0) {
        char m[32];
        snprintf(buf, sizeof buf, "About %s.", ui_format_minutes(cd->minutes, m, sizeof m));
        y += c->gap + ui_text(c, x, y + c->gap, w, c->px, c->th->muted, buf);
    }
    y += c->pad;
    ui_button_spec b[2] = {{"Start the case (Enter)", {CMD_COMMIT, 0}, BUTTON_PRIMARY},
                           {"Back (Esc)", {CMD_ESCAPE, 0}, BUTTON_NORMAL}};
    return y + ui_buttons(c, a, x, y, w, b, a->o.library_dir ? 2 : 1);
}
