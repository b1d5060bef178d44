-- Golden log fixture: variants (the trainee "golden" derives ai_right), two
-- AI tools, with_case advice whose recommendation is a function of the
-- variant, a next function, every rating asked and rationale "always".
return case {
  id = "golden-variant",
  version = "1",
  title = "Golden: with-case advice by variant",
  variants = { "ai_right", "ai_wrong" },
  ai = {
    cxr = { name = "CXR-Triage", version = "1.0", kind = "image classifier" },
    ecg = { name = "ECG-Read", version = "0.3", kind = "ECG classifier" },
  },
  vitals = { hr = 88, sbp = 130, dbp = 80, rr = 18, spo2 = 97, temp = 37.0, gcs = 15 },
  start = "film",
  nodes = {
    film = {
      text = function(s) return "Variant " .. s.variant end,
      set = { films = 1 },
      decision = {
        options = {
          { id = "drain", label = "Insert a chest drain" },
          { id = "observe", label = "Observe and repeat the film" },
        },
        best = { "drain" },
        advice = {
          tool = "cxr",
          recommend = function(s)
            if s.variant == "ai_right" then return "drain" end
            return "observe"
          end,
          confidence = 0.9,
          message = "Large right pneumothorax.",
          timing = "with_case",
        },
        ask = { confidence = true, trust = true, rationale = "always" },
        next = function(s, choice)
          if choice == "drain" then return "drained" end
          return "watched"
        end,
        feedback = "Drain a large pneumothorax in a breathless patient.",
      },
    },
    drained = { text = "He breathes easier.", elapsed = 15, vitals = { spo2 = 99 },
                ending = { outcome = "good", summary = "Drained." } },
    watched = { text = "He tires.", elapsed = 15, ending = { outcome = "harm", summary = "Tension." } },
  },
}
