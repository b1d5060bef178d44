-- A node written twice under the same id: the second replaces the first.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = { text = "A man of 70 with chest pain.", next = "b" },
    b = { text = "Done.", ending = { outcome = "good" } },
    a = { text = "A woman of 70 with chest pain.", next = "b" },
  },
}
