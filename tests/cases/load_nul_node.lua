-- Nodes "e" and "e\0x" both became e; the second must be refused.
return case {
  id = "x", version = "1", title = "t", start = "e",
  nodes = {
    e = { text = "", ending = { outcome = "good" } },
    ["e\0x"] = { text = "", ending = { outcome = "harm" } },
  },
}
