-- The AI is wrong at both advised decisions: a trainee learns only to
-- ignore it.
return case {
  id = "check-teach-ai-always-wrong", version = "1", title = "Always wrong", start = "one",
  nodes = {
    one = {
      text = "One.",
      decision = {
        options = {
          { id = "yes", label = "Yes", next = "two" },
          { id = "no", label = "No", next = "late" },
        },
        best = { "yes" },
        advice = { recommend = "no" },
        feedback = "Yes was right.",
      },
      debrief = "The advice was wrong.",
    },
    two = {
      text = "Two.",
      decision = {
        options = {
          { id = "yes", label = "Yes", next = "done" },
          { id = "no", label = "No", next = "late" },
        },
        best = { "yes" },
        advice = { recommend = "no" },
        feedback = "Yes was right.",
      },
      debrief = "The advice was wrong again.",
    },
    done = { text = "", ending = { outcome = "good" } },
    late = { text = "", ending = { outcome = "neutral" } },
  },
}
