-- A small case for the command-line tests: one narrative node, one decision
-- with after_initial advice and every rating asked, and two endings.
return case {
  id = "cli-mini",
  version = "1.0",
  title = "Command-line test case",
  variants = { "ai_right", "ai_wrong" },
  vitals = { hr = 110, sbp = 95, dbp = 60, rr = 24, spo2 = 93, temp = 38.5, avpu = "A" },
  ai = { name = "TestScore", version = "1" },
  start = "intro",
  nodes = {
    intro = { text = "A patient arrives.", next = "choice" },
    choice = {
      text = "What now?",
      decision = {
        options = {
          { id = "treat", label = "Treat now", next = "good_end" },
          { id = "wait", label = "Wait an hour", next = "bad_end" },
        },
        best = { "treat" },
        advice = { recommend = "wait", confidence = 0.8, message = "Low risk." },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = "Treating early was right.",
      },
    },
    good_end = { text = "Better.", ending = { outcome = "good", summary = "Recovered." } },
    bad_end = { text = "Worse.", ending = { outcome = "harm", summary = "ICU." } },
  },
}
