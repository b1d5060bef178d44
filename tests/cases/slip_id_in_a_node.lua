-- A node given an id of its own, as if it were the case: its id is its key.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = { id = "a", text = "A man of 70 with chest pain.",
          ending = { outcome = "good" } },
  },
}
