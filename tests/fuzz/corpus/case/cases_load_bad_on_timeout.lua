return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = {
      text = "",
      decision = {
        options = { { id = "o", label = "O", next = "b" } },
        time_limit = 60,
        on_timeout = "gone",
      },
    },
    b = { text = "", ending = { outcome = "good" } },
  },
}
