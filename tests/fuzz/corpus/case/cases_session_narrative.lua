-- Fixture for test_session: narrative nodes, a decision without advice or AI
-- tool, feedback, and state carried in s.vars.
return case {
  id = "session-narrative",
  version = "1.0",
  title = "Narrative: handover",
  vitals = { hr = 70 },
  start = "handover",
  nodes = {
    handover = { text = "Handover.", set = { seen = 1 }, next = "ward" },
    ward = {
      text = "On the ward.",
      elapsed = 15,
      decision = {
        prompt = "Who first?",
        options = {
          { id = "bed1", label = "Bed 1", next = "end_good" },
          { id = "bed2", label = "Bed 2", next = "end_neutral" },
        },
        best = { "bed1" },
        feedback = "Bed 1 was the sickest.",
      },
    },
    end_good = {
      text = function(s) return "Seen " .. tostring(s.vars.seen) end,
      ending = { outcome = "good", summary = "Good." },
    },
    end_neutral = { text = "Fine.", ending = { outcome = "neutral", summary = "Fine." } },
  },
}
