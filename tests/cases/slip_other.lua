-- A syntax error that is none of the known slips: Lua's message stays.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  minutes = 5 +,
  nodes = {
    a = { text = "A man of 70 with chest pain.", ending = { outcome = "good" } },
  },
}
