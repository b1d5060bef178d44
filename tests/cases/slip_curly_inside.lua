-- Curly quotes inside a closed text, and a text never closed on the same line.
return case {
  id = "slip", version = "1", start = "a",
  title = "He said “no”", summary = "Slip,
  nodes = {
    a = { text = "A man of 70 with chest pain.", ending = { outcome = "good" } },
  },
}
