-- A sound case: every node reached, the AI wrong at one decision, debriefs
-- on every advised decision, a time limit and advice on request.
return case {
  id = "check-clean", version = "1", title = "Clean", start = "arrival",
  nodes = {
    arrival = { text = "A patient arrives.", next = "triage" },
    triage = {
      text = "Triage.",
      decision = {
        options = {
          { id = "urgent", label = "Urgent", next = "review" },
          { id = "routine", label = "Routine", next = "waited" },
        },
        best = { "urgent" },
        advice = { recommend = "routine", message = "Low risk.", timing = "after_initial" },
        ask = { confidence = true, trust = true, rationale = "override" },
        feedback = "Urgent was right.",
      },
      debrief = "The score missed the sepsis.",
    },
    review = {
      text = "Senior review.",
      decision = {
        options = {
          { id = "treat", label = "Treat", next = "good_end" },
          { id = "wait", label = "Wait", next = "harm_end" },
        },
        best = { "treat" },
        advice = { recommend = "treat", timing = "on_request" },
        feedback = { treat = "Treating now was right.", wait = "Waiting let her worsen." },
        time_limit = 60,
        on_timeout = "harm_end",
      },
      debrief = "Asking was optional.",
    },
    waited = { text = "She waited.", next = "late_end" },
    good_end = { text = "", ending = { outcome = "good" } },
    late_end = { text = "", ending = { outcome = "neutral" } },
    harm_end = { text = "", ending = { outcome = "harm" } },
  },
}
