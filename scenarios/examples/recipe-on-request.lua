-- scenarios/examples/recipe-on-request.lua
-- Recipe: advice on request. With timing = "on_request" the advice stays
-- hidden behind an "Ask the AI" control; the trainee may decide without it.
-- The log says whether and when it was asked for.
return case {
  id = "example-on-request",
  version = "1.0",
  title = "Pneumonia and a statin: the interaction checker",
  summary = "Choose an antibiotic for a man taking simvastatin; an interaction " ..
            "checker is there if you want it.",
  objectives = { "Recognise the clarithromycin and simvastatin interaction" },
  references = { "NICE NG138 (2019) Pneumonia (community-acquired): antimicrobial prescribing",
                 "BNF: clarithromycin interactions (simvastatin: avoid)" },
  tags = { "example", "pharmacy", "primary care", "on-request" },
  minutes = 3,

  patient = { age = 67, sex = "M", setting = "GP surgery",
              complaint = "Cough, fever and green sputum for four days",
              medications = { "Simvastatin 40 mg at night", "Amlodipine 10 mg daily" },
              allergies = { "Penicillin (anaphylaxis)" } },
  vitals = { hr = 92, sbp = 134, dbp = 80, rr = 20, spo2 = 95, temp = 38.1, avpu = "A" },

  ai = { name = "RxCheck", version = "5.1", kind = "drug interaction checker",
         limitations = { "Checks the medicines list in the record, which may be out of date" } },

  start = "prescribe",
  nodes = {
    prescribe = {
      text = "Low-severity community-acquired pneumonia (CRB-65 of 1). He cannot take " ..
             "penicillins.",
      decision = {
        prompt = "Which antibiotic do you prescribe?",
        options = {
          { id = "doxycycline", label = "Doxycycline" },
          { id = "clari_pause", label = "Clarithromycin, and pause simvastatin for the course" },
          { id = "clari", label = "Clarithromycin; no change to his medicines" },
        },
        next = "review",
        best = { "doxycycline", "clari_pause" },
        advice = {
          recommend = "clari",
          confidence = 0.80,
          message = "Clarithromycin 500 mg twice daily for 5 days. No interactions found.",
          reasons = { { "Penicillin allergy recorded", 0.4 },
                      { "Simvastatin not on the record's current list", 0.2 } },
          timing = "on_request",
        },
        ask = { trust = true, rationale = "override" },
        feedback = {
          default = "Both avoid the interaction: clarithromycin blocks the breakdown of " ..
                    "simvastatin, raising the risk of myopathy and rhabdomyolysis, so the " ..
                    "two are not taken together.",      -- for doxycycline and clari_pause
          clari = "Clarithromycin with simvastatin risks myopathy and rhabdomyolysis: the " ..
                  "BNF says to avoid the pair. Choose doxycycline, or pause the statin for " ..
                  "the course.",
        },
      },
      debrief = "Clarithromycin blocks simvastatin's metabolism (risk of myopathy and " ..
                "rhabdomyolysis): avoid together. RxCheck missed it because the record was " ..
                "out of date.",
    },
    review = {
      text = function(s)
        if s.choices.prescribe == "clari" then
          return "A week later he has aching muscles and dark urine."
        end
        return "A week later his cough is settling."
      end,
      elapsed = 10080,
      next = function(s) if s.choices.prescribe == "clari" then return "harm" end return "well" end,
    },
    well = { text = "", ending = { outcome = "good", summary = "Pneumonia treated safely." } },
    harm = { text = "", ending = { outcome = "harm", summary = "Statin myopathy; admitted." } },
  },
}
