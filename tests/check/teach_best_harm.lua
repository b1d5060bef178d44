-- A best option after which every path ends in harm: 'give' at 'treat'.
-- At 'late', reached only after the poor choice 'routine', 'give' also
-- ends in harm, but that harm is the earlier choice's: not said.
return case {
  id = "check-teach-best-harm", version = "1", title = "Best then harm", start = "triage",
  nodes = {
    triage = {
      text = "Triage.",
      decision = {
        options = {
          { id = "urgent", label = "Urgent", next = "treat" },
          { id = "routine", label = "Routine", next = "late" },
        },
        best = { "urgent" },
        advice = { recommend = "routine" },
        feedback = "Urgent was right.",
      },
      debrief = "The advice was wrong.",
    },
    treat = {
      text = "Treat.",
      decision = {
        options = {
          { id = "give", label = "Give", next = "arrest" },
          { id = "hold", label = "Hold", next = "stable" },
        },
        best = { "give" },
        advice = { recommend = "give" },
        feedback = "Giving was right.",
      },
      debrief = "The advice was right.",
    },
    late = {
      text = "Late.",
      decision = {
        options = {
          { id = "give", label = "Give", next = "arrest" },
          { id = "hold", label = "Hold", next = "arrest" },
        },
        best = { "give" },
      },
    },
    arrest = { text = "", ending = { outcome = "harm" } },
    stable = { text = "", ending = { outcome = "neutral" } },
  },
}
