return case {
  format = 2,
  id = "x", version = "1", title = "t", start = "a",
  nodes = { a = { text = "", ending = { outcome = "good" } } },
}
