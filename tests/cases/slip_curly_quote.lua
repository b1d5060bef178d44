-- A title pasted from a word processor, in curly quotes.
return case {
  id = "slip", version = "1", start = "a",
  title = “Chest pain”,
  nodes = {
    a = { text = "A man of 70 with chest pain.", ending = { outcome = "good" } },
  },
}
