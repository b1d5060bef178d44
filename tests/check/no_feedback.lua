-- Advised decisions without the case's feedback text for some options: a
-- table that covers one option, and no feedback at all. The decision with
-- a default covers every option and is not reported.
return case {
  id = "check-no-feedback", version = "1", title = "No feedback", start = "one",
  nodes = {
    one = {
      text = "One.",
      decision = {
        options = {
          { id = "yes", label = "Yes", next = "two" },
          { id = "no", label = "No", next = "two" },
        },
        best = { "yes" },
        advice = { recommend = "no" },
        feedback = { yes = "Yes: the advice was wrong." },
      },
      debrief = "The advice was wrong.",
    },
    two = {
      text = "Two.",
      decision = {
        options = {
          { id = "call", label = "Call", next = "three" },
          { id = "wait", label = "Wait", next = "three" },
          { id = "leave", label = "Leave", next = "three" },
        },
        best = { "call" },
        advice = { recommend = "call", timing = "with_case" },
      },
      debrief = "Calling was right.",
    },
    three = {
      text = "Three.",
      decision = {
        options = {
          { id = "a", label = "A", next = "done" },
          { id = "b", label = "B", next = "late" },
        },
        best = { "a" },
        advice = { recommend = "b" },
        feedback = { default = "A was right.", b = "B was the advice, and wrong." },
      },
      debrief = "A.",
    },
    done = { text = "", ending = { outcome = "good" } },
    late = { text = "", ending = { outcome = "neutral" } },
  },
}
