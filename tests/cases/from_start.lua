-- --from and --set: a case whose later nodes read what earlier ones set.
-- Started at `review`, the arrival's `set` and on_enter never run, so
-- s.vars.lactate_done is what --set gives (or nil), and s.vitals are the
-- case's start values unless --set changes them.
return case {
  id = "from-start", version = "1", title = "Start anywhere",
  start = "arrival",
  vitals = { hr = 96, rr = 18, spo2 = 97, sbp = 124, temp = 37.2, avpu = "A" },
  nodes = {
    arrival = {
      text = "A patient arrives.",
      set = { lactate_done = true, bed = "resus" },
      on_enter = function(s) s.vitals.hr = 120 end,
      next = "review",
    },
    review = {
      title = "Review",
      text = function(s)
        return "lactate_done=" .. tostring(s.vars.lactate_done) .. " bed=" .. tostring(s.vars.bed)
          .. " score=" .. tostring(s.vars.score) .. " hr=" .. tostring(s.vitals.hr)
          .. " choices=" .. tostring(next(s.choices) == nil and "none" or "some")
      end,
      decision = {
        prompt = "What next?",
        options = {
          { id = "fluids", label = "Give fluids", next = "good_end" },
          { id = "wait", label = "Wait and see", next = "bad_end" },
        },
        best = { "fluids" },
        advice = { recommend = "fluids", confidence = 0.8 },
      },
    },
    good_end = { text = "Better.", ending = { outcome = "good" } },
    bad_end = { text = "Worse.", ending = { outcome = "harm" } },
  },
}
