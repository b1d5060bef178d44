return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = {
      text = "",
      decision = {
        options = { { id = "o", label = 42, next = "a" } },
      },
    },
  },
}
