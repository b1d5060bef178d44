-- confidence written on the decision: the advice's, or the ask's?
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = "A man of 70 with chest pain.",
      decision = {
        options = { { id = "ecg", label = "ECG now", next = "b" } },
        best = { "ecg" },
        advice = { recommend = "ecg" },
        confidence = 0.8,
      },
    },
    b = { text = "Done.", ending = { outcome = "good" } },
  },
}
