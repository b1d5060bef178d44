-- A text closed with a curly quote, more fields after it on the same line.
return case {
  title = "Slip”, start = "a",
  id = "slip", version = "1",
  nodes = {
    a = { text = "A man of 70 with chest pain.", ending = { outcome = "good" } },
  },
}
