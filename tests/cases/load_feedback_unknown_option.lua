return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = {
      text = "",
      decision = {
        options = { { id = "wait", label = "Wait", next = "b" }, { id = "call", label = "Call", next = "b" } },
        feedback = {
          default = "Fine.",
          wiat = "A misspelt option id.",
        },
      },
    },
    b = { text = "", ending = { outcome = "good" } },
  },
}
