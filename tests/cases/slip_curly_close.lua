-- A text that opens with a straight quote and closes with a curly one.
return case {
  id = "slip", version = "1", start = "a",
  title = "Chest pain”,
  nodes = {
    a = { text = "A man of 70 with chest pain.", ending = { outcome = "good" } },
  },
}
