return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = {
      text = "",
      decision = {
        options = { { id = "wait", label = "Wait", next = "b" } },
        feedback = {
          wait = { "a list, not a text" },
        },
      },
    },
    b = { text = "", ending = { outcome = "good" } },
  },
}
