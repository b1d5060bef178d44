return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = {
      text = "",
      decision = {
        options = {
          { id = "o", label = "O", next = "b" },
          { id = "o", label = "Again", next = "b" },
        },
      },
    },
    b = { text = "", ending = { outcome = "good" } },
  },
}
