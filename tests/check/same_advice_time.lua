-- Variants that differ in time pressure alone: 'calm' and 'rushed' give
-- the same advice, but the decision's time limit is a function of
-- s.variant. A legitimate design, not the same-advice mistake: not said.
return case {
  id = "check-same-advice-time", version = "1", title = "Time pressure", start = "one",
  variants = { "calm", "rushed" },
  nodes = {
    one = {
      text = "The monitor alarms.",
      decision = {
        options = {
          { id = "treat", label = "Treat now", next = "done" },
          { id = "wait", label = "Wait", next = "late" },
        },
        best = { "treat" },
        advice = { recommend = "wait", message = "Low risk." },
        feedback = "Treating now was right.",
        time_limit = function(s)
          if s.variant == "rushed" then return 20 end
          return 120
        end,
        on_timeout = "slow",
      },
      debrief = "The score missed the rising lactate.",
    },
    done = { text = "", ending = { outcome = "good" } },
    slow = { text = "", ending = { outcome = "neutral" } },
    late = { text = "", ending = { outcome = "harm" } },
  },
}
