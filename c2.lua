return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      title = "Arrival",
      text = "He said "no" to the scan.",
      ending = { outcome = "good" },
    },
  },
}
