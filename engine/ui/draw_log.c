/* draw_log: the texts of each frame that changed, appended to a file. */
#include "draw_log.h"

#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "strbuf.h"

struct draw_log {
    FILE *f;
    strbuf frame; /* this frame's texts, a line each */
    strbuf last;  /* the texts of the frame last written */
    long frames;  /* frames ended */
};

draw_log *draw_log_open(const char *path)
{
    draw_log *l = mem_malloc(sizeof *l);
    if (!l)
        return NULL;
    memset(l, 0, sizeof *l);
    l->frame = (strbuf)STRBUF_INIT;
    l->last = (strbuf)STRBUF_INIT;
    l->f = fopen(path, "a");
    if (!l->f) {
        mem_free(l);
        return NULL;
    }
    return l;
}

void draw_log_text(draw_log *l, const char *text)
{
    if (!l || !text)
        return;
    for (const char *p = text; *p; p++)
        strbuf_addc(&l->frame, *p == '\n' || *p == '\r' ? ' ' : *p);
    strbuf_addc(&l->frame, '\n');
}

void draw_log_frame_end(draw_log *l)
{
    if (!l)
        return;
    l->frames++;
    const char *now = strbuf_str(&l->frame), *before = strbuf_str(&l->last);
    if (!strbuf_oom(&l->frame) && strcmp(now, before) != 0) {
        fprintf(l->f, "--- frame %ld\n%s", l->frames, now);
        fflush(l->f);
        strbuf tmp = l->last;
        l->last = l->frame;
        l->frame = tmp;
    }
    strbuf_reset(&l->frame);
}

void draw_log_close(draw_log *l)
{
    if (!l)
        return;
    fclose(l->f);
    strbuf_free(&l->frame);
    strbuf_free(&l->last);
    mem_free(l);
}
