return case {
  id = "x", version = "1", start = "a",
  nodes = { a = { text = "", ending = { outcome = "good" } } },
}
