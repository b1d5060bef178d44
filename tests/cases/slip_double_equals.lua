-- == (a comparison) where a field wants its value.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = { text = "A man of 70 with chest pain.", ending = { outcome == "good" } },
  },
}
