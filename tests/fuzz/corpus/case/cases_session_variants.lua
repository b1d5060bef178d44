-- Fixture for test_session: two variants; the AI is right in one, wrong in the other.
return case {
  id = "session-variants",
  version = "1.0",
  title = "Variants",
  variants = { "ai_right", "ai_wrong" },
  ai = { name = "Tool", version = "1", kind = "risk score" },
  start = "q",
  nodes = {
    q = {
      text = function(s) return "Variant " .. s.variant end,
      decision = {
        options = { { id = "yes", label = "Yes" }, { id = "no", label = "No" } },
        next = "close",
        best = { "yes" },
        advice = {
          recommend = function(s) if s.variant == "ai_right" then return "yes" end return "no" end,
          message = "Advice.",
          timing = "with_case",
        },
      },
    },
    close = { text = "End.", ending = { outcome = "neutral", summary = "End." } },
  },
}
