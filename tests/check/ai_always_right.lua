-- The AI recommends a best option at every advised decision.
return case {
  id = "check-ai-always-right", version = "1", title = "AI always right", start = "one",
  nodes = {
    one = {
      text = "One.",
      decision = {
        options = {
          { id = "yes", label = "Yes", next = "two" },
          { id = "no", label = "No", next = "late" },
        },
        best = { "yes" },
        advice = { recommend = "yes", timing = "with_case" },
        feedback = { default = "Yes was best.", no = "No missed it." },
      },
      debrief = "Right.",
    },
    two = {
      text = "Two.",
      decision = {
        options = {
          { id = "yes", label = "Yes", next = "done" },
          { id = "no", label = "No", next = "done" },
        },
        best = { "yes", "no" },
        advice = { recommend = "no" },
        feedback = "Either will do.",
      },
      debrief = "Either.",
    },
    done = { text = "", ending = { outcome = "good" } },
    late = { text = "", ending = { outcome = "neutral" } },
  },
}
