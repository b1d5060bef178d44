#!/usr/bin/env bash
# appraise check on a chain of 100,000 narrative nodes (generated here),
# longer than the walk's bound of 1000 narrative steps in a row. It has no
# function and no loop, and `run` reaches its ending: the walk says where it
# stopped and that the nodes past it are not explored, as warnings, never
# as nodes "not reached by any path". Exit 0; 1 under --strict.
source "$(dirname "$0")/helpers.bash"
cd "$WORK"

awk 'BEGIN {
    n = 100000
    print "return case { id = \"chain\", version = \"1\", title = \"Chain\", start = \"n1\", nodes = {"
    for (i = 1; i <= n; i++)
        printf "  n%d = { text = \"T\", next = \"%s\" },\n", i, (i == n ? "done" : "n" (i + 1))
    print "  done = { text = \"\", ending = { outcome = \"good\" } },"
    print "} }"
}' >chain.lua

cat >want <<'EOF_WANT'
chain.lua:1002: warning: node 'n1001' and what follows are not explored (bound 1000 reached): the walk stops a path that goes on for more than 1000 narrative steps in a row without a decision or an ending
  path: (the start)
chain.lua:1003: warning: node 'n1002' is not explored (bound 1000 reached), nor are 98999 other nodes: no path within the walk's bounds reaches them, so whether one does is not known
chain.lua: warnings (0 errors, 2 warnings)
  all paths: 1 path explored, 1001 of 100001 nodes visited, 0 decision states
    endings reached: good 0, neutral 0, harm 0
    0 paths end in a failure, 0 loop back, 1 cut short by a bound
    no advised decision along the paths
EOF_WANT

run_app check chain.lua
expect_status 0 "check of a long chain: warnings only"
diff -u want "$WORK/out" >diff || fail "check chain.lua: output differs: $(cat diff)"
expect_not_in out "not reached by any path" "nodes past the bound are not called unreached"
[ -s "$WORK/err" ] && fail "check chain.lua: unexpected stderr: $(cat "$WORK/err")"

run_app check --strict chain.lua
expect_status 1 "check --strict of a long chain: the warnings fail it"
diff -u want "$WORK/out" >diff || fail "check --strict chain.lua: output differs: $(cat diff)"

run_app check --json chain.lua
expect_status 0 "check --json of a long chain"
expect_in out '"kind":	"bound"' "the cut is a bound finding"
expect_in out '"kind":	"unexplored"' "the nodes past it are unexplored"
expect_not_in out '"kind":	"unreachable"' "no unreachable finding"
expect_not_in out '"severity":	"error"' "no error"

finish
