-- Fixture for test_session: after_initial advice (the judge-advisor sequence)
-- with every rating asked, rationale on override and feedback.
return case {
  id = "session-after-initial",
  version = "1.2",
  title = "After initial: the quiet sepsis alert",
  vitals = { hr = 118, sbp = 92, dbp = 54, rr = 26, spo2 = 91, temp = 38.9, avpu = "V" },
  ai = {
    name = "SepsisWatch", version = "2.3", kind = "risk score",
    intended_use = "Adults in the ED",
  },
  start = "arrival",
  nodes = {
    arrival = {
      text = "Mrs Hale is drowsy but rousable.",
      decision = {
        prompt = "What do you do now?",
        options = {
          { id = "sepsis6", label = "Start the Sepsis Six", next = "treated" },
          { id = "repeat", label = "Repeat observations in one hour", next = "worse" },
          { id = "senior", label = "Ask for senior review", next = "treated" },
        },
        best = { "sepsis6", "senior" },
        advice = {
          recommend = "repeat",
          confidence = 0.87,
          message = "Sepsis risk LOW (13%).",
          reasons = { { "Temperature below 39", -0.21 }, { "Age 78", 0.12 } },
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = "Lactate 4.1 with hypotension is sepsis until shown otherwise.",
      },
    },
    treated = {
      text = "Antibiotics are running.",
      elapsed = 30,
      vitals = { hr = 96 },
      ending = { outcome = "good", summary = "She improves." },
    },
    worse = {
      text = "She deteriorates.",
      elapsed = 60,
      ending = { outcome = "harm", summary = "Admitted to ICU." },
    },
  },
}
