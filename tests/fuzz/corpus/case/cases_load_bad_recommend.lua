return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = {
      text = "",
      decision = {
        options = { { id = "o", label = "O", next = "b" }, { id = "p", label = "P", next = "b" } },
        best = { "o" },
        advice = {
          recommend = "q",
        },
      },
    },
    b = { text = "", ending = { outcome = "good" } },
  },
}
