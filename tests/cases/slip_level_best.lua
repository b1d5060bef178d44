-- best written on the node, beside its decision instead of inside it.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = "A man of 70 with chest pain.",
      best = { "ecg" },
      decision = {
        options = {
          { id = "ecg", label = "ECG now", next = "b" },
          { id = "wait", label = "Wait", next = "b" },
        },
      },
    },
    b = { text = "Done.", ending = { outcome = "good" } },
  },
}
