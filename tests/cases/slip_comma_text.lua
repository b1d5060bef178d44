-- A long text split over two lines without .. between its parts.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = "A man of 70 with chest pain, "
             "sweaty and grey.",
      ending = { outcome = "good" },
    },
  },
}
