-- Fixture for test_session: on_request advice, trust asked, rationale always.
return case {
  id = "session-on-request",
  version = "1.0",
  title = "On request: the triage model",
  ai = { name = "TriageNet", version = "0.9", kind = "triage model" },
  start = "triage",
  nodes = {
    triage = {
      text = "A man with chest pain.",
      decision = {
        options = {
          { id = "resus", label = "Resus" },
          { id = "majors", label = "Majors" },
          { id = "minors", label = "Minors" },
        },
        next = "seen",
        best = { "resus" },
        advice = {
          recommend = "majors",
          confidence = 0.6,
          message = "Majors.",
          reasons = { { "Normal ECG", -0.3 } },
          timing = "on_request",
        },
        ask = { trust = true, rationale = "always" },
      },
    },
    seen = { text = "Seen.", ending = { outcome = "neutral", summary = "Seen." } },
  },
}
