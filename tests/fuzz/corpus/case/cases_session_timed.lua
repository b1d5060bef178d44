-- Fixture for test_session: a 30 s time limit over after_initial advice.
return case {
  id = "session-timed",
  version = "1.0",
  title = "Timed: the arrest call",
  ai = { name = "RhythmAI", version = "1.0", kind = "rhythm classifier" },
  start = "call",
  nodes = {
    call = {
      text = "The monitor alarms.",
      decision = {
        options = {
          { id = "shock", label = "Shock", next = "saved" },
          { id = "cpr", label = "Continue CPR", next = "saved" },
        },
        best = { "shock" },
        advice = { recommend = "shock", confidence = 0.95, message = "VF.", timing = "after_initial" },
        ask = { confidence = true, trust = true },
        time_limit = 30,
        on_timeout = "late",
        feedback = "Shock early.",
      },
    },
    late = { text = "Too late.", next = "lost" },
    saved = { text = "ROSC.", ending = { outcome = "good", summary = "ROSC." } },
    lost = { text = "Lost.", ending = { outcome = "harm", summary = "Died." } },
  },
}
