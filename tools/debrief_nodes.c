/* debrief_nodes: the per-decision view (debrief_nodes.h). FOUNDATION STUB:
 * the aggregation and the HTML blocks are being written; this keeps the
 * interface building. */
#include "debrief_nodes.h"

#include <stdlib.h>

struct debrief_nodes {
    bool keep_texts;
};

debrief_nodes *debrief_nodes_new(bool keep_texts)
{
    debrief_nodes *n = calloc(1, sizeof *n);
    if (n)
        n->keep_texts = keep_texts;
    return n;
}

void debrief_nodes_free(debrief_nodes *n)
{
    free(n);
}

int debrief_nodes_add(debrief_nodes *n, const log_session *s)
{
    (void)n;
    (void)s;
    return 0;
}

void debrief_nodes_finish(debrief_nodes *n)
{
    (void)n;
}

size_t debrief_nodes_count(const debrief_nodes *n)
{
    (void)n;
    return 0;
}

const debrief_node *debrief_nodes_at(const debrief_nodes *n, size_t i)
{
    (void)n;
    (void)i;
    return NULL;
}

const debrief_node *debrief_nodes_caught_out(const debrief_nodes *n)
{
    (void)n;
    return NULL;
}

unsigned debrief_nodes_keep(void)
{
    return 1u << LOG_REC_NODE;
}

int debrief_html_nodes(FILE *f, const debrief_nodes *n)
{
    (void)f;
    (void)n;
    return 0;
}

int debrief_html_caught_out(FILE *f, const debrief_nodes *n)
{
    (void)f;
    (void)n;
    return 0;
}
