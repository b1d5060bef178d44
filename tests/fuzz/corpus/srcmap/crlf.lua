return case {
  id = "crlf",
  nodes = {
    a = { text = "x" },
  },
}
