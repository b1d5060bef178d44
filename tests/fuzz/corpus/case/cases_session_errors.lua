-- Fixture for test_session: case functions that fail in play.
return case {
  id = "session-errors",
  version = "1.0",
  title = "Errors in play",
  start = "pick",
  nodes = {
    pick = {
      text = "Pick.",
      decision = {
        options = {
          { id = "enter", label = "A node whose on_enter fails", next = "boom" },
          { id = "next", label = "A next function that fails" },
        },
        next = function(s, choice)
          error("next failed for " .. choice)
        end,
        best = { "enter" },
      },
    },
    boom = {
      text = "Boom.",
      on_enter = function(s)
        error("on_enter failed")
      end,
      ending = { outcome = "neutral", summary = "Never." },
    },
  },
}
