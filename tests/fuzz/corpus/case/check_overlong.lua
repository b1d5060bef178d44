-- A loop that changes s every time round: no state repeats, so no path
-- has to end; the walk stops it at the bound on decisions.
return case {
  id = "check-overlong", version = "1", title = "Overlong", start = "count",
  nodes = {
    count = {
      text = "Count again?",
      decision = {
        options = {
          { id = "again", label = "Again", next = function(s, choice)
              s.vars.n = (s.vars.n or 0) + 1
              return "count"
            end },
          { id = "stop", label = "Stop", next = "done" },
        },
      },
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
