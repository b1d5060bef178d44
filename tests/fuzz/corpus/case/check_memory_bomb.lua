-- A case function that grows a table without end, reached on one path only:
-- after the time limit runs out at the second decision.
return case {
  id = "check-memory-bomb", version = "1", title = "Memory bomb", start = "first",
  nodes = {
    first = {
      text = "First.",
      decision = {
        options = {
          { id = "safe", label = "Safe", next = "done" },
          { id = "on", label = "On", next = "second" },
        },
      },
    },
    second = {
      text = "Second.",
      decision = {
        options = { { id = "safe", label = "Safe", next = "done" } },
        time_limit = 20,
        on_timeout = "bomb",
      },
    },
    bomb = {
      text = "",
      on_enter = function(s)
        local t = {}
        for i = 1, 1e9 do t[i] = string.rep("x", 64) .. i end
      end,
      next = "done",
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
