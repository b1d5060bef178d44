-- The loader rejects this: a next that names no node.
return case {
  id = "check-load-error", version = "1", title = "Load error", start = "a",
  nodes = {
    a = { text = "A.", next = "nowhere" },
  },
}
