-- Trainee-facing text that gives the game away: a title that names the
-- outcome, and a node whose text (written by a function, as played) names
-- the variant the trainee is in.
return case {
  id = "check-trainee-text", version = "1", title = "The alert that was missed", start = "look",
  variants = { "ai_right", "ai_wrong" },
  nodes = {
    look = {
      text = function(s) return "In the " .. s.variant .. " version the score is low." end,
      next = "done",
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
