-- A case function that fails: on_enter indexes nil on one path.
return case {
  id = "check-erroring", version = "1", title = "Erroring", start = "pick",
  nodes = {
    pick = {
      text = "Pick one.",
      decision = {
        options = {
          { id = "fine", label = "Fine", next = "done" },
          { id = "bad", label = "Bad", next = "broken" },
        },
      },
    },
    broken = {
      text = "Broken.",
      on_enter = function(s)
        s.vars.count = s.vars.missing.count + 1
      end,
      next = "done",
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
