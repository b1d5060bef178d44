return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = {
      text = "",
      decision = {
        options = { { id = "o", label = "O", next = "b" } },
        best = { "o" },
        advice = { recommend = "o", confidence = 87 },
      },
    },
    b = { text = "", ending = { outcome = "good" } },
  },
}
