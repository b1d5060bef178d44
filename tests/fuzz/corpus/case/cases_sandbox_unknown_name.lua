return case {
  id = "x", version = "1", title = "t", start = "a",
  summary = Ankle,
  nodes = { a = { text = "", ending = { outcome = "good" } } },
}
