-- Fixture for test_ui_framing: advice labelled as a colleague's (a `source`
-- other than "AI"), with reasons, a trust rating and a rationale on override.
return case {
  id = "window-colleague",
  version = "1.0",
  title = "A phone call about a breathless man",
  summary = "A registrar gives advice by phone.",
  objectives = { "Weigh a colleague's advice against the whole picture" },
  minutes = 3,
  patient = { name = "Test Patient", age = 70, sex = "M" },
  vitals = { hr = 120, sbp = 100, dbp = 60, rr = 26, spo2 = 90, temp = 37.2, avpu = "A" },
  ai = { name = "WardTriage", version = "1.4", kind = "triage model" },
  start = "call",
  nodes = {
    call = {
      text = "The registrar calls back.",
      decision = {
        prompt = "What do you do first?",
        options = {
          { id = "scan", label = "Request a scan now", next = "done" },
          { id = "wait", label = "Repeat observations in an hour", next = "done" },
        },
        best = { "scan" },
        advice = {
          recommend = "wait",
          message = "Sounds like he's settling. Recheck him in an hour.",
          reasons = { { "He had surgery two days ago", -0.3 }, { "He is on oxygen", 0.1 } },
          source = "Medical registrar (phone)",
        },
        ask = { trust = true, rationale = "override" },
      },
    },
    done = { text = "Done.", ending = { outcome = "good", summary = "He recovers." } },
  },
}
