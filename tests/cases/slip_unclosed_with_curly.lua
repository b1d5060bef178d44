-- A text whose closing quote is missing, with curly quotes inside it.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = { text = "He said “no” and left,
          ending = { outcome = "good" } },
  },
}
