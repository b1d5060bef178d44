-- Advised decisions counted once each: the AI is wrong at 'first', and at
-- 'second' it is right after 'a' and wrong after 'b' (a function of the
-- first choice). A sound case: no finding.
return case {
  id = "check-advice-by-path", version = "1", title = "Advice by path", start = "first",
  nodes = {
    first = {
      text = "First.",
      decision = {
        options = {
          { id = "a", label = "A", next = "second" },
          { id = "b", label = "B", next = "second" },
        },
        best = { "a" },
        advice = { recommend = "b" },
        feedback = "A was right.",
      },
      debrief = "The advice was wrong.",
    },
    second = {
      text = "Second.",
      decision = {
        options = {
          { id = "treat", label = "Treat", next = "done" },
          { id = "wait", label = "Wait", next = "late" },
        },
        best = { "treat" },
        advice = {
          recommend = function(s)
            if s.choices.first == "a" then return "treat" end
            return "wait"
          end,
        },
        feedback = "Treating was right.",
      },
      debrief = "The advice depended on the first choice.",
    },
    done = { text = "", ending = { outcome = "good" } },
    late = { text = "", ending = { outcome = "neutral" } },
  },
}
