-- An advised decision without debrief text (the AI is wrong, and the case
-- has its feedback text, so only the debrief is missing).
return case {
  id = "check-no-debrief", version = "1", title = "No debrief", start = "intro",
  nodes = {
    intro = { text = "Intro.", next = "one" },
    one = {
      text = "One.",
      decision = {
        options = {
          { id = "yes", label = "Yes", next = "done" },
          { id = "no", label = "No", next = "late" },
        },
        best = { "yes" },
        advice = { recommend = "no" },
        feedback = "Yes was right: the advice was wrong.",
      },
    },
    done = { text = "", ending = { outcome = "good" } },
    late = { text = "", ending = { outcome = "neutral" } },
  },
}
