-- One } too many, on a line of its own.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = { text = "A man of 70 with chest pain.", ending = { outcome = "good" } },
    },
  },
}
