-- An ending's summary written on its node: it belongs to the ending.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = { text = "A man of 70 with chest pain.", summary = "Seen and treated.",
          ending = { outcome = "good" } },
  },
}
