-- Fixture for test_session_feedback: where the feedback step comes (advice
-- shown, the case's text for the choice, a time-out) and what the node,
-- decision and ending records keep for the debrief.
return case {
  id = "session-feedback",
  version = "1.0",
  title = "Feedback after a decision",
  -- NEWS2 3 from AVPU C alone: a red score, so low-medium
  vitals = { hr = 70, sbp = 120, dbp = 80, rr = 16, spo2 = 97, temp = 37.0, avpu = "C" },
  ai = { name = "WardScore", version = "1" },
  start = "plain",
  nodes = {
    plain = {
      title = "First look",
      text = "A new confusion.",
      debrief = function(s) return "New confusion scores 3 on its own." end,
      decision = {
        prompt = "What first?",
        options = {
          { id = "look", label = "Look again later" },
          { id = "call", label = "Call for help" },
        },
        next = "advised",
        feedback = { call = "Calling early is right." },
      },
    },
    advised = {
      text = "The score has a view.",
      decision = {
        options = { { id = "a", label = "A" }, { id = "b", label = "B" } },
        best = { "a" },
        advice = { recommend = "b", timing = "with_case" },
        next = "timed",
      },
    },
    timed = {
      text = "Quick.",
      decision = {
        options = { { id = "x", label = "X" } },
        next = "done",
        time_limit = 10,
        on_timeout = "done",
        feedback = "Not shown after a time-out.",
      },
    },
    done = {
      title = "Home",
      text = "Home by evening.",
      ending = { outcome = "good", summary = "Home." },
    },
  },
}
