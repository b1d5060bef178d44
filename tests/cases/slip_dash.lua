-- A negative weight written with a long dash from a word processor.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = "A man of 70 with chest pain.",
      decision = {
        options = { { id = "ecg", label = "ECG now", next = "b" } },
        best = { "ecg" },
        advice = { recommend = "ecg", reasons = { { "Age 70", –0.2 } } },
      },
    },
    b = { text = "Done.", ending = { outcome = "good" } },
  },
}
