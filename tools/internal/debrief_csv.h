/* debrief_csv: one CSV row per decision record, for R, pandas and
 * spreadsheets (RFC 4180: comma-separated, CRLF row ends, fields quoted
 * with "" doubling when they hold a comma, quote, CR or LF; UTF-8 as
 * logged, no byte order mark).
 *
 * Columns: session, trainee, case, case_version, variant, status (the
 * session's: complete, quit, error, incomplete), seq, t, at, then every
 * field of the decision record in the order log_schema.h declares (node …
 * time_limit_ms), then time_limits and counted, then the trainee-facing
 * texts: initial_label, final_label, ai_label (the logged labels of those
 * choices), node_title and teaching (from the decision's node record, when
 * the read kept node records: debrief_csv_keep). Each is empty where an
 * older log has none. A JSON null is an empty field; an empty string is "" (quoted), so
 * the two stay apart. Booleans are true / false. Lists (options, best,
 * viewed) are their items joined with ';' (ids never hold one). Numbers are
 * the shortest text that reads back exactly. Rationales are kept byte for byte, new lines,
 * commas and quotes included, with one exception: a text field that starts
 * with = + - @, a tab or a CR, which a spreadsheet would run as a formula,
 * is written quoted with a single quote in front ("'=1+1"), as OWASP's
 * advice on CSV injection has it. Numbers, negative ones too, are never
 * changed. Text is UTF-8 (the log reader repairs bytes that are not). */
#ifndef DEBRIEF_CSV_H
#define DEBRIEF_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "log_reader.h"

/* The record types the read must keep for node_title and teaching (bits
 * for log_read_opts.keep). */
unsigned debrief_csv_keep(void);

/* The logged label of option in decision d (labels are parallel to
 * options); NULL when the log has none (an older log) or option is NULL. */
const char *debrief_csv_label(const log_decision *d, const char *option);

/* The node record of decision d of session s: the last record of its node
 * before it, among the kept records (none unless the read kept node
 * records); NULL when there is none. *from, 0 for a session's first
 * decision, is where the search for the next one starts (records and
 * decisions are both in log order). */
const log_node *debrief_csv_node(const log_session *s, const log_decision *d, size_t *from);

/* The header row. -1 when the write fails. */
int debrief_csv_header(FILE *f);

/* One row per decision of s, in log order. -1 when a write fails. */
int debrief_csv_session(FILE *f, const log_session *s);
/* The same with the last column, counted, "false" on every row of a session
 * the figures leave out (a practice run without --include-runs). */
int debrief_csv_session_counted(FILE *f, const log_session *s, bool counted);

#endif
