-- A node no path reaches.
return case {
  id = "check-unreachable", version = "1", title = "Unreachable", start = "a",
  nodes = {
    a = { text = "Start.", next = "done" },
    orphan = { text = "Nobody comes here.", next = "done" },
    done = { text = "", ending = { outcome = "good" } },
  },
}
