/* lua_driver: the table by which the core plays a case file (case_driver.h),
 * filled once for Lua as TIC-80's tic_script_config is filled per language.
 * case_load sets it on every case it loads. Playing is case_runtime.c's; the
 * checker's state key and plain nodes are case_state.c's. */
#include "case_runtime.h"
#include "case_script.h"
#include "case_set.h"
#include "case_state.h"

const case_driver lua_driver = {
    .name = "lua",
    .begin = case_runtime_begin,
    .set = case_set,
    .enter = case_runtime_enter,
    .next = case_runtime_next,
    .timeout_target = case_runtime_timeout_target,
    .state_key = case_state_key,
    .node_plain = case_state_node_plain,
    .end = case_runtime_end,
};
