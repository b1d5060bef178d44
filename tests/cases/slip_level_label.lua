-- An option's label written on the node, two tables too high.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = "A man of 70 with chest pain.",
      label = "ECG now",
      decision = { options = { { id = "ecg", next = "b" } } },
    },
    b = { text = "Done.", ending = { outcome = "good" } },
  },
}
