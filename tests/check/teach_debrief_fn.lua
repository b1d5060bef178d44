-- An advised decision whose debrief text, written by a function, is empty
-- on one path only: the path after choosing 'b' first.
return case {
  id = "check-teach-debrief-fn", version = "1", title = "Debrief by path", start = "first",
  nodes = {
    first = {
      text = "First.",
      decision = {
        options = {
          { id = "a", label = "A", next = "second" },
          { id = "b", label = "B", next = "second" },
        },
        best = { "a" },
        advice = { recommend = "a" },
        feedback = "A was right.",
      },
      debrief = "A was right.",
    },
    second = {
      text = "Second.",
      decision = {
        options = {
          { id = "treat", label = "Treat", next = "done" },
          { id = "wait", label = "Wait", next = "late" },
        },
        best = { "treat" },
        advice = { recommend = "wait" },
        feedback = "Treating was right.",
      },
      debrief = function(s)
        if s.choices.first == "a" then return "Treating was right." end
        return ""
      end,
    },
    done = { text = "", ending = { outcome = "good" } },
    late = { text = "", ending = { outcome = "neutral" } },
  },
}
