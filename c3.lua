return case {
  id = "slip", version = "1", start = "a",
  title = "Slip" -- shown in the library

  -- the nodes
  nodes = {
    a = { text = "A man of 70 with chest pain.", ending = { outcome = "good" } },
  },
}
