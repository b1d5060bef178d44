-- A next function and an on_timeout function that return no node.
return case {
  id = "check-next-nil", version = "1", title = "Next nil", start = "pick",
  nodes = {
    pick = {
      text = "Pick one.",
      decision = {
        options = {
          { id = "fine", label = "Fine", next = "done" },
          { id = "lost", label = "Lost", next = function(s, choice)
              if s.vars.never then return "done" end
            end },
        },
        time_limit = 30,
        on_timeout = function(s)
          return s.vars.nowhere
        end,
      },
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
