/* app_image: the case screen's images and their full-size view (app_image.h). */
#include "app_image.h"

size_t app_images(const app *a, const case_image **out, size_t max)
{
    if (a->screen != SCR_CASE || !a->s)
        return 0;
    session_view v = session_view_now(a->s);
    size_t n = 0;
    if (v.node && v.node->image.file && n < max)
        out[n++] = &v.node->image;
    bool results = a->results || v.status != SESSION_PLAYING;
    for (size_t i = 0; results && v.live && i < v.live->n_results && n < max; i++)
        if (v.live->results[i].image.file)
            out[n++] = &v.live->results[i].image;
    return n;
}

const case_image *app_image_open(const app *a)
{
    const case_image *list[APP_IMAGES_MAX];
    size_t n = app_images(a, list, APP_IMAGES_MAX);
    return a->image_view > 0 && (size_t)a->image_view <= n ? list[a->image_view - 1] : NULL;
}

static bool open_at(app *a, int arg)
{
    const case_image *list[APP_IMAGES_MAX];
    int n = (int)app_images(a, list, APP_IMAGES_MAX);
    if (n == 0)
        return false;
    int cur = a->image_view - 1, next;
    if (arg == APP_IMAGE_NEXT)
        next = cur < 0 ? 0 : (cur + 1) % n;
    else if (arg == APP_IMAGE_PREV)
        next = cur < 0 ? n - 1 : (cur + n - 1) % n;
    else
        next = arg;
    if (next < 0 || next >= n)
        return false;
    a->image_view = next + 1;
    return true;
}

bool app_image_command(app *a, ui_cmd cmd, bool *changed)
{
    *changed = false;
    if (a->confirm_leave)
        return false;
    if (cmd.kind == CMD_IMAGE) {
        *changed = open_at(a, cmd.arg);
        return true;
    }
    if (!app_image_open(a)) {
        a->image_view = 0;
        return false;
    }
    if (cmd.kind == CMD_ESCAPE || cmd.kind == CMD_COMMIT) {
        a->image_view = 0;
        *changed = true;
        return true;
    }
    return cmd.kind != CMD_CLOSE; /* the view is modal; closing the window still closes */
}
