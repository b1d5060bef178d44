-- Fixture for test_session: with_case advice, one choice, trust asked,
-- a decision-level next and no feedback.
return case {
  id = "session-with-case",
  version = "1.0",
  title = "With case: chest X-ray triage",
  vitals = { hr = 88, rr = 18 },
  ai = {
    cxr = { name = "CXR-Triage", version = "1.0", kind = "image classifier" },
    sepsis = { name = "SepsisWatch", version = "2.3", kind = "risk score" },
  },
  start = "film",
  nodes = {
    film = {
      text = "A chest film is up.",
      decision = {
        options = {
          { id = "drain", label = "Insert a chest drain" },
          { id = "observe", label = "Observe" },
        },
        next = "done",
        best = { "drain" },
        advice = {
          tool = "cxr",
          recommend = "drain",
          message = "Large pneumothorax.",
          timing = "with_case",
          source = "Radiology AI",
        },
        ask = { trust = true },
      },
    },
    done = { text = "Done.", ending = { outcome = "neutral", summary = "Done." } },
  },
}
