return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = { text = "Nothing follows" },
  },
}
