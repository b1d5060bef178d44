-- Two options of a decision, the first without its comma.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = "A man of 70 with chest pain.",
      decision = {
        options = {
          { id = "ecg", label = "ECG now", next = "b" }
          { id = "wait", label = "Wait", next = "b" },
        },
      },
    },
    b = { text = "Done.", ending = { outcome = "good" } },
  },
}
