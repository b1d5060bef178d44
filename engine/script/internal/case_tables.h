/* case_tables: reads the Lua tables of a case into the C model, checking
 * every key, type, range and cross-reference of scenario-format.md. Shared by
 * the loader (whole case, function values allowed and left for later) and
 * the runtime (one node as resolved on entry, no function values left but
 * next and on_timeout). */
#ifndef CASE_TABLES_H
#define CASE_TABLES_H

#include "tables.h"

/* Reads the case table at stack index t into c (nodes included); checks
 * cross-references of every static value. */
int tables_read_case(tables_ctx *x, int t, case_def *c);

/* Reads the node table at stack index t (id given) into n. With
 * x->resolved, checks also that its node ids and option ids exist. */
int tables_read_node(tables_ctx *x, int t, const char *id, case_node *n);

/* Checks cross-references of one node (targets, recommend, best). */
int tables_check_node_refs(tables_ctx *x, const case_node *n);

/* Reads t[key], a list of results, into *out (*n of them); a function where
 * dynamic allows one sets *dynamic. 0, or -1 with an error. */
int tables_read_results(tables_ctx *x, int t, const char *key, case_result **out, size_t *n,
                        bool *dynamic);

/* Reads one result table at t ({ name, value, unit, flag }). */
int tables_read_result(tables_ctx *x, int t, case_result *r);

/* Reads t.image ({ file = "…", alt = "…" }) into im (file NULL when there
 * is none); a function where dynamic allows one sets *dynamic. Checks the
 * name and the alt text, not the file (case_image.c). */
int tables_read_image(tables_ctx *x, int t, case_image *im, bool *dynamic);

/* Reads a vitals table at t into v (merging over what v has). */
int tables_read_vitals(tables_ctx *x, int t, vitals *v);

/* Reads a decision's feedback, t["feedback"], into d (case_feedback.c): a
 * text into d->feedback; a table's default there and its per-option texts
 * into d's options (read before), an id that is not one of them an error;
 * a function where dynamic allows one sets *dynamic. 0, or -1. */
int tables_read_feedback(tables_ctx *x, int t, case_decision *d, bool *dynamic);

#endif
