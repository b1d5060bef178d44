-- An option outside best after which every path ends in a good ending:
-- 'later' at 'plan', through 'review', where both options end well.
return case {
  id = "check-teach-other-good", version = "1", title = "Other then good", start = "plan",
  nodes = {
    plan = {
      text = "Plan.",
      decision = {
        options = {
          { id = "now", label = "Now", next = "well" },
          { id = "later", label = "Later", next = "review" },
          { id = "never", label = "Never", next = "worse" },
        },
        best = { "now" },
      },
    },
    review = {
      text = "Review.",
      decision = {
        options = {
          { id = "treat", label = "Treat", next = "well" },
          { id = "watch", label = "Watch", next = "well" },
        },
      },
    },
    well = { text = "", ending = { outcome = "good" } },
    worse = { text = "", ending = { outcome = "harm" } },
  },
}
