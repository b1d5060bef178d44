-- scenarios/examples/recipe-variants.lua
-- Recipe: counterbalanced variants. The same decision with the AI right for
-- half the cohort (variant ai_right) and wrong for the other half (ai_wrong).
-- Only the advice changes; everything the trainee can see about the patient
-- is the same, so a difference between the groups is the AI's doing.
local function by_variant(right, wrong)
  return function(s)
    if s.variant == "ai_right" then return right end
    return wrong
  end
end

return case {
  id = "example-variants",
  version = "1.0",
  title = "Pneumonia: how sick is she?",
  summary = "A woman with community-acquired pneumonia and a severity tool's view.",
  objectives = { "Score CURB-65 yourself and act on it" },
  references = { "NICE NG138 (2019) Pneumonia (community-acquired): antimicrobial prescribing",
                 "British Thoracic Society (2009) Guidelines for the management of " ..
                 "community acquired pneumonia in adults" },
  tags = { "example", "acute medicine" },
  minutes = 4,
  variants = { "ai_right", "ai_wrong" },

  patient = { age = 81, sex = "F", setting = "Acute medical unit",
              complaint = "Cough and fever for three days" },
  vitals = { hr = 104, sbp = 86, dbp = 50, rr = 32, spo2 = 93, temp = 38.4, avpu = "C" },
  results = { { name = "Urea", value = 9.8, unit = "mmol/L", flag = "high" } },

  ai = { name = "CAP-Severity", version = "1.1", kind = "risk score" },

  start = "assess",
  nodes = {
    assess = {
      text = "Chest X-ray: right lower lobe consolidation. She is newly confused.",
      decision = {
        prompt = "Where should she be managed?",
        options = {
          { id = "high", label = "High severity: IV antibiotics, senior and critical care review",
            next = "high_care" },
          { id = "home", label = "Low severity: oral antibiotics at home", next = "home" },
        },
        best = { "high" },
        advice = {
          recommend = by_variant("high", "home"),
          confidence = 0.84,
          message = by_variant("Severity HIGH (CURB-65 estimated 5).",
                               "Severity LOW. Suitable for home treatment."),
        },
        ask = { trust = true, confidence = true },
        feedback = function(s)                -- a function, when the text depends on s
          local curb = "CURB-65 is 5: new confusion, urea 9.8, respiratory rate 32, BP " ..
                       "86/50 and age 81. "
          local tool = " CAP-Severity's score matched her numbers."
          if s.variant == "ai_wrong" then
            tool = " CAP-Severity's LOW did not match her numbers: count the score yourself."
          end
          return {
            high = curb .. "High severity: hospital care, with critical care considered." ..
                   tool,
            home = curb .. "That is high severity, for hospital care, not home." .. tool,
          }
        end,
      },
      debrief = "Confusion, urea over 7, respiratory rate 30 or more, low blood pressure " ..
                "and age 65 or more: CURB-65 is 5, high severity.",
    },
    high_care = { text = "She improves on IV antibiotics.", elapsed = 2880,
                  ending = { outcome = "good", summary = "Recovered on the ward." } },
    home = { text = "She is brought back by ambulance the next morning in shock.",
             elapsed = 960,
             ending = { outcome = "harm", summary = "Readmitted to critical care." } },
  },
}
