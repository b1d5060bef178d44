/* case_set: --set for case files, the driver's `set` (case_driver.h,
 * lua_driver.c): a value put into a fresh run's s.vars or s.vitals before
 * the first node is entered, as if the case had set it there. */
#ifndef CASE_SET_H
#define CASE_SET_H

#include "apperr.h"
#include "case_driver.h"

int case_set(case_run *r, const case_setting *v, apperr *e);

#endif
