-- An ending's outcome written on its node.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = { text = "Done.", outcome = "good", ending = { summary = "Well done." } },
  },
}
