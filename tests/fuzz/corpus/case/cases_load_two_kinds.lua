return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = { text = "", next = "b",
          ending = { outcome = "good" } },
    b = { text = "", ending = { outcome = "good" } },
  },
}
