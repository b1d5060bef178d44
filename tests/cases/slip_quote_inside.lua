-- A straight quote inside a text ends it early.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = "He said "no" to the scan.",
      ending = { outcome = "good" },
    },
  },
}
