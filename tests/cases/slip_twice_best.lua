-- A decision whose best is given twice: Lua would keep the second.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = "A man of 70 with chest pain.",
      decision = {
        options = {
          { id = "ecg", label = "ECG now", next = "b" },
          { id = "wait", label = "Wait", next = "b" },
        },
        best = { "ecg" },
        advice = { recommend = "wait", confidence = 0.7 },
        best = { "wait" },
      },
    },
    b = { text = "Done.", ending = { outcome = "good" } },
  },
}
