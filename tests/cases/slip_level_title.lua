-- The node's title written inside its decision.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = "A man of 70 with chest pain.",
      decision = {
        title = "Chest pain",
        options = { { id = "ecg", label = "ECG now", next = "b" } },
      },
    },
    b = { text = "Done.", ending = { outcome = "good" } },
  },
}
