/* debrief --html: not built yet (owned by the report's author). */
#include "debrief_report.h"

int debrief_write_html(const char *path, const debrief_report_in *in, apperr *e)
{
    (void)in;
    apperr_set(e, APPERR_USAGE, NULL, 0,
               "--html is not available yet in this build (%s not written)", path);
    return -1;
}
