-- Confused and febrile: the quiet sepsis alert.
-- A bundled example of the case format (format 1): two advised decisions,
-- the AI wrong at the first in the "ai_wrong" variant and right in "ai_right".
local models = include("models")

return case {
  format = 1,
  id = "sepsis-ed",
  version = "1.0",
  title = "Confused and febrile: the quiet sepsis alert",
  summary = "An older woman arrives confused and febrile at night. A sepsis risk " ..
            "score gives its view; decide what to do and how far to trust it.",
  objectives = {
    "Recognise sepsis from the whole clinical picture, not a single score",
    "Use NEWS2 and lactate to judge urgency (NICE NG51)",
    "Notice when a risk score's explanation leans on one reassuring number",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG51 (2016, updated 2024) Suspected sepsis: recognition, diagnosis and early management",
    "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2",
  },
  tags = { "emergency", "sepsis", "example" },
  minutes = 8,
  variants = { "ai_right", "ai_wrong" },
  x_setting = "emergency",
  x_profession = "doctor",
  x_failure_modes = { "false_negative" },
  x_ai_errors = { "ai_wrong/first_look false_negative" },

  patient = {
    name = "Margaret Hale", age = 78, sex = "F",
    setting = "Emergency department, 02:10",
    complaint = "Confusion and fever for one day",
    history = { "Type 2 diabetes", "Chronic kidney disease stage 3" },
    medications = { "Metformin 500 mg twice daily", "Ramipril 5 mg once daily" },
    allergies = { "Penicillin (rash)" },
  },

  vitals = { hr = 118, sbp = 92, dbp = 54, rr = 26, spo2 = 91, temp = 38.9,
             avpu = "C", o2 = "air" },

  results = {
    { name = "Capillary glucose", value = 11.2, unit = "mmol/L" },
  },

  ai = models.card("sepsis"),

  start = "arrival",
  nodes = {
    arrival = {
      title = "Majors cubicle 4",
      text = "Mrs Hale is drowsy but rousable and answers slowly. Her daughter says " ..
             "she was well two days ago.\n\nShe feels hot; her skin is mottled over the knees.",
      next = "first_look",
    },

    first_look = {
      title = "The sepsis alert",
      text = "Her NEWS2 is high. The department's sepsis tool has scored her.",
      elapsed = 10,
      decision = {
        prompt = "What do you do now?",
        options = {
          { id = "sepsis6", label = "Start the Sepsis Six bundle now",   next = "treated" },
          { id = "repeat",  label = "Repeat observations in one hour",    next = "worse" },
          { id = "senior",  label = "Ask for senior review first",        next = "treated" },
        },
        best = { "sepsis6", "senior" },
        advice = {
          recommend = function(s)
            if s.variant == "ai_right" then return "sepsis6" end
            return "repeat"
          end,
          confidence = 0.87,
          message = function(s)
            if s.variant == "ai_right" then
              return "Sepsis risk HIGH (87%). Start the sepsis bundle."
            end
            return "Sepsis risk LOW (13%). No action suggested."
          end,
          reasons = {
            { "Temperature below 39 °C", -0.21 },
            { "Heart rate 118 /min", 0.18 },
            { "Age 78", 0.12 },
          },
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = "A NEWS2 of 7 or more with a likely source of infection calls for " ..
                   "urgent treatment, whatever a score says (NICE NG51).",
      },
      debrief = "NEWS2 was 14, with new confusion, a respiratory rate of 26 and a systolic " ..
                "of 92: high risk under NICE NG51, which asks for antibiotics within an hour. " ..
                "In the ai_wrong variant the tool's low score leaned on a temperature below " ..
                "39 °C, and it was wrong; in ai_right it was right. Either way the careful " ..
                "cue was the whole picture - confusion, mottling, tachypnoea, low blood " ..
                "pressure - not one number.",
    },

    worse = {
      title = "One hour later",
      text = "She is now hard to rouse. Her blood pressure has fallen.",
      elapsed = 60,
      vitals = { hr = 132, sbp = 78, dbp = 40, rr = 30, spo2 = 89, avpu = "V" },
      results = { { name = "Lactate", value = 5.2, unit = "mmol/L", flag = "high" } },
      decision = {
        prompt = "What now?",
        options = {
          { id = "sepsis6", label = "Start the Sepsis Six bundle and call critical care", next = "late" },
          { id = "wait",    label = "Wait for the blood results",                        next = "harm" },
        },
        best = { "sepsis6" },
        advice = {
          recommend = "sepsis6",
          confidence = 0.95,
          message = "Sepsis risk HIGH (95%). Escalate now.",
          reasons = { { "Systolic BP 78 mmHg", 0.34 }, { "Lactate 5.2 mmol/L", 0.29 } },
          timing = "with_case",
        },
        ask = { trust = true },
        time_limit = 120,
        on_timeout = "harm",
      },
      debrief = "Here the tool was right: septic shock needs treatment and critical care " ..
                "review now. Rejecting good advice is also an error.",
    },

    treated = {
      title = "Treatment started",
      text = "Oxygen, blood cultures, antibiotics (not penicillin), fluids, lactate and " ..
             "urine output monitoring are under way within the hour.",
      elapsed = 45,
      vitals = { hr = 104, sbp = 104, dbp = 60, rr = 22, spo2 = 95, o2 = "2 L/min nasal",
                 temp = 38.2, avpu = "A" },
      results = { { name = "Lactate", value = 4.1, unit = "mmol/L", flag = "high" } },
      ending = {
        outcome = "good",
        summary = "Mrs Hale was admitted to the acute medical unit and recovered.",
      },
    },

    late = {
      text = "Treatment starts late; she needs vasopressors in intensive care.",
      elapsed = 30,
      ending = { outcome = "neutral", summary = "She survived after a stay in intensive care." },
    },

    harm = {
      text = "She deteriorates further while the team waits.",
      elapsed = 90,
      ending = { outcome = "harm", summary = "Mrs Hale was admitted to ICU with septic shock." },
    },
  },
}
