-- A case for the page of `appraise graph --html`: text with markup that
-- must be shown as written (never run), advice that differs by variant, and
-- every outcome.
return case {
  id = "graph-page",
  version = "1.0",
  title = "Chest pain <b>at night</b> & after",
  variants = { "ai_right", "ai_wrong" },
  ai = { name = "TriageNet <v2>" },
  start = "triage",
  nodes = {
    triage = {
      title = "Triage",
      text = "Pain for 2 hours. <script>alert('x')</script> \"Crushing\" & sweaty.",
      decision = {
        prompt = "What now?",
        options = {
          { id = "ecg", label = "ECG <now>", next = "good_end" },
          { id = "wait", label = "Wait & see", next = "harm_end" },
          { id = "refer", label = "Refer", next = "neutral_end" },
        },
        best = { "ecg" },
        advice = {
          recommend = function(s) if s.variant == "ai_right" then return "ecg" end return "wait" end,
          confidence = 0.8,
          message = "Low risk <i>pattern</i>.",
        },
        feedback = { default = "An ECG comes first in chest pain." },
      },
      debrief = "An ECG within 10 minutes.",
    },
    good_end = { text = "", ending = { outcome = "good", summary = "STEMI caught." } },
    neutral_end = { text = "", ending = { outcome = "neutral", summary = "Delayed." } },
    harm_end = { text = "", ending = { outcome = "harm", summary = "Missed." } },
  },
}
