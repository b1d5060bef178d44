-- A node whose closing bracket is missing.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = "A man of 70 with chest pain.",
      next = "b",
    b = {
      text = "Done.",
      ending = { outcome = "good" },
    },
  },
}
