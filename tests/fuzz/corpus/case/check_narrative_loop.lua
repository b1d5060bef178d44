-- Narrative nodes that go round: Continue never ends the case.
return case {
  id = "check-narrative-loop", version = "1", title = "Narrative loop", start = "choose",
  nodes = {
    choose = {
      text = "Which way?",
      decision = {
        options = {
          { id = "home", label = "Home", next = "done" },
          { id = "round", label = "Round", next = "first" },
        },
      },
    },
    first = { text = "Round we go.", next = "second" },
    second = { text = "And again.", next = "first" },
    done = { text = "", ending = { outcome = "good" } },
  },
}
