-- A field of a node without the comma at the end of its line.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      title = "Arrival"
      text = "A man of 70 with chest pain.",
      ending = { outcome = "good" },
    },
  },
}
